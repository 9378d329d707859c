import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AsNeededToday } from '../shared/api/types';
import { useFormatters } from '../shared/format';

/** The as-needed allowance in plain words: the rule, how many today, and when the next is allowed. */
export function AsNeededSummary({ asNeeded }: { asNeeded: AsNeededToday | null }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (asNeeded === null) return <Text>{t('today.asNeededNone')}</Text>;
  const { rule, takenToday, nextAllowedAt } = asNeeded;
  // The server sends nextAllowedAt only while the patient has to wait.
  const waiting = nextAllowedAt !== null;
  return (
    <div>
      <Text>
        {t('today.asNeededRule', {
          amount: fmt.number(rule.amountMg),
          count: rule.maxPerDay,
          hours: fmt.number(rule.minIntervalHours),
        })}
      </Text>
      <Text fw={600}>
        {t('today.asNeededTaken', { count: takenToday, max: rule.maxPerDay })}{' '}
        {waiting
          ? t('today.asNeededNext', { time: fmt.dateTimeIfNotToday(nextAllowedAt) })
          : takenToday < rule.maxPerDay
            ? t('today.asNeededNow')
            : null}
      </Text>
    </div>
  );
}
