import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isActivityKey } from '../shared/activities';
import type { InsightEffect, InsightFactor, Insights } from './api';
import { crossesZero, directionOf, intervalBar, notEnough, orderFactors } from './present';
import './insights.css';

function factorName(t: TFunction, f: InsightFactor): string {
  if (f.kind === 'dose-timing') return t('insights.lateDose');
  if (f.kind === 'activity') return isActivityKey(f.key) ? t(`checkin.activity.${f.key}`) : f.key;
  return t(`insights.technique.${f.key}`, { defaultValue: f.key.replaceAll('-', ' ') });
}

function useNumber() {
  const { i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const abs = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return { signed: (x: number) => nf.format(x), abs: (x: number) => abs.format(Math.abs(x)) };
}

/** The interval as a small bar around zero; the same facts are in the text next to it. */
function IntervalBar({ estimate, effect }: { estimate: number; effect: InsightEffect }) {
  const { t } = useTranslation();
  if (effect.ci === null) return null;
  const bar = intervalBar(estimate, effect.ci);
  return (
    <svg
      className="insight-bar"
      viewBox="0 0 100 16"
      preserveAspectRatio="none"
      role="img"
      aria-label={t('insights.barLabel', { min: -bar.range, max: bar.range })}
    >
      <line x1="0" y1="8" x2="100" y2="8" className="insight-bar-axis" />
      <line x1={bar.zero} y1="1" x2={bar.zero} y2="15" className="insight-bar-zero" />
      <rect x={bar.from} y="4" width={Math.max(bar.to - bar.from, 0.5)} height="8" rx="2" />
      <circle cx={bar.point} cy="8" r="2.5" className="insight-bar-point" />
    </svg>
  );
}

function EffectView({ effect }: { effect: InsightEffect }) {
  const { t } = useTranslation();
  const num = useNumber();
  const heading = t(`insights.outcome.${effect.outcome}`);
  if (effect.status === 'no-variation') {
    return (
      <Stack gap={2}>
        <Text fw={600}>{heading}</Text>
        <Text size="sm">{t('insights.noVariation')}</Text>
      </Stack>
    );
  }
  if (effect.status === 'insufficient-data') {
    const missing = notEnough(effect);
    return (
      <Stack gap={2}>
        <Text fw={600}>{heading}</Text>
        {missing !== null && (
          <Text size="sm">{t(`insights.notEnough.${missing.kind}`, missing)}</Text>
        )}
        {effect.comparison === 'days' && (
          <Text size="sm" c="dimmed">
            {t('insights.notEnough.rule', effect.minimum)}
          </Text>
        )}
      </Stack>
    );
  }
  const estimate = effect.estimate ?? 0;
  const direction = directionOf(estimate);
  return (
    <Stack gap={4}>
      <Text fw={600}>{heading}</Text>
      <Text>
        {t(`insights.sentence.${effect.comparison}.${direction}`, {
          measure: t(`insights.measure.${effect.outcome}`),
          when: t(`insights.when.${effect.lagDays === 1 ? '1' : '0'}`),
          value: num.abs(estimate),
        })}
      </Text>
      <IntervalBar estimate={estimate} effect={effect} />
      {effect.ci !== null && (
        <Text size="sm">
          {t('insights.interval', {
            lower: num.signed(effect.ci.lower),
            upper: num.signed(effect.ci.upper),
          })}{' '}
          {crossesZero(effect.ci) && t('insights.chance')}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {effect.comparison === 'before-after'
          ? t('insights.basedOnSessions', { count: effect.n })
          : t('insights.basedOnDays', { with: effect.nWith ?? 0, without: effect.nWithout ?? 0 })}
      </Text>
    </Stack>
  );
}

function FactorCard({ factor, level }: { factor: InsightFactor; level: 2 | 3 }) {
  const { t } = useTranslation();
  const id = `insight-${factor.id.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <li>
      <Paper withBorder p="md" radius="md" component="article" aria-labelledby={id}>
        <Stack gap="sm">
          <div>
            <Title order={level} fz="1.15rem" id={id}>
              {factorName(t, factor)}
            </Title>
            <Text size="sm" c="dimmed">
              {t(`insights.kind.${factor.kind}`)} ·{' '}
              {t('insights.factorDays', { count: factor.days })}
            </Text>
          </div>
          {factor.effects.map((e) => (
            <EffectView key={e.outcome} effect={e} />
          ))}
        </Stack>
      </Paper>
    </li>
  );
}

/** The disclaimer, what is not shared, and one card per factor. */
export function InsightList({ data, level }: { data: Insights; level: 2 | 3 }) {
  const { t } = useTranslation();
  const factors = orderFactors(data.factors);
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light">
        {t('insights.disclaimer')}
      </Alert>
      {data.hidden.map((c) => (
        <Text key={c} c="dimmed" fw={600}>
          {t(`insights.hidden.${c}`, { defaultValue: c })}
        </Text>
      ))}
      {factors.length === 0 ? (
        <Text>{t('insights.empty')}</Text>
      ) : (
        <ul className="insight-list">
          {factors.map((f) => (
            <FactorCard key={f.id} factor={f} level={level} />
          ))}
        </ul>
      )}
    </Stack>
  );
}
