import { useId, useState, type ReactNode } from 'react';
import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { FORMULATION_IDS, MAX_REFILL_REMINDER_DAYS, type FormulationId } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useRecordCount, useSaveReminderDays } from './api';
import { useSupplyText } from './useSupplyText';

/** A number typed with either decimal mark, or null. */
function parseNumber(value: string): number | null {
  const n = Number(value.trim().replace(',', '.'));
  return value.trim() === '' || !Number.isFinite(n) ? null : n;
}

/** The mutation state a supply form shows: its error, its pending submit, its saved line. */
interface FormMutation {
  readonly isError: boolean;
  readonly error: Error | null;
  readonly isPending: boolean;
  readonly isSuccess: boolean;
}

/**
 * A small supply form: a named region with its heading, the fields, the error, and a submit
 * button followed by a status line announced to screen readers after a save.
 */
function SupplyForm({
  heading,
  submit,
  saved,
  mutation,
  onSubmit,
  subtle = false,
  children,
}: {
  heading: string;
  submit: string;
  saved: string;
  mutation: FormMutation;
  onSubmit: () => void;
  /** A secondary form: its button is the default (outlined) one. */
  subtle?: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm">
        <Title order={3} fz="1.1rem" id={headingId}>
          {heading}
        </Title>
        {children}
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        <Group>
          <Button
            type="submit"
            size="md"
            variant={subtle ? 'default' : 'filled'}
            loading={mutation.isPending}
          >
            {submit}
          </Button>
          {mutation.isSuccess && (
            <Text role="status" size="sm">
              {saved}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The patient records how much of one formulation they have on hand. */
export function CountForm({ patientId, initial }: { patientId: string; initial: FormulationId }) {
  const { t } = useTranslation();
  const text = useSupplyText();
  const record = useRecordCount(patientId);
  const [formulation, setFormulation] = useState<FormulationId>(initial);
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const solution = formulation === 'sol1';
  return (
    <SupplyForm
      heading={t('supply.count.heading')}
      submit={t('supply.count.submit')}
      saved={t('supply.count.saved')}
      mutation={record}
      onSubmit={() => {
        const n = parseNumber(quantity);
        if (n === null || n < 0 || n > 1000) {
          setInvalid(true);
          return;
        }
        setInvalid(false);
        record.mutate(
          { formulation, quantity: n, note: note.trim() === '' ? null : note.trim() },
          {
            onSuccess: () => {
              setQuantity('');
              setNote('');
            },
          },
        );
      }}
    >
      <NativeSelect
        label={t('supply.count.formulation')}
        size="md"
        value={formulation}
        data={FORMULATION_IDS.map((f) => ({ value: f, label: text.name(f) }))}
        onChange={(e) => {
          setFormulation(e.currentTarget.value as FormulationId);
          record.reset();
        }}
      />
      <TextInput
        label={solution ? t('supply.count.solution') : t('supply.count.tablets')}
        description={t('supply.count.quantityHelp')}
        size="md"
        required
        inputMode="decimal"
        value={quantity}
        error={invalid ? t('supply.count.invalid') : null}
        onChange={(e) => {
          setQuantity(e.currentTarget.value);
          record.reset();
        }}
      />
      <TextInput
        label={t('supply.count.note')}
        size="md"
        maxLength={500}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
        }}
      />
    </SupplyForm>
  );
}

/** The patient's refill-reminder days (a Steady default they adjust). */
export function ReminderForm({
  patientId,
  days,
  note,
}: {
  patientId: string;
  days: number;
  note: string;
}) {
  const { t } = useTranslation();
  const save = useSaveReminderDays(patientId);
  const [value, setValue] = useState(String(days));
  const [invalid, setInvalid] = useState(false);
  return (
    <SupplyForm
      heading={t('supply.reminder.heading')}
      submit={t('supply.reminder.submit')}
      saved={t('supply.reminder.saved')}
      mutation={save}
      subtle
      onSubmit={() => {
        const n = parseNumber(value);
        if (n === null || !Number.isInteger(n) || n < 0 || n > MAX_REFILL_REMINDER_DAYS) {
          setInvalid(true);
          return;
        }
        setInvalid(false);
        save.mutate(n);
      }}
    >
      <TextInput
        label={t('supply.reminder.label')}
        description={t('supply.reminder.help', { note })}
        size="md"
        inputMode="numeric"
        value={value}
        error={invalid ? t('supply.reminder.invalid') : null}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          save.reset();
        }}
      />
    </SupplyForm>
  );
}
