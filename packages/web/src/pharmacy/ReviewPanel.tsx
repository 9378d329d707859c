import { useState } from 'react';
import { Button, CloseButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SharedSection } from '../clinician/SharedSection';
import { useFormatters } from '../shared/format';
import { useMedicationReviewQuery, useRecordReview, type MedicationReviewList } from './api';
import {
  interactionFromDraft,
  reconciliationFromDraft,
  REGIMEN_KEY,
  type AddedMedication,
  type InteractionRow,
  type ReconcileDecision,
  type ReconcileErrors,
  type ReconcileRow,
} from './forms';
import { DecisionRow, NoteField, SubmitRow } from './FormParts';

function LastReview({ data }: { data: MedicationReviewList }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const last = data.lastReview;
  if (last === null) return <Text c="dimmed">{t('pharmacy.review.none')}</Text>;
  return (
    <Text>
      {t('pharmacy.review.last', {
        kind: t(`pharmacy.review.kind.${last.kind}`),
        date: fmt.dateOf(last.reviewedAt),
        name: last.reviewedBy.displayName,
      })}
      {last.note !== null && ` · ${last.note}`}
    </Text>
  );
}

const EMPTY_ADDED: AddedMedication = { name: '', dose: '', frequency: '' };
const NO_ERRORS: ReconcileErrors = { rows: {}, added: {} };

function ReconcileForm({ patientId, data }: { patientId: string; data: MedicationReviewList }) {
  const { t } = useTranslation();
  const record = useRecordReview(patientId);
  const [rows, setRows] = useState<Record<string, ReconcileRow>>({});
  const [added, setAdded] = useState<AddedMedication[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<ReconcileErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const regimenLabel =
    data.regimen.name === null
      ? t('pharmacy.review.noRegimen')
      : t('pharmacy.review.regimen', { name: data.regimen.name });
  const lines = [
    { key: REGIMEN_KEY, label: regimenLabel, regimen: true },
    ...data.medications.map((m) => ({ key: m.id, label: m.name, regimen: false })),
  ];
  const setRow = (key: string, patch: Partial<ReconcileRow>) => {
    setRows((r) => ({ ...r, [key]: { decision: null, note: '', ...r[key], ...patch } }));
    setSaved(false);
  };
  const options = (regimen: boolean) =>
    (regimen
      ? (['confirmed', 'changed'] as const)
      : (['confirmed', 'changed', 'stopped'] as const)
    ).map((value: ReconcileDecision) => ({ value, label: t(`pharmacy.review.options.${value}`) }));

  return (
    <form
      noValidate
      aria-labelledby="pharmacy-reconcile-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const result = reconciliationFromDraft(
          lines.map((l) => l.key),
          rows,
          added,
          note,
        );
        if ('errors' in result) {
          setErrors(result.errors);
          return;
        }
        setErrors(NO_ERRORS);
        record.mutate(result.input, {
          onSuccess: () => {
            setRows({});
            setAdded([]);
            setNote('');
            setSaved(true);
          },
        });
      }}
    >
      <Stack gap="md">
        <Title order={3} fz="1.1rem" id="pharmacy-reconcile-heading">
          {t('pharmacy.review.reconcileTitle')}
        </Title>
        <Text size="sm">{t('pharmacy.review.reconcileIntro')}</Text>
        {lines.map((line) => {
          const row = rows[line.key] ?? { decision: null, note: '' };
          const error = errors.rows[line.key];
          return (
            <DecisionRow
              key={line.key}
              legend={t('pharmacy.review.decisionFor', { name: line.label })}
              hint={line.regimen ? t('pharmacy.review.regimenHint') : undefined}
              options={options(line.regimen)}
              columns={line.regimen ? 2 : 3}
              decision={row.decision}
              decisionError={error === 'decision' ? t('pharmacy.review.decisionRequired') : null}
              note={row.note}
              noteLabel={
                row.decision === 'changed'
                  ? t('pharmacy.review.itemNoteChanged')
                  : t('pharmacy.review.itemNote')
              }
              noteRequired={row.decision === 'changed'}
              noteError={error === 'note' ? t('pharmacy.review.itemNoteRequired') : null}
              onChange={(patch) => {
                setRow(line.key, patch);
              }}
            />
          );
        })}
        {added.map((m, i) => {
          const n = i + 1;
          const update = (patch: Partial<AddedMedication>) => {
            setAdded((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
          };
          return (
            <Paper key={n} withBorder p="sm" radius="md">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={700}>{t('pharmacy.review.addedTitle', { n })}</Text>
                  <CloseButton
                    size="lg"
                    aria-label={t('pharmacy.review.removeAdded', { n })}
                    onClick={() => {
                      setAdded((list) => list.filter((_, j) => j !== i));
                    }}
                  />
                </Group>
                <TextInput
                  label={t('pharmacy.review.addedName')}
                  size="md"
                  required
                  maxLength={200}
                  value={m.name}
                  error={
                    errors.added[i] === undefined ? null : t('pharmacy.review.addedNameRequired')
                  }
                  onChange={(e) => {
                    update({ name: e.currentTarget.value });
                  }}
                />
                <Group grow align="flex-start">
                  <TextInput
                    label={t('pharmacy.review.addedDose')}
                    size="md"
                    maxLength={100}
                    value={m.dose}
                    onChange={(e) => {
                      update({ dose: e.currentTarget.value });
                    }}
                  />
                  <TextInput
                    label={t('pharmacy.review.addedFrequency')}
                    size="md"
                    maxLength={100}
                    value={m.frequency}
                    onChange={(e) => {
                      update({ frequency: e.currentTarget.value });
                    }}
                  />
                </Group>
              </Stack>
            </Paper>
          );
        })}
        <Button
          variant="default"
          size="md"
          w="fit-content"
          onClick={() => {
            setAdded((list) => [...list, EMPTY_ADDED]);
            setSaved(false);
          }}
        >
          {t('pharmacy.review.add')}
        </Button>
        <NoteField
          label={t('pharmacy.review.note')}
          description={t('pharmacy.review.noteHint')}
          maxLength={2000}
          value={note}
          onChange={setNote}
        />
        <SubmitRow
          mutation={record}
          label={t('pharmacy.review.submitReconcile')}
          saved={saved ? t('pharmacy.review.saved') : ''}
        />
      </Stack>
    </form>
  );
}

