import { lazy, Suspense, useMemo } from 'react';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { HistoryDay } from '../shared/api/types';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { dosePainOption } from './dosePainOption';

// ECharts is the heaviest dependency: load it only when History is opened.
const DosePainChart = lazy(() => import('../shared/components/EChart'));

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Daily dose vs pain: a chart, a plain-language summary and the numbers as a table. With
 * `patientName` the summary speaks about that patient (clinician workspace) instead of "you".
 */
export function HistoryChart({
  daily,
  days,
  patientName,
  painShared = true,
}: {
  daily: readonly HistoryDay[];
  days: number;
  patientName?: string;
  /** False when the patient has not shared check-ins (pain) with the viewer. */
  painShared?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const reducedMotion = useReducedMotion();

  const painDays = daily.flatMap((d) => (d.pain === null ? [] : [d.pain]));
  const round1 = (n: number) => fmt.number(Math.round(n * 10) / 10);
  // Average over the days since anything was logged: days before a patient started using
  // Steady are unknown, not zero.
  const firstLogged = daily.findIndex((d) => d.doseMg > 0 || d.pain !== null);
  const loggedDays = firstLogged === -1 ? daily : daily.slice(firstLogged);
  const avgDose = round1(average(loggedDays.map((d) => d.doseMg)));
  const counted = Math.min(days, Math.max(1, loggedDays.length));
  const pain = { avgPain: round1(average(painDays)), count: painDays.length };
  const summary =
    patientName === undefined
      ? t('history.summary', {
          count: counted,
          avgDose,
          painPart:
            painDays.length === 0 ? t('history.summaryNoPain') : t('history.summaryPain', pain),
        })
      : t('patient.summaryOther', {
          count: counted,
          avgDose,
          name: patientName,
          painPart: !painShared
            ? t('patient.painNotShared')
            : painDays.length === 0
              ? t('history.summaryNoPain')
              : t('patient.summaryPainOther', pain),
        });

  const option = useMemo(
    () =>
      dosePainOption(
        daily,
        {
          description: summary,
          dose: t('history.legendDose'),
          pain: t('history.legendPain'),
          doseAxis: t('history.axisDose'),
          painAxis: t('history.axisPain'),
        },
        fmt.localDateShort,
        !reducedMotion,
      ),
    [daily, summary, t, fmt, reducedMotion],
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="chart-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="chart-heading">
          {t('history.chartTitle', { days })}
        </Title>
        <Text>{summary}</Text>
        <Suspense fallback={<Loading />}>
          <DosePainChart option={option} label={summary} />
        </Suspense>
        <details className="sd-details">
          <summary>{t('history.showTable')}</summary>
          <div className="sd-table-wrap">
            <Table striped>
              <caption className="sd-visually-hidden">{t('history.tableCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('history.colDate')}</Table.Th>
                  <Table.Th scope="col">{t('history.colDose')}</Table.Th>
                  <Table.Th scope="col">{t('history.colPain')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {daily.map((d) => (
                  <Table.Tr key={d.date}>
                    <Table.Th scope="row" fw={400}>
                      {fmt.localDateFull(d.date)}
                    </Table.Th>
                    <Table.Td>{fmt.number(d.doseMg)}</Table.Td>
                    <Table.Td>{d.pain === null ? t('history.noValue') : round1(d.pain)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </details>
      </Stack>
    </Paper>
  );
}
