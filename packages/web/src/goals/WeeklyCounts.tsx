import { Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../shared/format';
import { progressPercent, weeksAgo, type WeekCount } from './weeks';

const LIST = {
  display: 'flex',
  gap: 4,
  alignItems: 'stretch',
  height: 36,
  listStyle: 'none',
  margin: '8px 0 0',
  padding: 0,
} as const;
const ITEM = { flex: 1, display: 'flex', alignItems: 'flex-end' } as const;

/** This week's progress bar and the last weeks as small bars, readable as text too. */
export function WeeklyCounts({
  weeks,
  target,
  label,
}: {
  weeks: readonly WeekCount[];
  target: number;
  /** What is counted, for the progress bar's accessible name. */
  label: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const current = weeks.at(-1);
  if (current === undefined) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('goals.progress.thisWeek', { count: current.count, target })}
      </Text>
      <Progress
        value={progressPercent(current.count, target)}
        size="lg"
        radius="xl"
        aria-label={t('goals.progress.aria', { label, count: current.count, target })}
      />
      <ol style={LIST} aria-label={t('goals.progress.lastWeeks')}>
        {weeks.map((w) => {
          const ago = weeksAgo(w.weekStart, current.weekStart);
          const name =
            ago === 0
              ? t('goals.progress.weekThis')
              : t('goals.progress.weekOf', { date: fmt.localDateShort(w.weekStart) });
          return (
            <li key={w.weekStart} title={name} style={ITEM}>
              <span
                style={{
                  display: 'block',
                  width: '100%',
                  height: `${String(Math.max(6, progressPercent(w.count, target)))}%`,
                  borderRadius: 3,
                  background: w.count >= target ? '#2b8a3e' : '#748ffc',
                }}
                aria-hidden="true"
              />
              <span className="sd-visually-hidden">
                {t('goals.progress.weekLine', { week: name, count: w.count, target })}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
