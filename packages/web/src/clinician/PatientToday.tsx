import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TodayResponse, TodaySlot } from '../shared/api/types';
import { useFormatters } from '../shared/format';
import { SharedSection } from './SharedSection';
import { usePatientTodayQuery } from './usePatients';

const STATUS_COLOUR = { due: 'blue.9', taken: 'var(--sd-ok)', skipped: 'gray.8' } as const;

function SlotStatus({ slot }: { slot: TodaySlot }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const text =
    slot.status === 'taken' && slot.event !== null
      ? t('patient.slotTaken', { time: fmt.time(slot.event.takenAt) })
      : slot.status === 'skipped'
        ? t('patient.slotSkipped')
        : t('patient.slotDue');
  return (
    <Badge color={STATUS_COLOUR[slot.status]} tt="none" size="lg">
      {text}
    </Badge>
  );
}

function TodayBody({ today }: { today: TodayResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('patient.todayDate', { date: fmt.localDateLong(today.date) })}</Text>
      {today.slots.length === 0 ? (
        <Text>{t('patient.noSlots')}</Text>
      ) : (
        <ul className="sd-timeline">
          {today.slots.map((slot) => (
            <li key={slot.key}>
              <Group justify="space-between" gap="xs">
                <Text fw={700}>
                  {t('patient.slotLine', {
                    time: fmt.localTime(slot.localTime),
                    amount: fmt.number(slot.amountMg),
                  })}
                </Text>
                <SlotStatus slot={slot} />
              </Group>
            </li>
          ))}
        </ul>
      )}
      {today.extras.length > 0 && (
        <Text fw={600}>{t('patient.extrasLine', { count: today.extras.length })}</Text>
      )}
    </Stack>
  );
}

/** Today's doses as the patient logged them: read-only. */
export function PatientToday({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const today = usePatientTodayQuery(patientId);
  return (
    <SharedSection id="patient-today-heading" title={t('patient.todayHeading')} query={today}>
      {(data) => <TodayBody today={data} />}
    </SharedSection>
  );
}
