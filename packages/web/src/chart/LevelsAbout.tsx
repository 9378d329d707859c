import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PkCaveat } from '@steady/core';
import { useFormatters } from '../shared/format';
import type { ChartLevels, ChartSource } from './types';

const CAVEAT_IDS: readonly PkCaveat['id'][] = [
  'illustrative',
  'variability',
  'one-compartment',
  'relative',
  'delayed-change',
];
const isCaveatId = (id: string): id is PkCaveat['id'] =>
  (CAVEAT_IDS as readonly string[]).includes(id);

function Sources({ sources }: { sources: readonly ChartSource[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <Text span size="xs" c="gray.7">
      {' '}
      {t('chart.caveat.sources')}{' '}
      {sources
        .map((s) => `${s.id} [${s.status}]${s.locator === undefined ? '' : ` ${s.locator}`}`)
        .join('; ')}
    </Text>
  );
}

/** How the estimated levels were made, what 100 % means, their limits and sources. */
export function LevelsAbout({ levels }: { levels: ChartLevels }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { reference } = levels;
  const threeDigits = new Intl.NumberFormat(fmt.locale, { maximumSignificantDigits: 3 });
  return (
    <details className="sd-details">
      <summary>{t('chart.caveat.about')}</summary>
      <Stack gap="xs">
        <Text>
          {reference === null
            ? t('chart.caveat.noReference')
            : t(
                reference.basis === 'regimen'
                  ? 'chart.caveat.reference'
                  : 'chart.caveat.referenceLargestDay',
                { amount: fmt.number(reference.dailyMg), date: fmt.localDateFull(reference.date) },
              )}{' '}
          {t(levels.resolution === 'hourly' ? 'chart.caveat.hourly' : 'chart.caveat.dailyMean')}
        </Text>
        <Text>
          {t('chart.caveat.warmUp', {
            days: levels.warmUpDays,
            parentHours: Math.round(levels.halfLivesHours.parent),
            metaboliteHours: Math.round(levels.halfLivesHours.metabolite),
          })}
        </Text>
        <List size="sm" spacing={4}>
          {levels.caveats.map((c) => (
            <List.Item key={c.id}>
              {isCaveatId(c.id) ? t(`chart.caveat.${c.id}`) : c.text}
              <Sources sources={c.sources} />
            </List.Item>
          ))}
        </List>
        <Text fw={600} size="sm">
          {t('chart.caveat.parameters')}
        </Text>
        <List size="sm" spacing={4}>
          {levels.parameters.map((p) => (
            <List.Item key={p.name}>
              {t('chart.caveat.parameter', {
                name: p.name,
                value: threeDigits.format(p.value),
                unit: p.unit ?? '',
              })}
              {!p.confirmed && ` ${t('chart.caveat.unconfirmed')}`}
              <Sources sources={p.sources} />
            </List.Item>
          ))}
        </List>
      </Stack>
    </details>
  );
}
