import { useState } from 'react';
import { Button, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useCreateGoal } from './api';

/** Set a new goal: what, how many times a week, and (optionally) by when. */
export function GoalForm({
  patientId,
  onCreated,
}: {
  patientId: string;
  onCreated: (what: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateGoal(patientId);
  const [what, setWhat] = useState('');
  const [times, setTimes] = useState<number | string>(3);
  const [byDate, setByDate] = useState('');
  const timesPerWeek = typeof times === 'number' ? times : Number.parseInt(times, 10);
  const valid =
    what.trim() !== '' && Number.isInteger(timesPerWeek) && timesPerWeek >= 1 && timesPerWeek <= 21;
  return (
    <form
      aria-labelledby="goal-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        create.mutate(
          { what: what.trim(), timesPerWeek, byDate: byDate === '' ? null : byDate },
          {
            onSuccess: () => {
              onCreated(what.trim());
              setWhat('');
              setByDate('');
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="goal-form-title">
          {t('goals.form.title')}
        </Title>
        <TextInput
          label={t('goals.form.what')}
          description={t('goals.form.whatHint')}
          value={what}
          maxLength={200}
          required
          size="md"
          onChange={(e) => {
            setWhat(e.currentTarget.value);
          }}
        />
        <NumberInput
          label={t('goals.form.times')}
          value={times}
          min={1}
          max={21}
          allowDecimal={false}
          required
          size="md"
          onChange={setTimes}
        />
        <TextInput
          type="date"
          label={t('goals.form.byDate')}
          value={byDate}
          size="md"
          onChange={(e) => {
            setByDate(e.currentTarget.value);
          }}
        />
        {create.isError && <ErrorAlert error={create.error} />}
        <Button type="submit" size="lg" disabled={!valid} loading={create.isPending}>
          {t('goals.form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
