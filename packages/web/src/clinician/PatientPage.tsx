import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { HistoryChart } from '../history/HistoryChart';
import { Timeline } from '../history/Timeline';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { DisplayTimeZoneContext } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { PatientAlerts } from './PatientAlerts';
import { PatientRegimen } from './PatientRegimen';
import { PatientToday } from './PatientToday';
import { RequestsReview } from './RequestsReview';
import { NotShared } from './SharedSection';
import {
  PATIENT_HISTORY_DAYS,
  isNotShared,
  usePatientHistoryQuery,
  usePatientRowQuery,
  usePatientTodayQuery,
} from './usePatients';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href={routes.patients} fw={600} w="fit-content">
      {t('patient.back')}
    </Anchor>
  );
}

/** History: the same chart and timeline the patient sees, worded about the patient. */
function PatientHistory({
  patientId,
  name,
  painShared,
}: {
  patientId: string;
  name: string;
  painShared: boolean;
}) {
  const { t } = useTranslation();
  const history = usePatientHistoryQuery(patientId);
  if (history.isPending) return <Loading />;
  if (history.isError) {
    return (
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="chart-heading">
        <Stack gap="md">
          <Title order={2} fz="1.25rem" id="chart-heading">
            {t('history.chartTitle', { days: PATIENT_HISTORY_DAYS })}
          </Title>
          {isNotShared(history.error) ? (
            <NotShared />
          ) : (
            <ErrorAlert error={history.error} title={t('errors.loadFailed')} />
          )}
        </Stack>
      </Paper>
    );
  }
  return (
    <>
      <HistoryChart
        daily={history.data.daily}
        days={PATIENT_HISTORY_DAYS}
        patientName={name}
        painShared={painShared}
      />
      <Timeline items={history.data.timeline} timeZone={history.data.timeZone} />
    </>
  );
}

/** One linked patient, read-only except what the member's role allows (a prescriber's regimen). */
export function PatientPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { id } = useParams<{ id: string }>();
  const row = usePatientRowQuery(id);
  // The patient's own zone, so "today" and dose times read as the patient lives them.
  const today = usePatientTodayQuery(id);
  const history = usePatientHistoryQuery(id);
  const zone = today.data?.timeZone ?? history.data?.timeZone ?? null;

  if (row.isPending) return <Loading />;
  if (row.isError) return <ErrorAlert error={row.error} title={t('errors.loadFailed')} />;
  const patient = row.data;
  if (patient === null) {
    return (
      <Page title={t('patients.title')}>
        <Note tone="warning">{t('patient.notFound')}</Note>
        <BackLink />
      </Page>
    );
  }
  const isPrescriber = user.role === 'clinician' && user.discipline === 'prescriber';

  return (
    <Page title={patient.displayName}>
      <BackLink />
      <DisplayTimeZoneContext value={zone}>
        {zone !== null && <Text size="sm">{t('patient.timesIn', { zone })}</Text>}
        {user.role === 'clinician' && <PatientAlerts patientId={id} />}
        <PatientRegimen patientId={id} canChange={isPrescriber && patient.consent.medications} />
        {isPrescriber && patient.consent.medications && <RequestsReview patientId={id} />}
        <PatientToday patientId={id} />
        <PatientHistory
          patientId={id}
          name={patient.displayName}
          painShared={patient.consent.checkins}
        />
      </DisplayTimeZoneContext>
    </Page>
  );
}
