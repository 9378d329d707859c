import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { CHART_PALETTE } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../shared/format';
import { chartSummary } from './overview';
import type { ChartResponse } from './types';

/** The period at a glance: what was taken, pain, and the days with side effects, falls or breathing problems. */
export function ChartStats({ chart }: { chart: ChartResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const s = chartSummary(chart);
  const round1 = (n: number) => fmt.number(Math.round(n * 10) / 10);
  const dosesShared = !chart.hidden.includes('medications');
  const checkInsShared = !chart.hidden.includes('checkins');
  const days = (count: number) =>
    count === 0 ? t('chart.stats.none') : t('chart.stats.days', { count });
  return (
    <dl className="sd-chart-stats" aria-label={t('chart.stats.label')}>
      {dosesShared && (
        <>
          <div>
            <dt>{t('chart.stats.taken')}</dt>
            <dd>
              {s.avgTakenMg === null
                ? t('chart.stats.noDoses')
                : t('chart.stats.takenValue', { amount: round1(s.avgTakenMg) })}
            </dd>
          </div>
          <div>
            <dt>{t('chart.stats.scheduled')}</dt>
            <dd>
              {s.scheduledMg === null
                ? t('chart.stats.noRegimen')
                : t('chart.stats.scheduledValue', { amount: fmt.number(s.scheduledMg) })}
            </dd>
          </div>
        </>
      )}
      {checkInsShared && (
        <>
          <div>
            <dt>{t('chart.stats.pain')}</dt>
            <dd>
              {s.avgPain === null
                ? t('chart.stats.noPain')
                : t('chart.stats.painValue', { pain: round1(s.avgPain) })}
              {s.checkInDays > 0 && (
                <small>{t('chart.stats.checkIns', { count: s.checkInDays })}</small>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('chart.stats.sideEffects')}</dt>
            <dd>{days(s.sideEffectDays)}</dd>
          </div>
          <div data-alert={s.fallDays > 0 ? '' : undefined}>
            <dt>{t('chart.stats.falls')}</dt>
            <dd>{days(s.fallDays)}</dd>
          </div>
          <div data-alert={s.breathingDays > 0 ? '' : undefined}>
            <dt>{t('chart.stats.breathing')}</dt>
            <dd>{days(s.breathingDays)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}

type Mark = 'bar' | 'line' | 'dashed' | 'dots' | 'triangles';

function Swatch({ color, mark }: { color: string; mark: Mark }) {
  return (
    <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
      {mark === 'bar' && <rect x="10" y="1" width="8" height="12" fill={color} />}
      {(mark === 'line' || mark === 'dots') && (
        <line x1="1" y1="7" x2="27" y2="7" stroke={color} strokeWidth="2.5" />
      )}
      {mark === 'dots' && <circle cx="14" cy="7" r="3.5" fill={color} />}
      {(mark === 'dashed' || mark === 'triangles') && (
        <line x1="1" y1="7" x2="27" y2="7" stroke={color} strokeWidth="2" strokeDasharray="5 3" />
      )}
      {mark === 'triangles' && <path d="M14 2 L19 11 L9 11 Z" fill={color} />}
    </svg>
  );
}

/** The chart's legend as text, so it wraps on a phone and screen readers can read it. */
export function ChartLegend({ doses, checkIns }: { doses: boolean; checkIns: boolean }) {
  const { t } = useTranslation();
  const items: { key: string; color: string; mark: Mark }[] = [
    ...(doses
      ? [
          { key: 'dose', color: CHART_PALETTE.blue, mark: 'bar' as const },
          { key: 'parent', color: CHART_PALETTE.bluishGreen, mark: 'line' as const },
          { key: 'metabolite', color: CHART_PALETTE.orange, mark: 'dashed' as const },
        ]
      : []),
    ...(checkIns
      ? [
          { key: 'pain', color: CHART_PALETTE.vermillion, mark: 'dots' as const },
          { key: 'sideEffect', color: CHART_PALETTE.reddishPurple, mark: 'triangles' as const },
        ]
      : []),
  ];
  return (
    <ul className="sd-chart-legend" aria-label={t('chart.legend.label')}>
      {items.map((item) => (
        <li key={item.key}>
          <Swatch color={item.color} mark={item.mark} />
          {t(
            `chart.legend.${item.key as 'dose' | 'parent' | 'metabolite' | 'pain' | 'sideEffect'}`,
          )}
        </li>
      ))}
    </ul>
  );
}

/** A chart table in a scrollable region that keyboards can reach, named by `label`. */
export function ChartTableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="sd-table-wrap" role="region" aria-label={label} tabIndex={0}>
      <Table striped className="sd-chart-table">
        <caption className="sd-visually-hidden">{label}</caption>
        {children}
      </Table>
    </div>
  );
}
