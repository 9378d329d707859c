import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDispensingQuery } from '../pharmacy/api';
import { DispensingForm } from '../pharmacy/DispensingForm';
import { AppDialog } from '../shared/components/AppDialog';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { dispensingPrefill, type DispenseInterval, type SupplyLine } from './dispenseView';
import { useDispenseText } from './useDispenseText';

/**
 * "Record this dispensing": the pharmacy's dispensing form in a dialog, pre-filled from one
 * line of a taper interval and linked to the taper (`taperPlanId`). Dates are entered in the
 * patient's zone, read from the dispensing list as the pharmacy workspace does.
 */
export function RecordTaperDispensing({
  patientId,
  taperId,
  interval,
  line,
  onClose,
  onSaved,
}: {
  patientId: string;
  taperId: string;
  interval: DispenseInterval;
  line: SupplyLine;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const text = useDispenseText();
  const list = useDispensingQuery(patientId);
  const stepNumber = interval.step.index + 1;
  const what = text.supply(line);
  return (
    <AppDialog title={t('taperDispense.recordTitle')} onClose={onClose}>
      <Stack gap="sm">
        <Text>{t('taperDispense.recordIntro', { step: stepNumber, what })}</Text>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title={t('errors.loadFailed')} />
        ) : (
          <DispensingForm
            patientId={patientId}
            zone={list.data.timeZone}
            showTitle={false}
            taperPlanId={taperId}
            initial={{
              ...dispensingPrefill(interval, line),
              note: t('taperDispense.recordNote', {
                step: stepNumber,
                from: fmt.localDateLong(interval.step.startDate),
              }),
            }}
            onSaved={onSaved}
          />
        )}
      </Stack>
    </AppDialog>
  );
}
