import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeTaperDispense } from '@steady/core';
import type { TaperIntervalDispense, TaperStep } from '@steady/core';
import { useFormatters } from '../shared/format';
import './taper.css';

/** What the pharmacy supplies for one interval: tablets per strength and mL. */
function SupplyText({ supply }: { supply: TaperIntervalDispense }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const parts = (['tab10', 'tab5', 'tab2'] as const)
    .filter((id) => supply.tabletsToSupply[id] > 0)
    .map((id) =>
      t('taper.steps.tablets', { count: supply.tabletsToSupply[id], strength: id.slice(3) }),
    );
  if (supply.pieces.ml > 0)
    parts.push(t('taper.steps.ml', { amount: fmt.number(supply.pieces.ml) }));
  return (
    <>
      {parts.length === 0 ? t('taper.steps.nothing') : parts.join(' + ')}{' '}
      <Text span size="xs">
        {t('taper.steps.forDays', { count: supply.days })}
      </Text>
    </>
  );
}

/**
 * A plan's steps: dates, daily total, amount and pieces per dose time, the reduction and what
 * to dispense per interval. The current step is marked (words, not only colour).
 */
export function StepsTable({
  steps,
  label,
  currentIndex = null,
}: {
  steps: readonly TaperStep[];
  label: string;
  currentIndex?: number | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <div className="sd-table-wrap" role="region" aria-label={label} tabIndex={0}>
      <Table striped className="sd-taper-steps">
        <caption className="sd-visually-hidden">{label}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('taper.steps.step')}</Table.Th>
            <Table.Th scope="col">{t('taper.steps.dates')}</Table.Th>
            <Table.Th scope="col">{t('taper.steps.daily')}</Table.Th>
            <Table.Th scope="col">{t('taper.steps.doses')}</Table.Th>
            <Table.Th scope="col">{t('taper.steps.reduction')}</Table.Th>
            <Table.Th scope="col">{t('taper.steps.dispense')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((s) => (
            <Table.Tr key={s.index} data-current={s.index === currentIndex ? '' : undefined}>
              <Table.Th scope="row" fw={s.index === currentIndex ? 700 : 400}>
                {s.index + 1}
                {s.kind === 'stepBack' && ` ${t('taper.steps.stepBack')}`}
                {s.index === currentIndex && (
                  <Text span fw={700} size="sm">
                    {' '}
                    {t('taper.steps.current')}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>
                {s.endDate === null
                  ? t('taper.steps.from', { from: fmt.localDateFull(s.startDate) })
                  : t('taper.steps.range', {
                      from: fmt.localDateFull(s.startDate),
                      to: fmt.localDateFull(s.endDate),
                    })}
              </Table.Td>
              <Table.Td>{t('taper.mg', { amount: fmt.number(s.dailyTotalMg) })}</Table.Td>
              <Table.Td>
                {s.doses.length === 0
                  ? t('taper.steps.noDoses')
                  : s.doses.map((d) => (
                      <div key={d.time}>
                        {t('taper.steps.dose', {
                          time: fmt.localTime(d.time),
                          amount: fmt.number(d.amountMg),
                          pieces: describeTaperDispense(d.dispense),
                        })}
                      </div>
                    ))}
              </Table.Td>
              <Table.Td>
                {t('taper.percent', { value: fmt.number(s.reductionFromPreviousPct) })}
              </Table.Td>
              <Table.Td>
                <SupplyText supply={s.perIntervalDispense} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
