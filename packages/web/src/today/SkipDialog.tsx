import { useState } from 'react';
import { Button, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TodaySlot } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useFormatters } from '../shared/format';
import { AppDialog } from '../shared/components/AppDialog';
import { Note } from '../shared/components/Note';

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
    <AppDialog
      title={t('today.skipDialog.title', { time: fmt.localTime(slot.localTime) })}
      onClose={onClose}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(reason.trim() === '' ? null : reason.trim());
        }}
      >
        <Stack>
          {error !== null && <ErrorAlert error={error} />}
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
          <Note>{t('today.missedDoseNote')}</Note>
          <Button type="submit" size="lg" loading={busy}>
            {t('today.skipDialog.submit')}
          </Button>
        </Stack>
      </form>
    </AppDialog>
  );
}
