import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SIDE_EFFECT_KEYS, type Severity4 } from '@steady/core';
import { useFormatters } from '../shared/format';
import { ChartTableFrame } from './ChartParts';
import { DAILY_ROWS_MAX_DAYS, sideEffectRows, type SideEffectRow } from './sideEffects';
import type { ChartDay } from './types';

interface Item {
  readonly key: string;
  readonly text: string;
  /** Falls and breathing problems come first and stand out; severe side effects too. */
  readonly tone: 'alert' | Severity4;
}

/** A fall or breathing item when it happened on any of the row's days. */
const alertItem = (key: string, days: number, text: () => string): Item[] =>
  days > 0 ? [{ key, text: text(), tone: 'alert' }] : [];

function Row({ row, grouping }: { row: SideEffectRow; grouping: 'day' | 'week' }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const severity = (s: Severity4) => t(`checkin.severity.${s}`).toLowerCase();
  const week = grouping === 'week';
  const items: Item[] = [
    ...alertItem('breathing', row.breathingDays, () =>
      week
        ? t('chart.sideEffects.breathingDays', { count: row.breathingDays })
        : t('chart.sideEffects.breathingYes'),
    ),
    ...alertItem('fall', row.fallDays, () =>
      week
        ? t('chart.sideEffects.falls', { count: row.fallDays })
        : t('chart.sideEffects.fallKind.fall'),
    ),
    ...alertItem('near-fall', row.nearFallDays, () =>
      week
        ? t('chart.sideEffects.nearFalls', { count: row.nearFallDays })
        : t('chart.sideEffects.fallKind.near_fall'),
    ),
    ...SIDE_EFFECT_KEYS.filter((k) => row.effects[k] !== 'none').map((k) => ({
      key: k,
      text: t('chart.sideEffects.item', {
        name: t(`chart.sideEffects.${k}`),
        severity: severity(row.effects[k]),
      }),
      tone: row.effects[k],
    })),
    ...row.other.map((o) => ({
      key: `other-${o.text}`,
      text: t('chart.sideEffects.item', { name: o.text, severity: severity(o.severity) }),
      tone: o.severity,
    })),
  ];
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {week
          ? t('chart.sideEffects.week', { date: fmt.localDateFull(row.from) })
          : fmt.localDateFull(row.from)}
        {week && (
          <Text span display="block" size="xs" c="gray.7">
            {t('chart.sideEffects.checkInDays', { count: row.checkInDays })}
          </Text>
        )}
      </Table.Th>
      <Table.Td className="sd-chart-wrap">
        {items.map((item, i) => (
          <span key={item.key} data-severity={item.tone === 'alert' ? 'severe' : item.tone}>
            {item.text}
            {i < items.length - 1 ? '; ' : ''}
          </span>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}

/** What the check-ins reported beyond pain, by day (or by week for long periods). */
export function SideEffectsTable({ days }: { days: readonly ChartDay[] }) {
  const { t } = useTranslation();
  const grouping = days.length > DAILY_ROWS_MAX_DAYS ? 'week' : 'day';
  const rows = sideEffectRows(days, grouping);
  return (
    <section aria-labelledby="chart-side-effects-heading">
      <Stack gap="xs">
        <Title order={3} fz="1.15rem" id="chart-side-effects-heading">
          {t('chart.sideEffects.heading')}
        </Title>
        {rows.length === 0 ? (
          <Text>{t('chart.sideEffects.none')}</Text>
        ) : (
          <>
            <Text size="sm">
              {t(grouping === 'day' ? 'chart.sideEffects.byDay' : 'chart.sideEffects.byWeek')}
            </Text>
            <ChartTableFrame label={t('chart.sideEffects.caption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('chart.sideEffects.when')}</Table.Th>
                  <Table.Th scope="col">{t('chart.sideEffects.reported')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Row key={row.from} row={row} grouping={grouping} />
                ))}
              </Table.Tbody>
            </ChartTableFrame>
          </>
        )}
      </Stack>
    </section>
  );
}
