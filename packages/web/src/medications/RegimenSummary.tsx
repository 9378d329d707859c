import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegimenVersionView } from '../shared/api/types';
import { useFormatters } from '../shared/format';
import { useQuantityText } from '../shared/useQuantityText';

/** The regimen in force, in plain words. */
export function RegimenSummary({ regimen }: { regimen: RegimenVersionView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const quantityText = useQuantityText();
  const doses = [...regimen.doses].sort((a, b) => a.time.localeCompare(b.time));
  return (
    <Stack gap={4}>
      <Text fw={700}>{t('medications.currentLabel', { version: regimen.version })}</Text>
      <Text>
        {t('medications.formulationLine', { formulation: t(`formulation.${regimen.formulation}`) })}
      </Text>
      <List spacing={2}>
        {doses.map((d) => (
          <List.Item key={d.time}>
            {t('medications.doseLine', {
              time: fmt.localTime(d.time),
              amount: fmt.number(d.amountMg),
              quantity: quantityText(d.amountMg, regimen.formulation),
            })}
          </List.Item>
        ))}
      </List>
      {regimen.asNeeded !== null && (
        <Text>
          {t('medications.asNeededLine', {
            amount: fmt.number(regimen.asNeeded.amountMg),
            max: regimen.asNeeded.maxPerDay,
            hours: fmt.number(regimen.asNeeded.minIntervalHours),
          })}
        </Text>
      )}
      <Text>
        {regimen.endDate === null
          ? t('medications.datesLine', { start: fmt.localDateFull(regimen.startDate) })
          : t('medications.datesLineEnd', {
              start: fmt.localDateFull(regimen.startDate),
              end: fmt.localDateFull(regimen.endDate),
            })}
      </Text>
      {regimen.prescriber !== null && (
        <Text>{t('medications.prescriberLine', { name: regimen.prescriber })}</Text>
      )}
      {regimen.indication !== null && (
        <Text>{t('medications.indicationLine', { indication: regimen.indication })}</Text>
      )}
    </Stack>
  );
}
