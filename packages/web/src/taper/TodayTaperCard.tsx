import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormatters } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { dueCheckIn, progressPercent, TAPER_CHECK_IN_PATH } from './patientLogic';
import type { TaperView } from './types';
import { useTaperCheckIns } from './useCheckIns';
import { useTaperQuery } from './useTaper';

/** Where the taper stands in one or two plain sentences: the current step and the next. */
export function TaperNow({ taper }: { taper: TaperView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const mg = (value: number) => fmt.number(value);
  const current = taper.currentStep;
  const next = taper.nextStep;
  switch (taper.status) {
    case 'paused':
      return (
        <Text size="lg">
          {t('taperPatient.card.paused', { mg: mg(current?.dailyTotalMg ?? 0) })}
        </Text>
      );
    case 'maintenance':
      return (
        <Text size="lg">
          {t('taperPatient.card.maintenance', { mg: mg(taper.progress.currentDailyMg) })}
        </Text>
      );
    case 'followUp':
      return (
        <Text size="lg">
          {t('taperPatient.card.followUp', {
            date: fmt.localDateLong(taper.followUp?.endDate ?? taper.today),
          })}
        </Text>
      );
    case 'finished':
      return <Text size="lg">{t('taperPatient.card.finished')}</Text>;
    case 'active':
      return (
        <Stack gap={4}>
          {current !== null && (
            <Text size="lg" fw={600}>
              {t('taperPatient.card.now', { mg: mg(current.dailyTotalMg) })}
            </Text>
          )}
          <Text size="lg">
            {next === null
              ? t('taperPatient.card.noNext')
              : next.dailyTotalMg === 0
                ? t('taperPatient.card.stopped', { date: fmt.localDateLong(next.startDate) })
                : t('taperPatient.card.next', {
                    date: fmt.localDateLong(next.startDate),
                    mg: mg(next.dailyTotalMg),
                  })}
          </Text>
        </Stack>
      );
  }
}

/** Steps done and a bar of the way from the starting dose to the goal. */
export function TaperProgressBar({ taper }: { taper: TaperView }) {
  const { t } = useTranslation();
  const { stepsDone, stepsTotal } = taper.progress;
  // While paused the plan has no steps ahead, so "4 of 4" would read as finished.
  const text =
    taper.status === 'paused'
      ? t('taperPatient.card.progressPaused', { done: stepsDone })
      : t('taperPatient.card.progress', { done: stepsDone, total: stepsTotal });
  return (
    <Stack gap={4}>
      <Progress
        value={progressPercent(taper.progress)}
        size="lg"
        radius="xl"
        // The sentence below says the same for screen readers; the bar is decoration.
        aria-hidden
      />
      <Text>{text}</Text>
    </Stack>
  );
}

/** The patient's taper on Today: current and next step, progress, a due withdrawal check-in. */
export function TodayTaperCard() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { id: patientId } = useUser();
  const taper = useTaperQuery(patientId);
  const checkIns = useTaperCheckIns(patientId, taper.data !== undefined && taper.data !== null);
  // Today stays usable without the taper: nothing is shown until it loads, errors included.
  if (taper.data === undefined || taper.data === null) return null;
  const due = dueCheckIn(checkIns.data?.schedule ?? []);
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-labelledby="today-taper-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.35rem" id="today-taper-heading">
          {t('taperPatient.card.title')}
        </Title>
        <TaperNow taper={taper.data} />
        {taper.data.status !== 'finished' && <TaperProgressBar taper={taper.data} />}
        {due !== null && (
          <Text size="lg" fw={600}>
            {t('taperPatient.card.checkInDue', { date: fmt.localDateLong(due.openUntil) })}
          </Text>
        )}
        <Group gap="sm" grow>
          {due !== null && (
            <Button component={Link} href={TAPER_CHECK_IN_PATH} size="lg">
              {t('taperPatient.card.checkInAction')}
            </Button>
          )}
          <Button component={Link} href={routes.taper} size="lg" variant="default">
            {t('taperPatient.card.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
