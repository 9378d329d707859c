import { useState } from 'react';
import { TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocalTime } from '@steady/core';
import type { AsNeededToday } from '../shared/api/types';
import { AsNeededSummary } from './AsNeededSummary';
import { DialogForm } from '../shared/components/DialogForm';
import { nowLocalTime, pastInstant } from './time';
import { parseAmount } from '../shared/parse';
import { Note } from '../shared/components/Note';

interface Props {
  asNeeded: AsNeededToday | null;
  date: string;
  timeZone: string;
  busy: boolean;
  error: unknown;
  onSubmit: (value: { takenAt: string; amountMg: number; reason: string }) => void;
  onClose: () => void;
}

function overLimit(asNeeded: AsNeededToday | null, takenAt: string | null): boolean {
  if (asNeeded === null) return true;
  if (asNeeded.takenToday >= asNeeded.rule.maxPerDay) return true;
  const at = takenAt === null ? Date.now() : Date.parse(takenAt);
  return asNeeded.nextAllowedAt !== null && Date.parse(asNeeded.nextAllowedAt) > at;
}

export function ExtraDoseDialog({
  asNeeded,
  date,
  timeZone,
  busy,
  error,
  onSubmit,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(asNeeded === null ? '' : String(asNeeded.rule.amountMg));
  const [time, setTime] = useState(() => nowLocalTime(timeZone));
  const [reason, setReason] = useState('');
  const [showErrors, setShowErrors] = useState(false);

  const amountMg = parseAmount(amount);
  const takenAt = isLocalTime(time) ? pastInstant(date, time, timeZone) : null;
  const amountError = showErrors && amountMg === null ? t('today.extraDialog.amountInvalid') : null;
  const timeError = showErrors && takenAt === null ? t('today.earlierDialog.future') : null;
  const reasonError =
    showErrors && reason.trim() === '' ? t('today.extraDialog.reasonRequired') : null;

  return (
    <DialogForm
      title={t('today.extraDialog.title')}
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel={t('today.extraDialog.submit')}
      onSubmit={() => {
        setShowErrors(true);
        if (amountMg === null || takenAt === null || reason.trim() === '') return;
        onSubmit({ amountMg, takenAt, reason: reason.trim() });
      }}
    >
      <AsNeededSummary asNeeded={asNeeded} />
      {asNeeded !== null && overLimit(asNeeded, takenAt) && (
        <Note tone="warning">{t('today.extraDialog.overLimit')}</Note>
      )}
      <TextInput
        label={t('today.extraDialog.amount')}
        inputMode="decimal"
        required
        value={amount}
        error={amountError}
        data-autofocus
        onChange={(e) => {
          setAmount(e.currentTarget.value);
        }}
      />
      <TextInput
        type="time"
        label={t('today.extraDialog.time')}
        required
        value={time}
        error={timeError}
        onChange={(e) => {
          setTime(e.currentTarget.value);
        }}
      />
      <Textarea
        label={t('today.extraDialog.reason')}
        placeholder={t('today.extraDialog.reasonHint')}
        required
        autosize
        minRows={2}
        value={reason}
        error={reasonError}
        onChange={(e) => {
          setReason(e.currentTarget.value);
        }}
      />
    </DialogForm>
  );
}
