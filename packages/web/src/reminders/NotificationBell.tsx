import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ICON_SVG_PROPS } from '../shared/layout/icons';
import { routes } from '../shared/layout/routes';
import { useUnreadNotificationsQuery } from './api';
import './reminders.css';

/** A bell (decorative). */
export function BellIcon() {
  return (
    <svg {...ICON_SVG_PROPS}>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The header's bell: a link to the notification centre with the unread count (polled every
 * minute and when the window regains focus). Named in words for screen readers:
 * "Notifications, 2 unread".
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const unread = useUnreadNotificationsQuery().data ?? 0;
  const label =
    unread === 0 ? t('reminders.bell.label') : t('reminders.bell.withUnread', { count: unread });
  return (
    <Link
      href={routes.notifications}
      className="sd-bell"
      aria-label={label}
      title={label}
      aria-current={location === routes.notifications ? 'page' : undefined}
    >
      <BellIcon />
      {unread > 0 && (
        <span className="sd-bell-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
