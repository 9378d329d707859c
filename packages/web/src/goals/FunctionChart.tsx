import { lazy, Suspense, useMemo } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { isNotShared } from '../clinician/usePatients';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { useFunction, type PegPoint } from './api';

const Chart = lazy(() => import('../shared/components/EChart'));

const round = (n: number) => Math.round(n * 10) / 10;

export function pegOption(
  points: readonly PegPoint[],
  formatDate: (instant: string) => string,
  animate: boolean,
): EChartsCoreOption {
  return {
    animation: animate,
    grid: { top: 16, right: 16, bottom: 32, left: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => formatDate(p.at)) },
    yAxis: { type: 'value', min: 0, max: 10, interval: 2 },
    series: [
      {
        type: 'line',
        name: 'PEG',
        data: points.map((p) => round(p.total)),
        showSymbol: true,
        symbolSize: 10,
        lineStyle: { width: 3, color: '#1864ab' },
        itemStyle: { color: '#1864ab' },
      },
    ],
  };
}

/**
 * Function over time: the PEG score (pain, enjoyment of life, general activity; 0–10, lower is
 * better; KREBS-2009) as a chart and a table. Nothing for a viewer it is not shared with.
 */
export function FunctionChart({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const reducedMotion = useReducedMotion();
  const series = useFunction(patientId);
  const points = useMemo(() => series.data?.peg ?? [], [series.data]);
  const option = useMemo(
    () => pegOption(points, fmt.dayOf, !reducedMotion),
    [points, fmt, reducedMotion],
  );
  if (series.isPending) return <Loading />;
  if (series.isError) {
    return isNotShared(series.error) ? null : (
      <ErrorAlert error={series.error} title={t('errors.loadFailed')} />
    );
  }
  const latest = points.at(-1);
  return (
    <Stack gap="xs" component="section" aria-labelledby="function-title">
      <Title order={2} fz="1.25rem" id="function-title">
        {t('goals.function.title')}
      </Title>
      <Text>{t('goals.function.intro')}</Text>
      {latest === undefined ? (
        <Text>{t('goals.function.none')}</Text>
      ) : (
        <>
          <Text>
            {t('goals.function.summary', {
              count: points.length,
              total: fmt.number(round(latest.total)),
              date: fmt.dateOf(latest.at),
            })}
          </Text>
          <Suspense fallback={<Loading />}>
            <Chart option={option} label={t('goals.function.chartLabel')} />
          </Suspense>
          <details className="sd-details">
            <summary>{t('goals.function.showTable')}</summary>
            <div className="sd-table-wrap">
              <Table striped>
                <caption className="sd-visually-hidden">{t('goals.function.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('goals.function.colDate')}</Table.Th>
                    <Table.Th scope="col">{t('goals.function.colScore')}</Table.Th>
                    <Table.Th scope="col">{t('goals.function.colPain')}</Table.Th>
                    <Table.Th scope="col">{t('goals.function.colEnjoyment')}</Table.Th>
                    <Table.Th scope="col">{t('goals.function.colActivity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...points].reverse().map((p) => (
                    <Table.Tr key={p.at}>
                      <Table.Th scope="row" fw={400}>
                        {fmt.dateOf(p.at)}
                      </Table.Th>
                      <Table.Td>{fmt.number(round(p.total))}</Table.Td>
                      <Table.Td>{p.pain ?? '–'}</Table.Td>
                      <Table.Td>{p.enjoyment ?? '–'}</Table.Td>
                      <Table.Td>{p.activity ?? '–'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </details>
        </>
      )}
      <Text size="sm" c="dimmed">
        {t('goals.function.source')}
      </Text>
    </Stack>
  );
}
