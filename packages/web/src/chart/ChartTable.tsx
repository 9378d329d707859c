import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../shared/format';
import { ChartTableFrame } from './ChartParts';
import { dailyLevels, strongestSideEffect } from './overview';
import type { ChartResponse } from './types';

/** The chart's numbers by day: the accessible alternative to the picture. */
export function ChartTable({ chart }: { chart: ChartResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const dosesShared = !chart.hidden.includes('medications');
  const checkInsShared = !chart.hidden.includes('checkins');
  const levels = dailyLevels(chart.levels, chart.timeZone);
  const showLevels = chart.levels !== null && levels.size > 0;
  const none = t('chart.table.noValue');
  const percent = (fraction: number | undefined) =>
    fraction === undefined
      ? none
      : t('chart.table.percent', { value: fmt.number(Math.round(fraction * 100)) });
  return (
    <details className="sd-details">
      <summary>{t('chart.table.show')}</summary>
      <Text size="sm" mb="xs">
        {t('chart.table.caption')}
      </Text>
      <ChartTableFrame label={t('chart.table.region')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('chart.table.date')}</Table.Th>
            {dosesShared && (
              <>
                <Table.Th scope="col">{t('chart.table.scheduled')}</Table.Th>
                <Table.Th scope="col">{t('chart.table.taken')}</Table.Th>
                <Table.Th scope="col">{t('chart.table.extra')}</Table.Th>
              </>
            )}
            {checkInsShared && (
              <>
                <Table.Th scope="col">{t('chart.table.pain')}</Table.Th>
                <Table.Th scope="col">{t('chart.table.sideEffect')}</Table.Th>
              </>
            )}
            {showLevels && (
              <>
                <Table.Th scope="col">{t('chart.table.parent')}</Table.Th>
                <Table.Th scope="col">{t('chart.table.metabolite')}</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {chart.days.map((d) => {
            const strongest = strongestSideEffect(d.checkIns);
            const level = levels.get(d.date);
            return (
              <Table.Tr key={d.date}>
                <Table.Th scope="row" fw={400}>
                  {fmt.localDateFull(d.date)}
                </Table.Th>
                {dosesShared && (
                  <>
                    <Table.Td>
                      {d.doses?.scheduledMg == null ? none : fmt.number(d.doses.scheduledMg)}
                    </Table.Td>
                    <Table.Td>{d.doses === null ? none : fmt.number(d.doses.takenMg)}</Table.Td>
                    <Table.Td>
                      {d.doses === null || d.doses.extraDoses === 0
                        ? none
                        : `${fmt.number(d.doses.extraDoses)} (${t('common.mg', { amount: fmt.number(d.doses.extraMg) })})`}
                    </Table.Td>
                  </>
                )}
                {checkInsShared && (
                  <>
                    <Table.Td>
                      {d.checkIns === null
                        ? none
                        : t('chart.table.painValue', {
                            mean: fmt.number(d.checkIns.painMean),
                            max: fmt.number(d.checkIns.painMax),
                          })}
                    </Table.Td>
                    <Table.Td data-severity={strongest ?? undefined}>
                      {strongest === null ? none : t(`checkin.severity.${strongest}`)}
                    </Table.Td>
                  </>
                )}
                {showLevels && (
                  <>
                    <Table.Td>{percent(level?.parent)}</Table.Td>
                    <Table.Td>{percent(level?.metabolite)}</Table.Td>
                  </>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ChartTableFrame>
    </details>
  );
}