function InteractionForm({ patientId, data }: { patientId: string; data: MedicationReviewList }) {
  const { t } = useTranslation();
  const record = useRecordReview(patientId);
  const [rows, setRows] = useState<Record<string, InteractionRow>>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, 'note'>>({});
  const [nothing, setNothing] = useState(false);
  const [saved, setSaved] = useState(false);
  const flagged = data.medications.filter((m) => m.flags.length > 0);
  const setRow = (key: string, patch: Partial<InteractionRow>) => {
    setRows((r) => ({ ...r, [key]: { decision: null, note: '', ...r[key], ...patch } }));
    setSaved(false);
    setNothing(false);
  };
  return (
    <form
      noValidate
      aria-labelledby="pharmacy-interaction-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const result = interactionFromDraft(
          flagged.map((m) => m.id),
          rows,
          note,
        );
        if (result === null) {
          setNothing(true);
          return;
        }
        if ('errors' in result) {
          setErrors(result.errors);
          return;
        }
        setErrors({});
        record.mutate(result.input, {
          onSuccess: () => {
            setRows({});
            setNote('');
            setSaved(true);
          },
        });
      }}
    >
      <Stack gap="md">
        <Title order={3} fz="1.1rem" id="pharmacy-interaction-heading">
          {t('pharmacy.review.interactionTitle')}
        </Title>
        {flagged.length === 0 ? (
          <Text c="dimmed">{t('pharmacy.review.noFlagged')}</Text>
        ) : (
          <>
            <Text size="sm">{t('pharmacy.review.interactionIntro')}</Text>
            {flagged.map((m) => {
              const row = rows[m.id] ?? { decision: null, note: '' };
              return (
                <DecisionRow
                  key={m.id}
                  legend={t('pharmacy.review.interactionFor', {
                    name: m.name,
                    flags: m.flags.map((f) => f.name).join(', '),
                  })}
                  options={(['acknowledged', 'refer'] as const).map((value) => ({
                    value,
                    label: t(`pharmacy.review.interactionOptions.${value}`),
                  }))}
                  columns={2}
                  decision={row.decision}
                  note={row.note}
                  noteLabel={
                    row.decision === 'refer'
                      ? t('pharmacy.review.referNote')
                      : t('pharmacy.review.itemNote')
                  }
                  noteRequired={row.decision === 'refer'}
                  noteError={
                    errors[m.id] === undefined ? null : t('pharmacy.review.referNoteRequired')
                  }
                  onChange={(patch) => {
                    setRow(m.id, patch);
                  }}
                />
              );
            })}
            <NoteField
              label={t('pharmacy.review.note')}
              description={t('pharmacy.review.noteHint')}
              maxLength={2000}
              value={note}
              onChange={setNote}
            />
            {nothing && (
              <Text c="red.9" fw={600} role="alert">
                {t('pharmacy.review.nothingChosen')}
              </Text>
            )}
            <SubmitRow
              mutation={record}
              label={t('pharmacy.review.submitInteraction')}
              saved={saved ? t('pharmacy.review.saved') : ''}
            />
          </>
        )}
      </Stack>
    </form>
  );
}

/** Reconciliation checklist and interaction review (pharmacists and prescribers). */
export function ReviewPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useMedicationReviewQuery(patientId);
  return (
    <SharedSection id="pharmacy-review-heading" title={t('pharmacy.review.title')} query={query}>
      {(data) => (
        <Stack gap="xl">
          <LastReview data={data} />
          <InteractionForm patientId={patientId} data={data} />
          <ReconcileForm patientId={patientId} data={data} />
        </Stack>
      )}
    </SharedSection>
  );
}
