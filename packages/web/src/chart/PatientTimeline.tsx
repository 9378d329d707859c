import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Timeline } from '../history/Timeline';
import {
  isNotShared,
  PATIENT_HISTORY_DAYS,
  usePatientHistoryQuery,
} from '../clinician/usePatients';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';

/**
 * Every dose and check-in of the last days, below the chart: the reasons, corrections and notes
 * the chart cannot show. Nothing when nothing is shared (the chart says so).
 */
export function PatientTimeline({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const history = usePatientHistoryQuery(patientId);
  if (history.isPending) return <Loading />;
  if (history.isError) {
    return isNotShared(history.error) ? null : (
      <ErrorAlert error={history.error} title={t('errors.loadFailed')} />
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" c="gray.7">
        {t('chart.timeline.note', { days: PATIENT_HISTORY_DAYS })}
      </Text>
      <Timeline items={history.data.timeline} timeZone={history.data.timeZone} />
    </Stack>
  );
}
