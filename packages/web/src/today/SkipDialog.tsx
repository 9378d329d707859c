import { useState } from 'react';
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TodaySlot } from '../shared/api/types';
import { useFormatters } from '../shared/format';
import { DialogForm } from '../shared/components/DialogForm';
import { Note } from '../shared/components/Note';
import { MissedDoseNote } from '../supply/MissedDoseNote';

interface Props {
  slot: TodaySlot;
  busy: boolean;
  error: unknown;
  onSubmit: (reason: string | null) => void;
  onClose: () => void;
}

export function SkipDialog({ slot, busy, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [reason, setReason] = useState('');
  return (
    <DialogForm
      title={t('today.skipDialog.title', { time: fmt.localTime(slot.localTime) })}
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel={t('today.skipDialog.submit')}
      onSubmit={() => {
        onSubmit(reason.trim() === '' ? null : reason.trim());
      }}
    >
      <Textarea
        label={
          <>
            {t('today.skipDialog.reason')} <span>{t('common.optional')}</span>
          </>
        }
        placeholder={t('today.skipDialog.reasonHint')}
        autosize
        minRows={2}
        value={reason}
        data-autofocus
        onChange={(e) => {
          setReason(e.currentTarget.value);
        }}
      />
      <Note>
        <MissedDoseNote compact />
      </Note>
    </DialogForm>
  );
}
