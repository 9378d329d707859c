import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertSeverity } from '../shared/api/types';

const COLOUR: Record<AlertSeverity, string> = {
  urgent: 'red',
  warning: 'orange',
  caution: 'yellow',
  info: 'blue',
};

/** A warning triangle; decorative, the badge's text says the same. */
function CrisisIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-7h-2v5h2v-5z" />
    </svg>
  );
}

/** Severity of an alert; a crisis is red, filled, with an icon and the word "Crisis". */
export function AlertBadge({ severity, crisis }: { severity: AlertSeverity; crisis: boolean }) {
  const { t } = useTranslation();
  if (crisis) {
    return (
      <Badge color="red" variant="filled" size="lg" leftSection={<CrisisIcon />}>
        {t('alerts.crisis')}
      </Badge>
    );
  }
  return (
    <Badge color={COLOUR[severity]} variant="light" c="dark">
      {t(`alerts.severity.${severity}`)}
    </Badge>
  );
}
