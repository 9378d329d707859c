import { lazy, Suspense, useMemo } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PK_CAVEATS } from '@steady/core';
import type { TaperPlan } from '@steady/core';
import { SourceList } from '../alerts/AlertDetails';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';
import { GuidelineChecks } from './GuidelineChecks';
import { previewOption } from './previewChart';
import { StepsTable } from './StepsTable';
import '../chart/chart.css';

// ECharts is heavy: load it only when a chart is shown.
const EChart = lazy(() => import('../shared/components/EChart'));

const ILLUSTRATIVE = PK_CAVEATS.find((c) => c.id === 'illustrative');
const DELAYED = PK_CAVEATS.find((c) => c.id === 'delayed-change');

/** The plan's daily dose steps with the estimated relative levels (illustrative). */
export function TaperPlanChart({ plan }: { plan: TaperPlan }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const reducedMotion = useReducedMotion();
  const last = plan.steps.at(-1);
  const description = t('taper.chart.description', {
    from: fmt.number(plan.inputs.doses.reduce((s, d) => s + d.amountMg, 0)),
    to: fmt.number(last?.dailyTotalMg ?? 0),
    steps: plan.steps.length,
    start: fmt.localDateFull(plan.inputs.startDate),
    end: fmt.localDateFull(last?.startDate ?? plan.inputs.startDate),
  });
  const option = useMemo(
    () =>
      previewOption(
        plan,
        fmt.timeZone,
        {
          title: t('taper.chart.title'),
          description,
          dose: t('taper.chart.dose'),
          doseAxis: t('taper.chart.doseAxis'),
          levelAxis: t('taper.chart.levelAxis'),
          parentLevel: t('chart.series.parent'),
          metaboliteLevel: t('chart.series.metabolite'),
        },
        !reducedMotion,
      ),
    [plan, fmt.timeZone, description, t, reducedMotion],
  );
  return (
    <Stack gap="sm">
      <Note tone="warning">
        {ILLUSTRATIVE?.text} {DELAYED?.text}
        {ILLUSTRATIVE !== undefined && DELAYED !== undefined && (
          <SourceList sources={[...ILLUSTRATIVE.sources, ...DELAYED.sources]} />
        )}
      </Note>
      <Text size="sm">{t('taper.chart.relative')}</Text>
      <Text size="sm">{t('taper.chart.legend')}</Text>
      <Suspense fallback={<Loading />}>
        <EChart
          option={option}
          label={description}
          className="sd-overview-chart sd-overview-chart--single"
        />
      </Suspense>
    </Stack>
  );
}

/**
 * The live preview of a draft plan: the chart, the steps with what to dispense, and the
 * guideline checks. Recomputed in the browser as the inputs change.
 */
export function TaperPreview({ plan, headingId }: { plan: TaperPlan; headingId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <section aria-labelledby={headingId} className="sd-taper-preview">
      <Stack gap="md">
        <Title order={3} fz="1.15rem" id={headingId}>
          {t('taper.preview.title')}
        </Title>
        <Text fw={600} role="status">
          {plan.projectedEndDate === null
            ? t('taper.preview.summaryOpen', { count: plan.steps.length })
            : t('taper.preview.summary', {
                count: plan.steps.length,
                end: fmt.localDateFull(plan.projectedEndDate),
              })}
        </Text>
        <GuidelineChecks plan={plan} />
        <TaperPlanChart plan={plan} />
        <Title order={4} fz="1.05rem">
          {t('taper.steps.title')}
        </Title>
        <StepsTable steps={plan.steps} label={t('taper.steps.label')} />
      </Stack>
    </section>
  );
}
