import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { addDays } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormatters } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { useStockQuery } from './api';
import { useSupplyText } from './useSupplyText';

/**
 * Today's refill reminder: shown only when the stock of a counted formulation is forecast to
 * last no more than the patient's reminder days. Nothing while loading or on error (the Supply
 * section of the Medications page shows those states).
 */
export function RefillReminderCard() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const text = useSupplyText();
  const { id } = useUser();
  const stock = useStockQuery(id);
  if (stock.data?.report.refillDue !== true) return null;
  const due = stock.data.report.formulations.filter((f) => f.refillDue);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="refill-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="refill-heading">
          {t('supply.refill.title')}
        </Title>
        {due.map((f) => (
          <Text key={f.formulation}>
            {f.runsOutOn === null || f.daysCovered === 0
              ? t('supply.refill.lineToday', { name: text.name(f.formulation) })
              : t('supply.refill.line', {
                  name: text.name(f.formulation),
                  amount: text.amount(f.onHand, f.formulation),
                  // The last day covered is the day before the run-out day.
                  date: fmt.localDateLong(addDays(f.runsOutOn, -1)),
                })}
          </Text>
        ))}
        <Button component={Link} href={`${routes.medications}#supply`} variant="light" size="md">
          {t('supply.refill.action')}
        </Button>
      </Stack>
    </Card>
  );
}
