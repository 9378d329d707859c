import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { techniquePath } from '../shared/layout/routes';
import { newIdempotencyKey } from '../shared/api/ids';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useUser } from '../shared/session';
import { WeeklyCounts } from '../goals/WeeklyCounts';
import { amountText } from './amount';
import { useExercises, useMarkDone, type Exercise } from './api';

function ExerciseItem({ exercise, patientId }: { exercise: Exercise; patientId: string }) {
  const { t } = useTranslation();
  const done = useMarkDone(patientId);
  // One key per tap: a retry of the same tap counts once, a new tap is a new session.
  const [key, setKey] = useState(newIdempotencyKey);
  const amount = amountText(t, exercise);
  return (
    <li>
      <Stack gap={6}>
        <Text fw={700} size="lg">
          {exercise.title}
        </Text>
        <Text size="sm">
          {t(`exercises.kind.${exercise.kind}`)} ·{' '}
          {t('exercises.timesPerWeek', { count: exercise.timesPerWeek })}
          {amount !== '' && ` · ${amount}`}
        </Text>
        {exercise.description !== null && <Text>{exercise.description}</Text>}
        {exercise.techniqueId !== null && (
          <Anchor
            component={Link}
            href={techniquePath(exercise.techniqueId)}
            fw={600}
            w="fit-content"
          >
            {t('exercises.today.openGuide', { title: exercise.title })}
          </Anchor>
        )}
        <WeeklyCounts
          weeks={exercise.completion.weeks}
          target={exercise.timesPerWeek}
          label={exercise.title}
        />
        {done.isError && <ErrorAlert error={done.error} />}
        <Group>
          {exercise.completion.doneToday ? (
            <Text fw={700}>{t('exercises.today.doneToday')}</Text>
          ) : null}
          <Button
            size="lg"
            variant={exercise.completion.doneToday ? 'default' : 'filled'}
            loading={done.isPending}
            aria-label={t('exercises.today.doneAria', {
              action: exercise.completion.doneToday
                ? t('exercises.today.doneAgain')
                : t('exercises.today.done'),
              title: exercise.title,
            })}
            onClick={() => {
              done.mutate(
                { exerciseId: exercise.id, key },
                {
                  onSuccess: () => {
                    setKey(newIdempotencyKey());
                  },
                },
              );
            }}
          >
            {exercise.completion.doneToday
              ? t('exercises.today.doneAgain')
              : t('exercises.today.done')}
          </Button>
        </Group>
      </Stack>
    </li>
  );
}

/** Today: what the care team asked the patient to practise. Nothing when nothing is assigned. */
export function ExercisesToday() {
  const { t } = useTranslation();
  const { id } = useUser();
  const exercises = useExercises(id);
  if (exercises.isError) {
    return <ErrorAlert error={exercises.error} title={t('errors.loadFailed')} />;
  }
  const active = (exercises.data?.exercises ?? []).filter((e) => e.status === 'active');
  if (active.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="exercises-today">
      <Stack gap="md">
        <Title order={2} fz="1.25rem" id="exercises-today">
          {t('exercises.today.title')}
        </Title>
        <Stack gap="lg" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {active.map((e) => (
            <ExerciseItem key={e.id} exercise={e} patientId={id} />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
