import { lazy, Suspense, useMemo } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import type { InstrumentDefinition } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import type { QuestionnaireResponse } from './api';
import { roundScore, trendOption, trendPoints } from './logic';

// ECharts is heavy: loaded only when a trend is shown.
const TrendChart = lazy(() => import('../shared/components/EChart'));

/**
 * One instrument's scores over time: a plain summary, a line chart with the bands shaded, and
 * the same numbers as a table (with the flags, for clinicians).
 */
export function ScoreTrend({
  instrument,
  responses,
  headingLevel = 3,
  showFlags = false,
}: {
  instrument: InstrumentDefinition;
  responses: readonly QuestionnaireResponse[];
  headingLevel?: 2 | 3 | 4;
  showFlags?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const reducedMotion = useReducedMotion();
  const points = useMemo(() => trendPoints(responses, instrument.id), [responses, instrument.id]);
  const option = useMemo(
    () => trendOption(points, instrument, fmt.dayOf, !reducedMotion),
    [points, instrument, fmt, reducedMotion],
  );
  const latest = points.at(-1);
  if (latest === undefined) return null;
  const headingId = `trend-${instrument.id}`;
  const summary = [
    t('questionnaires.trend.summary', {
      count: points.length,
      total: fmt.number(roundScore(latest.total)),
      date: fmt.dateOf(latest.at),
      min: instrument.scoring.min,
      max: instrument.scoring.max,
    }),
    latest.band === null ? '' : t('questionnaires.trend.summaryBand', { band: latest.band }),
  ]
    .filter((s) => s !== '')
    .join(' ');
  const byId = new Map(responses.map((r) => [r.id, r]));

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={headingLevel} fz="1.125rem" id={headingId}>
        {instrument.title}
      </Title>
      <Text>{summary}</Text>
      <Suspense fallback={<Loading />}>
        <TrendChart
          option={option}
          label={t('questionnaires.trend.chartLabel', { title: instrument.shortTitle, summary })}
        />
      </Suspense>
      <details className="sd-details">
        <summary>{t('questionnaires.trend.showTable')}</summary>
        <div className="sd-table-wrap">
          <Table striped>
            <caption className="sd-visually-hidden">
              {t('questionnaires.trend.caption', { title: instrument.shortTitle })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('questionnaires.trend.colDate')}</Table.Th>
                <Table.Th scope="col">{t('questionnaires.trend.colScore')}</Table.Th>
                <Table.Th scope="col">{t('questionnaires.trend.colBand')}</Table.Th>
                {showFlags && <Table.Th scope="col">{t('questionnaires.trend.colFlags')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...points].reverse().map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={400}>
                    {fmt.dateTime(p.at)}
                  </Table.Th>
                  <Table.Td>{fmt.number(roundScore(p.total))}</Table.Td>
                  <Table.Td>{p.band ?? t('questionnaires.trend.noBand')}</Table.Td>
                  {showFlags && (
                    <Table.Td>
                      {(byId.get(p.id)?.score.flags ?? []).map((f) => f.title).join('; ') ||
                        t('questionnaires.trend.noBand')}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </details>
    </Stack>
  );
}
