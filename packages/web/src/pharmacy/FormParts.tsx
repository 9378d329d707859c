import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { OptionGroup } from '../shared/components/OptionGroup';

/** The free-text note at the foot of a pharmacy form. */
export function NoteField({
  label,
  description,
  maxLength,
  value,
  onChange,
}: {
  label: string;
  description: string;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Textarea
      label={label}
      description={description}
      size="md"
      autosize
      minRows={2}
      maxLength={maxLength}
      value={value}
      onChange={(e) => {
        onChange(e.currentTarget.value);
      }}
    />
  );
}

/** A pharmacy form's error, submit button and announced "saved" line. */
export function SubmitRow({
  mutation,
  label,
  saved,
}: {
  mutation: { isError: boolean; error: unknown; isPending: boolean };
  label: string;
  /** The text announced once the record is saved; empty until then. */
  saved: string;
}) {
  return (
    <>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <Group>
        <Button type="submit" size="lg" loading={mutation.isPending}>
          {label}
        </Button>
        <Text role="status" fw={600}>
          {saved}
        </Text>
      </Group>
    </>
  );
}

/** One checklist line: a decision to choose and a note, which one decision makes required. */
export function DecisionRow<T extends string>({
  legend,
  hint,
  options,
  columns,
  decision,
  decisionError,
  note,
  noteLabel,
  noteRequired,
  noteError,
  onChange,
}: {
  legend: string;
  hint?: string;
  options: readonly { value: T; label: string }[];
  columns: number;
  decision: T | null;
  decisionError?: string | null;
  note: string;
  noteLabel: string;
  noteRequired: boolean;
  noteError: string | null;
  onChange: (patch: { decision?: T; note?: string }) => void;
}) {
  return (
    <Stack gap="xs">
      <OptionGroup
        legend={legend}
        hint={hint}
        options={options}
        value={decision}
        columns={columns}
        error={decisionError}
        onChange={(value) => {
          onChange({ decision: value });
        }}
      />
      <TextInput
        label={noteLabel}
        size="md"
        maxLength={1000}
        required={noteRequired}
        value={note}
        error={noteError}
        onChange={(e) => {
          onChange({ note: e.currentTarget.value });
        }}
      />
    </Stack>
  );
}
