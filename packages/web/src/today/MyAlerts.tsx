import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertBadge } from '../alerts/AlertBadge';
import { SourceList } from '../alerts/AlertDetails';
import { useAlertsQuery } from '../alerts/useAlerts';
import { TellAboutAlert } from '../messages/TellCareTeam';
import { useUser } from '../shared/session';

/** The patient's own messages from the safety rules (cautions, crisis guidance), with sources. */
export function MyAlerts() {
  const { t } = useTranslation();
  const { id } = useUser();
  const alerts = useAlertsQuery(id);
  const shown = (alerts.data ?? []).filter((a) => a.patientText !== null);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="my-alerts-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="my-alerts-heading">
          {t('alerts.myTitle')}
        </Title>
        {shown.map((a) => (
          <Paper
            key={a.id}
            withBorder
            p="md"
            radius="md"
            style={a.crisis ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 3 } : {}}
          >
            <Stack gap="xs">
              <AlertBadge severity={a.severity} crisis={a.crisis} />
              <Text>{a.patientText}</Text>
              <SourceList sources={a.sources} />
              {/* A crisis calls for emergency help first, not a message. */}
              {!a.crisis && <TellAboutAlert alert={a} />}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
