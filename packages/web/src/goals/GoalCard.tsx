import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../shared/api/ids';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useFormatters } from '../shared/format';
import { useAddEntry, useUndoEntry, useUpdateGoal, type Goal } from './api';
import { WeeklyCounts } from './WeeklyCounts';

/** One goal: progress, and for the patient "I did it", undo (today only), achieved, archive. */
export function GoalCard({
  goal,
  patientId,
  editable,
  onAnnounce,
}: {
  goal: Goal;
  patientId: string;
  editable: boolean;
  onAnnounce?: (text: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const add = useAddEntry(patientId);
  const undo = useUndoEntry(patientId);
  const update = useUpdateGoal(patientId);
  const [key, setKey] = useState(newIdempotencyKey);
  const latest = goal.today[0];
  const error = add.error ?? undo.error ?? update.error;
  const active = goal.status === 'active';
  return (
    <li>
      <Stack gap={6}>
        <Text fw={700} size="lg">
          {goal.what}
        </Text>
        <Text size="sm">
          {t('goals.timesPerWeek', { count: goal.timesPerWeek })}
          {goal.byDate !== null &&
            ` · ${t('goals.byDate', { date: fmt.localDateLong(goal.byDate) })}`}
          {goal.status !== 'active' && ` · ${t(`goals.status.${goal.status}`)}`}
        </Text>
        <WeeklyCounts weeks={goal.progress.weeks} target={goal.timesPerWeek} label={goal.what} />
        {goal.today.length > 0 && (
          <Text size="sm" fw={700}>
            {t('goals.doneToday', { count: goal.today.length })}
          </Text>
        )}
        {error !== null && <ErrorAlert error={error} />}
        {editable && (
          <Group gap="sm">
            {goal.status !== 'archived' && (
              <Button
                size="lg"
                loading={add.isPending}
                aria-label={t('goals.didItAria', { what: goal.what })}
                onClick={() => {
                  add.mutate(
                    { goalId: goal.id, key },
                    {
                      onSuccess: () => {
                        setKey(newIdempotencyKey());
                        onAnnounce?.(t('goals.didItDone', { what: goal.what }));
                      },
                    },
                  );
                }}
              >
                {t('goals.didIt')}
              </Button>
            )}
            {latest !== undefined && (
              <Button
                variant="default"
                size="md"
                loading={undo.isPending}
                aria-label={t('goals.undoAria', { what: goal.what })}
                onClick={() => {
                  undo.mutate(
                    { goalId: goal.id, entryId: latest.id },
                    { onSuccess: () => onAnnounce?.(t('goals.undone', { what: goal.what })) },
                  );
                }}
              >
                {t('goals.undo')}
              </Button>
            )}
            {active && (
              <Button
                variant="light"
                size="md"
                loading={update.isPending}
                onClick={() => {
                  update.mutate({ goalId: goal.id, patch: { achieved: true } });
                }}
                aria-label={t('goals.achievedAria', { what: goal.what })}
              >
                {t('goals.markAchieved')}
              </Button>
            )}
            <Button
              variant="subtle"
              size="md"
              loading={update.isPending}
              onClick={() => {
                update.mutate({
                  goalId: goal.id,
                  patch: goal.status === 'archived' ? { archived: false } : { archived: true },
                });
              }}
              aria-label={t(
                goal.status === 'archived' ? 'goals.restoreAria' : 'goals.archiveAria',
                {
                  what: goal.what,
                },
              )}
            >
              {goal.status === 'archived' ? t('goals.restore') : t('goals.archive')}
            </Button>
          </Group>
        )}
      </Stack>
    </li>
  );
}
