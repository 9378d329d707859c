import { lazy, Suspense, useMemo, useState } from 'react';
import { Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '@steady/core';
import { NotShared } from '../clinician/SharedSection';
import { isNotShared } from '../clinician/usePatients';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { OptionGroup } from '../shared/components/OptionGroup';
import { useFormatters } from '../shared/format';
import { ChartLegend, ChartStats } from './ChartParts';
import { ChartTable } from './ChartTable';
import { LevelsAbout } from './LevelsAbout';
import { chartPanels, overviewOption, partialLog } from './overview';
import { SideEffectsTable } from './SideEffectsTable';
import type { ChartResponse } from './types';
import { useChartQuery } from './useChart';
import {
  DEFAULT_PRESET,
  MAX_WINDOW_DAYS,
  WINDOW_PRESETS,
  checkWindow,
  presetWindow,
  windowDays,
  type WindowPreset,
} from './window';
import './chart.css';

// ECharts is the heaviest dependency: load it only when a chart is shown.
const EChart = lazy(() => import('../shared/components/EChart'));

function ChartBody({ chart }: { chart: ChartResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const reducedMotion = useReducedMotion();
  const { doses: dosesShared, checkIns: checkInsShared } = chartPanels(chart);
  const partial = partialLog(chart.levels, chart.from);
  const description = t('chart.description', {
    from: fmt.localDateFull(chart.from),
    to: fmt.localDateFull(chart.to),
  });
  const option = useMemo(
    () =>
      overviewOption(
        chart,
        {
          description,
          dose: t('chart.series.dose'),
          parentLevel: t('chart.series.parent'),
          metaboliteLevel: t('chart.series.metabolite'),
          pain: t('chart.series.pain'),
          sideEffect: t('chart.series.sideEffect'),
          doseAxis: t('chart.axis.dose'),
          levelAxis: t('chart.axis.level'),
          painAxis: t('chart.axis.pain'),
          sideEffectAxis: t('chart.axis.sideEffect'),
        },
        !reducedMotion,
      ),
    [chart, description, t, reducedMotion],
  );
  return (
    <Stack gap="md">
      <Text fw={600}>
        {t('chart.window.range', {
          from: fmt.localDateFull(chart.from),
          to: fmt.localDateFull(chart.to),
          count: chart.days.length,
        })}
      </Text>
      {chart.hidden.map((category) => (
        <Note key={category}>{t(`chart.notShared.${category}`)}</Note>
      ))}
      <ChartStats chart={chart} />
      {chart.levels !== null && (
        <Note tone="warning">
          {t('chart.caveat.short')}
          {partial !== null &&
            ` ${t('chart.caveat.partial', {
              logStart: fmt.localDateFull(partial.logStart),
              completeFrom: fmt.localDateFull(partial.completeFrom),
            })}`}
        </Note>
      )}
      <ChartLegend doses={dosesShared} checkIns={checkInsShared} />
      <Suspense fallback={<Loading />}>
        <EChart
          option={option}
          label={description}
          className={
            dosesShared && checkInsShared
              ? 'sd-overview-chart'
              : 'sd-overview-chart sd-overview-chart--single'
          }
        />
      </Suspense>
      {chart.levels !== null && <LevelsAbout levels={chart.levels} />}
      <ChartTable chart={chart} />
      {checkInsShared && <SideEffectsTable days={chart.days} />}
    </Stack>
  );
}

/**
 * The patient's chart for the care team: daily dose, pain, side effects and the estimated
 * relative levels over a chosen period, with the numbers as tables. Dates are the patient's.
 */
export function PatientChart({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [preset, setPreset] = useState<WindowPreset>(DEFAULT_PRESET);
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [zoneHint, setZoneHint] = useState<string | null>(null);
  // "Today" is the patient's: the zone the last answer named, else the page's zone.
  const today = localDateOf(new Date().toISOString(), zoneHint ?? fmt.timeZone);
  const checked = preset === 'custom' ? checkWindow(custom.from, custom.to) : null;
  const window =
    preset === 'custom'
      ? checked?.ok === true
        ? checked.window
        : null
      : presetWindow(preset, today);
  const chart = useChartQuery(patientId, window);
  const answered = chart.data?.timeZone ?? null;
  // Adjusting state while rendering (React's pattern for state derived from props).
  if (answered !== null && answered !== zoneHint) setZoneHint(answered);

  const choose = (next: WindowPreset) => {
    if (next === 'custom' && preset !== 'custom') {
      const current = presetWindow(preset, today);
      setCustom({ from: current.from, to: current.to });
    }
    setPreset(next);
  };
  const problem = checked?.ok === false ? checked.problem : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="chart-heading">
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id="chart-heading" tabIndex={-1}>
          {t('chart.heading')}
        </Title>
        <div className="sd-chart-window">
          <OptionGroup
            legend={t('chart.window.legend')}
            options={WINDOW_PRESETS.map((value) => ({ value, label: t(`chart.window.${value}`) }))}
            value={preset}
            onChange={choose}
          />
        </div>
        {preset === 'custom' && (
          <Stack gap={4}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                type="date"
                label={t('chart.window.from')}
                value={custom.from}
                max={custom.to === '' ? undefined : custom.to}
                onChange={(e) => {
                  const from = e.currentTarget.value;
                  setCustom((c) => ({ ...c, from }));
                }}
              />
              <TextInput
                type="date"
                label={t('chart.window.to')}
                value={custom.to}
                min={custom.from === '' ? undefined : custom.from}
                onChange={(e) => {
                  const to = e.currentTarget.value;
                  setCustom((c) => ({ ...c, to }));
                }}
              />
            </SimpleGrid>
            {problem !== null && (
              <Text c="red.9" fw={600} size="sm" role="status">
                {t(`chart.window.problem.${problem}`, { max: MAX_WINDOW_DAYS })}
              </Text>
            )}
          </Stack>
        )}
        {window === null ? null : chart.isPending ? (
          <Loading />
        ) : chart.isError ? (
          isNotShared(chart.error) ? (
            <NotShared />
          ) : (
            <ErrorAlert error={chart.error} title={t('errors.loadFailed')} />
          )
        ) : (
          <div aria-busy={chart.isPlaceholderData}>
            {chart.isPlaceholderData && (
              <Text size="sm" c="dimmed" role="status">
                {t('chart.window.range', {
                  from: fmt.localDateFull(window.from),
                  to: fmt.localDateFull(window.to),
                  count: windowDays(window),
                })}
                {' · '}
                {t('app.loading')}
              </Text>
            )}
            <ChartBody chart={chart.data} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}
