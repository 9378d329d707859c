import { useEffect } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { useUser } from '../shared/session';
import { useStockQuery } from './api';
import { StockSummary } from './StockSummary';
import { CountForm, ReminderForm } from './SupplyForms';
import { useSupplyText } from './useSupplyText';

/**
 * The patient's Supply section (Medications page, `#supply`): stock on hand with the run-out
 * forecast, a form to record a count, the refill-reminder days, and the recent counts.
 */
export function SupplySection() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const text = useSupplyText();
  const { id } = useUser();
  const stock = useStockQuery(id);
  // Arriving from Today's refill card (`/medications#supply`): bring the section into view.
  useEffect(() => {
    if (window.location.hash === '#supply') document.getElementById('supply')?.focus();
  }, []);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="supply">
      <Stack gap="md">
        <Title order={2} id="supply" tabIndex={-1}>
          {t('supply.section.title')}
        </Title>
        <Text>{t('supply.section.intro')}</Text>
        {stock.isPending ? (
          <Loading />
        ) : stock.isError ? (
          <ErrorAlert error={stock.error} title={t('errors.loadFailed')} />
        ) : (
          <>
            <StockSummary data={stock.data} audience="patient" />
            <CountForm
              patientId={id}
              initial={
                stock.data.report.uncounted ??
                stock.data.report.formulations[0]?.formulation ??
                'tab5'
              }
            />
            <ReminderForm
              patientId={id}
              days={stock.data.settings.refillReminderDays}
              note={stock.data.settings.note}
            />
            {stock.data.counts.length > 0 && (
              <Stack gap={4}>
                <Title order={3} fz="1.1rem">
                  {t('supply.counts.heading')}
                </Title>
                <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
                  {stock.data.counts.map((c) => (
                    <li key={c.id}>
                      {t('supply.counts.line', {
                        date: fmt.dateTime(c.countedAt),
                        amount: text.amount(c.quantity, c.formulation),
                        name: text.name(c.formulation),
                      })}
                    </li>
                  ))}
                </ul>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
