import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { addDays, STOCK_HORIZON_DAYS } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../shared/format';
import type { FormulationStock, StockResponse } from './api';
import { useSupplyText } from './useSupplyText';

function StockCard({ stock, horizon }: { stock: FormulationStock; horizon: number }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const text = useSupplyText();
  const f = stock.formulation;
  let lasts: string;
  if (stock.daysCovered === null) lasts = t('supply.section.notScheduled');
  else if (stock.runsOutOn === null) lasts = t('supply.section.beyond', { count: horizon });
  else if (stock.daysCovered === 0) lasts = t('supply.section.runsOutToday');
  else {
    lasts = t('supply.section.covers', {
      count: stock.daysCovered,
      // The last day covered is the day before the run-out day.
      date: fmt.localDateLong(addDays(stock.runsOutOn, -1)),
    });
  }
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{text.name(f)}</Text>
          {stock.refillDue && <Badge color="orange">{t('supply.section.refillDue')}</Badge>}
        </Group>
        <Text size="lg">
          {t('supply.section.onHand', { amount: text.amount(stock.onHand, f) })}
        </Text>
        <Text>{lasts}</Text>
        <Text size="sm" c="dimmed">
          {t('supply.section.detail', {
            counted: text.amount(stock.counted.quantity, f),
            date: fmt.dateOf(stock.counted.at),
            used: text.amount(stock.usedSince, f),
            dispensed: text.amount(stock.dispensedSince, f),
          })}
        </Text>
        {stock.recountSuggested && <Text size="sm">{t('supply.section.recount')}</Text>}
      </Stack>
    </Paper>
  );
}

/** Stock per counted formulation, with its forecast and how it is worked out (sources). */
export function StockSummary({
  data,
  audience,
}: {
  data: StockResponse;
  audience: 'patient' | 'clinician';
}) {
  const { t } = useTranslation();
  const text = useSupplyText();
  const { report } = data;
  return (
    <Stack gap="sm">
      {report.formulations.length === 0 && report.uncounted === null && (
        <Text>{t('supply.section.empty')}</Text>
      )}
      {report.uncounted !== null && (
        <Text>
          {t(
            audience === 'patient'
              ? 'supply.section.uncounted'
              : 'supply.section.uncountedClinician',
            {
              name: text.name(report.uncounted),
            },
          )}
        </Text>
      )}
      {report.formulations.map((f) => (
        <StockCard key={f.formulation} stock={f} horizon={STOCK_HORIZON_DAYS} />
      ))}
      <Text size="sm" c="dimmed">
        {t('supply.section.how', { note: report.note, sources: text.sources(report.sources) })}
      </Text>
    </Stack>
  );
}
