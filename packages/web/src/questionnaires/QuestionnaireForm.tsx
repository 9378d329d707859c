import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import type { InstrumentDefinition, InstrumentItem } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { newIdempotencyKey } from '../shared/api/ids';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Note } from '../shared/components/Note';
import { OptionGroup } from '../shared/components/OptionGroup';
import { useSubmitResponse, type SubmitResult } from './api';
import { GuidanceList } from './GuidanceList';
import { answeredOnly, localGuidance, missingItems, optionColumns, type Answers } from './logic';

const fieldId = (itemId: string) => `q-item-${itemId.replace(/[^\w-]/g, '-')}`;

function ItemField({
  item,
  n,
  count,
  value,
  error,
  onChange,
}: {
  item: InstrumentItem;
  n: number;
  count: number;
  value: number | null;
  error: boolean;
  onChange: (value: number) => void;
}) {
  const { t } = useTranslation();
  const columns = optionColumns(item.options.map((o) => o.label));
  const scale = columns === 0;
  const first = item.options[0];
  const last = item.options.at(-1);
  const legend = `${t('questionnaires.answer.questionNumber', { n, count })}. ${item.text}${
    item.required ? '' : ` ${t('questionnaires.answer.optional')}`
  }`;
  return (
    <OptionGroup
      id={fieldId(item.id)}
      legend={legend}
      // A 0–10 scale shows numbers; its end labels, worded as in the instrument, are the hint.
      hint={
        scale && first !== undefined && last !== undefined
          ? t('questionnaires.answer.scaleHint', { low: first.label, high: last.label })
          : undefined
      }
      options={item.options.map((o) => ({
        value: String(o.value),
        label: scale ? String(o.value) : o.label,
      }))}
      value={value === null ? null : String(value)}
      onChange={(v) => {
        onChange(Number(v));
      }}
      error={error ? t('questionnaires.answer.required') : null}
      columns={scale ? 3 : columns}
      scale={scale}
    />
  );
}

/** One instrument as a form: the stem, the time period, every item, the licence text. */
export function QuestionnaireForm({
  instrument,
  patientId,
  onSaved,
}: {
  instrument: InstrumentDefinition;
  patientId: string;
  onSaved: (result: SubmitResult) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmitResponse(patientId);
  // One key per form: a retry of the same answers cannot be stored twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [answers, setAnswers] = useState<Answers>({});
  const [showMissing, setShowMissing] = useState(false);
  const missing = missingItems(instrument, answers);
  const count = instrument.items.length;
  // Crisis guidance never waits for a complete form or a connection.
  const unsent = (showMissing && missing.length > 0) || submit.isError;
  const earlyGuidance = unsent ? localGuidance(instrument.id, answers) : [];

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (missing.length > 0) {
          setShowMissing(true);
          const first = missing[0];
          if (first !== undefined) {
            document.querySelector<HTMLInputElement>(`#${fieldId(first)} input`)?.focus();
          }
          return;
        }
        submit.mutate(
          { idempotencyKey, instrumentId: instrument.id, answers: answeredOnly(answers) },
          { onSuccess: onSaved },
        );
      }}
    >
      <Stack gap="lg">
        <GuidanceList guidance={earlyGuidance} />
        <Stack gap={4}>
          <Text size="lg" fw={600}>
            {instrument.instructions}
          </Text>
          <Text>{t('questionnaires.answer.period', { period: instrument.recallPeriod.text })}</Text>
        </Stack>
        {instrument.items.map((item, i) => (
          <ItemField
            key={item.id}
            item={item}
            n={i + 1}
            count={count}
            value={answers[item.id] ?? null}
            error={showMissing && missing.includes(item.id)}
            onChange={(value) => {
              setAnswers((a) => ({ ...a, [item.id]: value }));
            }}
          />
        ))}
        {showMissing && missing.length > 0 && (
          <Note tone="warning">
            {t('questionnaires.answer.missing', { count: missing.length })}
          </Note>
        )}
        {submit.isError && (
          <ErrorAlert
            error={submit.error}
            title={
              submit.error instanceof ApiError && submit.error.status === 0
                ? t('questionnaires.answer.notSent')
                : undefined
            }
          />
        )}
        <Button type="submit" size="lg" loading={submit.isPending}>
          {t('questionnaires.answer.submit')}
        </Button>
        <LicenceText instrument={instrument} />
      </Stack>
    </form>
  );
}

/** The attribution, copyright and LOINC notice the instrument must be shown with. */
export function LicenceText({ instrument }: { instrument: InstrumentDefinition }) {
  const { t } = useTranslation();
  const { attribution, copyright, loincNotice } = instrument.licence;
  return (
    <Stack gap={4} component="aside" aria-label={t('questionnaires.answer.aboutTitle')}>
      <Text size="sm">{attribution}</Text>
      {copyright !== undefined && <Text size="sm">{copyright}</Text>}
      {loincNotice !== undefined && <Text size="sm">{loincNotice}</Text>}
    </Stack>
  );
}
