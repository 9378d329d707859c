import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { routes } from '../shared/layout/routes';
import { BellIcon } from './NotificationBell';

/** The patient's More page row to the reminder settings (same look as the other rows). */
export function RemindersMoreRow() {
  const { t } = useTranslation();
  return (
    <li>
      <Link
        href={routes.reminders}
        className="sd-learn-row sd-more-row"
        aria-labelledby="more-reminders-title"
        aria-describedby="more-reminders"
      >
        <span className="sd-more-icon">
          <BellIcon />
        </span>
        <span>
          <span className="sd-learn-row-title" id="more-reminders-title">
            {t('reminders.settings.title')}
          </span>
          <span className="sd-learn-row-summary" id="more-reminders">
            {t('reminders.settings.moreSummary')}
          </span>
        </span>
      </Link>
    </li>
  );
}

/** The workspace account page's link to the reminders page (devices and notices). */
export function RemindersAccountLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href={routes.reminders} fw={600} w="fit-content">
      {t('reminders.settings.accountLink')}
    </Anchor>
  );
}
