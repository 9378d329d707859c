import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartTableFrame } from '../chart/ChartParts';
import { useFormatters } from '../shared/format';
import type { DispenseInterval } from './dispenseView';
import { useDispenseText } from './useDispenseText';

/**
 * Every step of the plan with what to supply, behind a disclosure: the current and next
 * intervals are shown above it, so the whole plan is one tap away rather than in the way.
 */
export function DispensePlanTable({
  intervals,
  currentIndex,
}: {
  intervals: readonly DispenseInterval[];
  currentIndex: number | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const text = useDispenseText();
  return (
    <details className="sd-details">
      <summary>{t('taperDispense.plan.show', { count: intervals.length })}</summary>
      <ChartTableFrame label={t('taperDispense.plan.region')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('taperDispense.plan.step')}</Table.Th>
            <Table.Th scope="col">{t('taperDispense.plan.dates')}</Table.Th>
            <Table.Th scope="col">{t('taperDispense.plan.daily')}</Table.Th>
            <Table.Th scope="col">{t('taperDispense.plan.doses')}</Table.Th>
            <Table.Th scope="col">{t('taperDispense.plan.supply')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {intervals.map((interval) => {
            const { step } = interval;
            const from = fmt.localDateShort(step.startDate);
            return (
              <Table.Tr key={step.index}>
                <Table.Th scope="row">
                  <Group gap={4} wrap="nowrap">
                    <span>{step.index + 1}</span>
                    {step.index === currentIndex && (
                      <Badge color="blue.9" tt="none">
                        {t('taperDispense.plan.current')}
                      </Badge>
                    )}
                  </Group>
                </Table.Th>
                <Table.Td>
                  {step.endDate === null
                    ? t('taperDispense.plan.from', { from })
                    : t('taperDispense.plan.range', {
                        from,
                        to: fmt.localDateShort(step.endDate),
                      })}
                </Table.Td>
                <Table.Td>{t('common.mg', { amount: fmt.number(step.dailyTotalMg) })}</Table.Td>
                <Table.Td>
                  {step.doses.map((d) => (
                    <Text key={d.time} size="sm">
                      {t('taperDispense.doseLine', {
                        time: fmt.localTime(d.time),
                        mg: fmt.number(d.amountMg),
                        pieces: text.pieces(d.dispense),
                      })}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  {interval.switchesToLiquid && (
                    <Badge color="orange.9" tt="none" mb={4}>
                      {t('taperDispense.plan.switch')}
                    </Badge>
                  )}
                  {interval.lines.length === 0 ? (
                    <Text size="sm">{t('taperDispense.pieces.nothing')}</Text>
                  ) : (
                    interval.lines.map((line) => (
                      <Text key={line.formulation} size="sm">
                        {text.supply(line)}
                      </Text>
                    ))
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ChartTableFrame>
    </details>
  );
}
