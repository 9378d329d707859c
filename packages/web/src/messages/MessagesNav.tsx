import { useTranslation } from 'react-i18next';
import { ICON_SVG_PROPS } from '../shared/layout/icons';
import { useUnreadQuery } from './api';
import './messages.css';

/** A speech bubble, with the unread count on it (decorative: the tab's label says it in words). */
export function MessagesTabIcon() {
  const unread = useUnreadQuery().data?.unread ?? 0;
  return (
    <span className="sd-msg-tab-icon" aria-hidden="true">
      <svg {...ICON_SVG_PROPS}>
        <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.4A8 8 0 1 1 21 12z" />
      </svg>
      {unread > 0 && <span className="sd-msg-tab-badge">{unread > 99 ? '99+' : unread}</span>}
    </span>
  );
}

/** "Messages"; for screen readers "Messages, 2 unread" when there are unread messages. */
export function MessagesTabLabel() {
  const { t } = useTranslation();
  const unread = useUnreadQuery().data?.unread ?? 0;
  if (unread === 0) return <span>{t('messages.nav.label')}</span>;
  // One text for the accessible name (a hidden fragment next to visible text would be joined
  // with a space by some browsers: "Messages , 2 unread").
  return (
    <span>
      <span aria-hidden="true">{t('messages.nav.label')}</span>
      <span className="sd-visually-hidden">{t('messages.nav.withUnread', { count: unread })}</span>
    </span>
  );
}
