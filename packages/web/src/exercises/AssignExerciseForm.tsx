import { useState } from 'react';
import {
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { TECHNIQUE_IDS, TECHNIQUES, type TechniqueId } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useAssignExercise, type ExerciseKind } from './api';

type NumberValue = number | string;
const toCount = (v: NumberValue): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;

/** Assign homework: the kinds offered are those the clinician's discipline may assign. */
export function AssignExerciseForm({
  patientId,
  kinds,
  onAssigned,
}: {
  patientId: string;
  kinds: readonly ExerciseKind[];
  onAssigned: (title: string) => void;
}) {
  const { t } = useTranslation();
  const assign = useAssignExercise(patientId);
  const [kind, setKind] = useState<ExerciseKind>(kinds[0] ?? 'technique');
  const [techniqueId, setTechniqueId] = useState<TechniqueId | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [sets, setSets] = useState<NumberValue>('');
  const [reps, setReps] = useState<NumberValue>('');
  const [minutes, setMinutes] = useState<NumberValue>('');
  const [times, setTimes] = useState<NumberValue>(3);
  const timesPerWeek = toCount(times);
  const valid =
    title.trim() !== '' &&
    timesPerWeek !== null &&
    timesPerWeek <= 21 &&
    (kind !== 'technique' || techniqueId !== null);
  return (
    <form
      aria-labelledby="assign-exercise-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        assign.mutate(
          {
            kind,
            techniqueId,
            title: title.trim(),
            description: description.trim() === '' ? null : description.trim(),
            sets: toCount(sets),
            reps: toCount(reps),
            minutes: toCount(minutes),
            timesPerWeek,
          },
          {
            onSuccess: () => {
              onAssigned(title.trim());
              setTitle('');
              setDescription('');
              setSets('');
              setReps('');
              setMinutes('');
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={3} fz="1.125rem" id="assign-exercise-title">
          {t('exercises.assign.title')}
        </Title>
        <Select
          label={t('exercises.assign.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`exercises.kind.${k}`) }))}
          value={kind}
          allowDeselect={false}
          onChange={(v) => {
            if (v !== null) setKind(v);
          }}
        />
        <Select
          label={t('exercises.assign.technique')}
          description={t('exercises.assign.techniqueHint')}
          data={TECHNIQUE_IDS.map((id) => ({ value: id, label: TECHNIQUES[id].title }))}
          value={techniqueId}
          clearable
          required={kind === 'technique'}
          onChange={(v) => {
            const found = TECHNIQUE_IDS.find((id) => id === v) ?? null;
            setTechniqueId(found);
            if (found !== null && title.trim() === '') setTitle(TECHNIQUES[found].title);
          }}
        />
        <TextInput
          label={t('exercises.assign.name')}
          value={title}
          maxLength={120}
          required
          onChange={(e) => {
            setTitle(e.currentTarget.value);
          }}
        />
        <Textarea
          label={t('exercises.assign.description')}
          value={description}
          maxLength={2000}
          autosize
          minRows={2}
          onChange={(e) => {
            setDescription(e.currentTarget.value);
          }}
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('exercises.assign.sets')}
            value={sets}
            min={1}
            max={50}
            allowDecimal={false}
            onChange={setSets}
          />
          <NumberInput
            label={t('exercises.assign.reps')}
            value={reps}
            min={1}
            max={500}
            allowDecimal={false}
            onChange={setReps}
          />
          <NumberInput
            label={t('exercises.assign.minutes')}
            value={minutes}
            min={1}
            max={240}
            allowDecimal={false}
            onChange={setMinutes}
          />
        </Group>
        <NumberInput
          label={t('exercises.assign.times')}
          value={times}
          min={1}
          max={21}
          allowDecimal={false}
          required
          onChange={setTimes}
        />
        {assign.isError && <ErrorAlert error={assign.error} />}
        <Button type="submit" disabled={!valid} loading={assign.isPending} w="fit-content">
          {t('exercises.assign.submit')}
        </Button>
      </Stack>
    </form>
  );
}
