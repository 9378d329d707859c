import { Badge, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaperStep } from '@steady/core';
import { useFormatters } from '../shared/format';
import type { TaperView } from './types';

function StepText({ step }: { step: TaperStep | null }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (step === null) return <Text>{t('taper.summary.none')}</Text>;
  return (
    <Text>
      {t('taper.summary.step', {
        n: step.index + 1,
        amount: fmt.number(step.dailyTotalMg),
        from: fmt.localDateFull(step.startDate),
      })}
    </Text>
  );
}

/** Status, current and next step, and progress of a signed taper. */
export function TaperSummary({ taper }: { taper: TaperView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const p = taper.progress;
  const percent = p.stepsTotal === 0 ? 0 : Math.round((p.stepsDone / p.stepsTotal) * 100);
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Badge size="lg" color={taper.status === 'paused' ? 'orange.9' : 'blue.9'}>
          {t(`taper.status.${taper.status}`)}
        </Badge>
        <Text size="sm">
          {t('taper.summary.version', {
            version: taper.current.version,
            name: taper.current.signedBy.displayName,
            at: fmt.dateTime(taper.current.signedAt),
          })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <Text fw={700}>{t('taper.summary.current')}</Text>
          <StepText step={taper.currentStep} />
        </div>
        <div>
          <Text fw={700}>{t('taper.summary.next')}</Text>
          <StepText step={taper.nextStep} />
        </div>
      </SimpleGrid>
      <Text>
        {t('taper.summary.progress', {
          done: p.stepsDone,
          total: p.stepsTotal,
          start: fmt.number(p.startDailyMg),
          current: fmt.number(p.currentDailyMg),
          goal: fmt.number(p.goalDailyMg),
        })}
      </Text>
      <Progress
        value={percent}
        size="lg"
        aria-label={t('taper.summary.progressLabel', { percent })}
      />
      {taper.followUp !== null && (
        <Text>
          {t('taper.summary.followUp', {
            from: fmt.localDateFull(taper.followUp.startDate),
            to: fmt.localDateFull(taper.followUp.endDate),
            days: taper.followUp.intervalDays,
          })}
        </Text>
      )}
      {taper.current.conversion !== null && (
        <Text size="sm">
          {t('taper.summary.conversion', {
            drug: taper.current.conversion.fromDrug,
            from: fmt.number(taper.current.conversion.fromDailyMg),
            min: fmt.number(taper.current.conversion.estimateMinMg),
            max: fmt.number(taper.current.conversion.estimateMaxMg),
            table: taper.current.conversion.tableId,
            chosen: fmt.number(taper.current.conversion.chosenDailyMg),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** Every signed version, oldest first: who, when, what and why. */
export function TaperHistory({ taper }: { taper: TaperView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <ol className="sd-timeline">
      {taper.versions.map((v) => (
        <li key={v.version}>
          <Text fw={700}>
            {t('taper.history.entry', {
              version: v.version,
              action: t(`taper.actions.${v.action}`),
              from: fmt.localDateFull(v.effectiveDate),
            })}
          </Text>
          <Text size="sm">
            {t('taper.history.signed', {
              name: v.signedBy.displayName,
              at: fmt.dateTime(v.signedAt),
            })}
          </Text>
          <Text>{t('taper.history.reason', { reason: v.reason })}</Text>
        </li>
      ))}
    </ol>
  );
}
