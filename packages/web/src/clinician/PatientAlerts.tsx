import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertBadge } from '../alerts/AlertBadge';
import { EvidenceList, SourceList } from '../alerts/AlertDetails';
import { useAlertAction, useAlertsQuery } from '../alerts/useAlerts';
import type { AlertView } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { isNotShared } from './usePatients';
import { NotShared } from './SharedSection';

function AlertItem({ alert, patientId }: { alert: AlertView; patientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const action = useAlertAction(patientId);
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const headingId = `alert-${alert.id}`;
  return (
    <li>
      <Paper
        withBorder
        p="md"
        radius="md"
        component="article"
        aria-labelledby={headingId}
        style={alert.crisis ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 3 } : {}}
      >
        <Stack gap="xs">
          <Group gap="sm">
            <AlertBadge severity={alert.severity} crisis={alert.crisis} />
            <Title order={3} fz="1.05rem" id={headingId}>
              {alert.title}
            </Title>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`alerts.status.${alert.status}`)} ·{' '}
            {t('alerts.seen', {
              first: fmt.dateTime(alert.firstSeen),
              last: fmt.dateTime(alert.lastSeen),
            })}
            {!alert.present && ` · ${t('alerts.notPresent')}`}
            {alert.acknowledged !== null &&
              ` · ${t('alerts.acknowledgedBy', { name: alert.acknowledged.by.displayName })}`}
          </Text>
          {alert.clinicianText !== null && <Text>{alert.clinicianText}</Text>}
          <EvidenceList evidence={alert.evidence} />
          <SourceList sources={alert.sources} />
          {action.isError && <ErrorAlert error={action.error} />}
          {resolving ? (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (note.trim() === '') return;
                action.mutate({ alertId: alert.id, action: 'resolve', note: note.trim() });
              }}
            >
              <Stack gap="xs">
                <Textarea
                  label={t('alerts.note')}
                  description={t('alerts.noteHint')}
                  required
                  maxLength={2000}
                  value={note}
                  onChange={(e) => {
                    setNote(e.currentTarget.value);
                  }}
                />
                <Group>
                  <Button type="submit" loading={action.isPending} disabled={note.trim() === ''}>
                    {t('alerts.resolve')}
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => {
                      setResolving(false);
                    }}
                  >
                    {t('alerts.cancel')}
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Group>
              {alert.status === 'open' && (
                <Button
                  variant="light"
                  loading={action.isPending}
                  onClick={() => {
                    action.mutate({ alertId: alert.id, action: 'acknowledge' });
                  }}
                >
                  {t('alerts.acknowledge')}
                </Button>
              )}
              <Button
                variant="default"
                onClick={() => {
                  setResolving(true);
                }}
              >
                {t('alerts.resolveWithNote')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </li>
  );
}

/** Open and acknowledged alerts the clinician may see, most serious first. */
export function PatientAlerts({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const alerts = useAlertsQuery(patientId);
  return (
    <section aria-labelledby="alerts-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="alerts-heading">
          {t('alerts.title')}
        </Title>
        {alerts.isPending ? (
          <Loading />
        ) : alerts.isError ? (
          isNotShared(alerts.error) ? (
            <NotShared />
          ) : (
            <ErrorAlert error={alerts.error} title={t('errors.loadFailed')} />
          )
        ) : alerts.data.length === 0 ? (
          <Text>{t('alerts.none')}</Text>
        ) : (
          <ul className="sd-row-list">
            {alerts.data.map((a) => (
              <AlertItem key={a.id} alert={a} patientId={patientId} />
            ))}
          </ul>
        )}
      </Stack>
    </section>
  );
}
