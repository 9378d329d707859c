import { useState } from 'react';
import { NativeSelect, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../shared/components/DialogForm';
import { useCheckupWords } from './CheckupItem';
import type { Appointment, VisitQuestion } from './types';

const NEXT = 'next';

/** Write or edit a question, for one coming check-up or for "my next visit". */
export function QuestionDialog({
  question,
  appointmentId,
  upcoming,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  question: VisitQuestion | null;
  /** The check-up a new question is for (null: the next visit). */
  appointmentId: string | null;
  upcoming: readonly Appointment[];
  busy: boolean;
  error: unknown;
  onSubmit: (value: { text: string; appointmentId: string | null }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const words = useCheckupWords();
  const scheduled = upcoming.filter((a) => a.status === 'scheduled');
  const start = question === null ? appointmentId : question.appointmentId;
  const [text, setText] = useState(question?.text ?? '');
  const [target, setTarget] = useState(
    start !== null && scheduled.some((a) => a.id === start) ? start : NEXT,
  );
  const [missing, setMissing] = useState(false);
  return (
    <DialogForm
      title={
        question === null ? t('checkups.questions.addTitle') : t('checkups.questions.editTitle')
      }
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel={t('checkups.questions.save')}
      onSubmit={() => {
        if (text.trim() === '') {
          setMissing(true);
          return;
        }
        onSubmit({ text: text.trim(), appointmentId: target === NEXT ? null : target });
      }}
    >
      <Textarea
        label={t('checkups.questions.text')}
        description={t('checkups.questions.textHint')}
        required
        autosize
        minRows={3}
        maxLength={1000}
        value={text}
        error={missing ? t('checkups.questions.textRequired') : null}
        data-autofocus
        onChange={(e) => {
          setText(e.currentTarget.value);
          setMissing(false);
        }}
      />
      <NativeSelect
        label={t('checkups.questions.for')}
        size="md"
        data={[
          { value: NEXT, label: t('checkups.questions.forNext') },
          ...scheduled.map((a) => ({ value: a.id, label: `${words.when(a)} ${words.with(a)}` })),
        ]}
        value={target}
        onChange={(e) => {
          setTarget(e.currentTarget.value);
        }}
      />
    </DialogForm>
  );
}
