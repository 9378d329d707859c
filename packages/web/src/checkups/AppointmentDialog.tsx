import { useState } from 'react';
import { NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '@steady/core';
import { DialogForm } from '../shared/components/DialogForm';
import { OptionGroup } from '../shared/components/OptionGroup';
import { DURATIONS, startsAtOf } from './checkups';
import type { Appointment, AppointmentInput, AppointmentMode } from './types';

const MODES: readonly AppointmentMode[] = ['in_person', 'phone', 'video'];

export interface ClinicianChoice {
  readonly id: string;
  /** "Dr. Rivera (Prescriber)". */
  readonly label: string;
}

/**
 * Book a check-up or move one. Date and time are the patient's (read in `zone`, named when the
 * viewer lives elsewhere). The patient picks one of their clinicians; a clinician books with
 * themself (one choice, shown as text).
 */
export function AppointmentDialog({
  title,
  submitLabel,
  zone,
  zoneNamed,
  clinicians,
  initial,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  submitLabel: string;
  zone: string;
  zoneNamed: boolean;
  /** Who the check-up may be with; empty when moving an existing one. */
  clinicians: readonly ClinicianChoice[];
  initial: Appointment | null;
  busy: boolean;
  error: unknown;
  onSubmit: (input: AppointmentInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [memberId, setMemberId] = useState(initial?.member.id ?? clinicians[0]?.id ?? '');
  const [date, setDate] = useState(initial?.localDate ?? '');
  const [time, setTime] = useState(initial?.localTime ?? '');
  const [duration, setDuration] = useState(String(initial?.durationMinutes ?? 30));
  const [mode, setMode] = useState<AppointmentMode>(initial?.mode ?? 'in_person');
  const [location, setLocation] = useState(initial?.location ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [today] = useState(() => localDateOf(new Date().toISOString(), zone));
  const [showErrors, setShowErrors] = useState(false);
  /** Set when submitted: whether the time chosen had already passed. */
  const [inPast, setInPast] = useState(false);

  const startsAt = startsAtOf(date, time, zone);
  const dateError = !showErrors
    ? null
    : startsAt === null
      ? t('checkups.form.dateRequired')
      : inPast
        ? t('checkups.form.inPast')
        : null;
  const durations = DURATIONS.includes(Number(duration) as (typeof DURATIONS)[number])
    ? DURATIONS
    : [...DURATIONS, Number(duration)].sort((a, b) => a - b);

  return (
    <DialogForm
      title={title}
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel={submitLabel}
      onSubmit={() => {
        setShowErrors(true);
        const past = startsAt !== null && Date.parse(startsAt) <= Date.now();
        setInPast(past);
        if (startsAt === null || past || memberId === '') return;
        onSubmit({
          memberId,
          startsAt,
          durationMinutes: Number(duration),
          mode,
          location: location.trim() === '' ? null : location.trim(),
          note: note.trim() === '' ? null : note.trim(),
        });
      }}
    >
      {clinicians.length > 1 ? (
        <NativeSelect
          label={t('checkups.form.with')}
          size="md"
          data={clinicians.map((c) => ({ value: c.id, label: c.label }))}
          value={memberId}
          onChange={(e) => {
            setMemberId(e.currentTarget.value);
          }}
        />
      ) : (
        clinicians[0] !== undefined && (
          <Text>{t('checkups.form.withOnly', { who: clinicians[0].label })}</Text>
        )
      )}
      {zoneNamed && <Text size="sm">{t('checkups.form.zone', { zone })}</Text>}
      <TextInput
        type="date"
        label={t('checkups.form.date')}
        required
        min={today}
        value={date}
        error={dateError}
        data-autofocus
        onChange={(e) => {
          setDate(e.currentTarget.value);
          setInPast(false);
        }}
      />
      <TextInput
        type="time"
        label={t('checkups.form.time')}
        required
        value={time}
        error={
          showErrors && startsAt === null && date !== '' ? t('checkups.form.timeRequired') : null
        }
        onChange={(e) => {
          setTime(e.currentTarget.value);
        }}
      />
      <NativeSelect
        label={t('checkups.form.duration')}
        size="md"
        data={durations.map((m) => ({
          value: String(m),
          label: t('checkups.minutes', { count: m }),
        }))}
        value={duration}
        onChange={(e) => {
          setDuration(e.currentTarget.value);
        }}
      />
      <OptionGroup
        legend={t('checkups.form.mode')}
        options={MODES.map((m) => ({ value: m, label: t(`checkups.modeShort.${m}`) }))}
        value={mode}
        onChange={setMode}
      />
      <TextInput
        label={`${t('checkups.form.location')} ${t('common.optional')}`}
        description={t('checkups.form.locationHint')}
        maxLength={200}
        value={location}
        onChange={(e) => {
          setLocation(e.currentTarget.value);
        }}
      />
      <Textarea
        label={`${t('checkups.form.note')} ${t('common.optional')}`}
        autosize
        minRows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
        }}
      />
    </DialogForm>
  );
}
