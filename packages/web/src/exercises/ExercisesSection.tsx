import { useState } from 'react';
import { Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SharedSection } from '../clinician/SharedSection';
import { useGoals } from '../goals/api';
import { GoalCard } from '../goals/GoalCard';
import { WeeklyCounts } from '../goals/WeeklyCounts';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useFormatters } from '../shared/format';
import { useUser } from '../shared/session';
import { amountText } from './amount';
import { KINDS_BY_DISCIPLINE, useEndExercise, useExercises, type Exercise } from './api';
import { AssignExerciseForm } from './AssignExerciseForm';

const LIST = { listStyle: 'none', margin: 0, padding: 0 } as const;

function ExerciseRow({
  exercise,
  patientId,
  canEnd,
  onEnded,
}: {
  exercise: Exercise;
  patientId: string;
  canEnd: boolean;
  onEnded: (title: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const end = useEndExercise(patientId);
  const amount = amountText(t, exercise);
  return (
    <li>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Text fw={700}>{exercise.title}</Text>
            <Text size="sm">
              {t(`exercises.kind.${exercise.kind}`)} ·{' '}
              {t('exercises.timesPerWeek', { count: exercise.timesPerWeek })}
              {amount !== '' && ` · ${amount}`}
            </Text>
            <Text size="sm">
              {t('exercises.section.assignedBy', {
                name: exercise.assignedBy.displayName,
                date: fmt.dateOf(exercise.assignedAt),
              })}
              {exercise.status === 'scheduled' &&
                ` · ${t('exercises.section.starts', { date: fmt.localDateLong(exercise.startDate) })}`}
            </Text>
            <Text size="sm">
              {exercise.completion.lastDoneAt === null
                ? t('exercises.section.neverDone')
                : t('exercises.section.lastDone', {
                    date: fmt.dateTime(exercise.completion.lastDoneAt),
                  })}
            </Text>
          </Stack>
          {canEnd && exercise.status !== 'ended' && (
            <Button
              variant="default"
              loading={end.isPending}
              aria-label={t('exercises.section.endAria', { title: exercise.title })}
              onClick={() => {
                end.mutate(exercise.id, {
                  onSuccess: () => {
                    onEnded(exercise.title);
                  },
                });
              }}
            >
              {t('exercises.section.end')}
            </Button>
          )}
        </Group>
        {exercise.description !== null && <Text size="sm">{exercise.description}</Text>}
        <WeeklyCounts
          weeks={exercise.completion.weeks}
          target={exercise.timesPerWeek}
          label={exercise.title}
        />
        {end.isError && <ErrorAlert error={end.error} />}
      </Stack>
    </li>
  );
}

function PatientGoals({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const goals = useGoals(patientId);
  if (goals.isPending || goals.isError) return null; // same consent as the section above
  const current = goals.data.goals.filter((g) => g.status !== 'archived');
  return (
    <Stack gap="sm">
      <Title order={3} fz="1.125rem">
        {t('exercises.section.goalsTitle')}
      </Title>
      {current.length === 0 ? (
        <Text>{t('exercises.section.noGoals')}</Text>
      ) : (
        <Stack gap="lg" component="ul" style={LIST}>
          {current.map((g) => (
            <GoalCard key={g.id} goal={g} patientId={patientId} editable={false} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * The patient page's home exercises and homework: what is assigned with completion per week,
 * a form to assign (physical therapists, psychologists, prescribers), and the patient's goals.
 * "Not shared" when the patient does not share techniques with the viewer.
 */
export function ExercisesSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const exercises = useExercises(patientId);
  const [announcement, setAnnouncement] = useState('');
  const kinds = user.role === 'clinician' ? (KINDS_BY_DISCIPLINE[user.discipline ?? ''] ?? []) : [];
  const canAssign = kinds.length > 0;
  return (
    <SharedSection
      id="patient-exercises-heading"
      title={t('exercises.section.title')}
      query={exercises}
    >
      {(data) => {
        const current = data.exercises.filter((e) => e.status !== 'ended');
        const ended = data.exercises.filter((e) => e.status === 'ended');
        const row = (e: Exercise) => (
          <ExerciseRow
            key={e.id}
            exercise={e}
            patientId={patientId}
            canEnd={canAssign}
            onEnded={(title) => {
              setAnnouncement(t('exercises.section.ended', { title }));
            }}
          />
        );
        return (
          <Stack gap="md">
            <div role="status" className="sd-visually-hidden">
              {announcement}
            </div>
            <Text size="sm">{t('exercises.section.weeksNote', { zone: data.timeZone })}</Text>
            {current.length === 0 ? (
              <Text>{t('exercises.section.none')}</Text>
            ) : (
              <Stack gap="lg" component="ul" style={LIST}>
                {current.map(row)}
              </Stack>
            )}
            {ended.length > 0 && (
              <details className="sd-details">
                <summary>{t('exercises.section.endedTitle', { count: ended.length })}</summary>
                <Stack gap="lg" component="ul" style={LIST}>
                  {ended.map(row)}
                </Stack>
              </details>
            )}
            {canAssign && (
              <>
                <Divider />
                <AssignExerciseForm
                  patientId={patientId}
                  kinds={kinds}
                  onAssigned={(title) => {
                    setAnnouncement(t('exercises.section.assigned', { title }));
                  }}
                />
              </>
            )}
            <Divider />
            <PatientGoals patientId={patientId} />
          </Stack>
        );
      }}
    </SharedSection>
  );
}
