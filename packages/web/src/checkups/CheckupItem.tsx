import type { ReactNode } from 'react';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../shared/format';
import { useMemberWords } from '../shared/memberKind';
import type { Appointment } from './types';

const STATUS_COLOUR = { scheduled: 'blue.9', cancelled: 'gray.8', done: 'var(--sd-ok)' } as const;

/** Plain words for a check-up, in the patient's local date and time (as the API gives them). */
export function useCheckupWords() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { kind } = useMemberWords();
  return {
    /** "Tuesday, March 31 at 9:00 AM". */
    when: (a: Appointment) =>
      t('checkups.when', {
        date: fmt.localDateLong(a.localDate),
        time: fmt.localTime(a.localTime),
      }),
    /** "with Dr. Rivera, prescriber". */
    with: (a: Appointment) =>
      t('checkups.with', {
        name: a.member.displayName,
        kind: kind({ role: 'clinician', discipline: a.member.discipline }).toLowerCase(),
      }),
    /** "In person at Riverside clinic", "By phone"… */
    where: (a: Appointment) =>
      a.location === null || a.location === ''
        ? t(`checkups.mode.${a.mode}`)
        : t(`checkups.modeAt.${a.mode}`, { location: a.location }),
  };
}

/** One check-up: when, with whom, where, its note and status; `children` holds its actions. */
export function CheckupItem({
  appointment,
  zone,
  children,
}: {
  appointment: Appointment;
  /** The patient's zone, named when the viewer lives elsewhere. */
  zone: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const words = useCheckupWords();
  const a = appointment;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700}>{words.when(a)}</Text>
        {a.status !== 'scheduled' && (
          <Badge color={STATUS_COLOUR[a.status]} tt="none" size="lg">
            {t(`checkups.status.${a.status}`)}
          </Badge>
        )}
      </Group>
      {zone !== null && (
        <Text size="sm" c="dimmed">
          {t('checkups.inZone', { zone })}
        </Text>
      )}
      <Text>{t('checkups.withFor', { with: words.with(a), minutes: a.durationMinutes })}</Text>
      <Text>{words.where(a)}</Text>
      {a.note !== null && a.note !== '' && (
        <Text size="sm" fs="italic">
          {t('checkups.noteLine', { note: a.note })}
        </Text>
      )}
      {children}
    </Stack>
  );
}
