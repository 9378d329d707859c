import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocalTime } from '@steady/core';
import type { TodaySlot } from '../shared/api/types';
import { useFormatters } from '../shared/format';
import { DialogForm } from '../shared/components/DialogForm';
import { nowLocalTime, pastInstant } from './time';
import { parseAmount } from '../shared/parse';

interface Props {
  slot: TodaySlot;
  date: string;
  timeZone: string;
  busy: boolean;
  error: unknown;
  onSubmit: (value: { takenAt: string; amountMg: number }) => void;
  onClose: () => void;
}

export function TakenEarlierDialog({
  slot,
  date,
  timeZone,
  busy,
  error,
  onSubmit,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const now = nowLocalTime(timeZone);
  const [time, setTime] = useState(slot.localTime <= now ? slot.localTime : now);
  const [amount, setAmount] = useState(String(slot.amountMg));
  const [showErrors, setShowErrors] = useState(false);

  const takenAt = isLocalTime(time) ? pastInstant(date, time, timeZone) : null;
  const amountMg = parseAmount(amount);
  const timeError = showErrors && takenAt === null ? t('today.earlierDialog.future') : null;
  const amountError = showErrors && amountMg === null ? t('today.extraDialog.amountInvalid') : null;

  return (
    <DialogForm
      title={t('today.earlierDialog.title')}
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel={t('today.earlierDialog.submit')}
      onSubmit={() => {
        setShowErrors(true);
        if (takenAt !== null && amountMg !== null) onSubmit({ takenAt, amountMg });
      }}
    >
      <TextInput
        type="time"
        label={t('today.earlierDialog.time')}
        value={time}
        error={timeError}
        data-autofocus
        onChange={(e) => {
          setTime(e.currentTarget.value);
        }}
      />
      <TextInput
        label={t('today.earlierDialog.amount')}
        description={t('today.earlierDialog.amountHint', { amount: fmt.number(slot.amountMg) })}
        inputMode="decimal"
        value={amount}
        error={amountError}
        onChange={(e) => {
          setAmount(e.currentTarget.value);
        }}
      />
    </DialogForm>
  );
}
