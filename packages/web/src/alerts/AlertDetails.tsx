import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertEvidence, AlertSource } from '../shared/api/types';
import { useFormatters } from '../shared/format';
import { formatEvidenceDate, formatEvidenceValue, humanKey, type EvidenceValue } from './evidence';

/** The engine's evidence also carries measured values (not in the shared API type yet). */
type Evidence = AlertEvidence & { readonly values?: Readonly<Record<string, EvidenceValue>> };

/**
 * What triggered an alert: each piece of evidence with its note, the patient's dates and the
 * values measured, and how many log entries it rests on.
 */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (evidence.length === 0) return null;
  const words = {
    yes: t('chart.alerts.yes'),
    no: t('chart.alerts.no'),
    none: t('chart.table.noValue'),
  };
  return (
    <div>
      <Text fw={600} size="sm">
        {t('alerts.evidence')}
      </Text>
      <List size="sm">
        {evidence.map((e, i) => {
          const values = Object.entries(e.values ?? {});
          return (
            <List.Item key={`${e.kind}-${String(i)}`}>
              {e.note ?? humanKey(e.kind)}
              {e.dates !== undefined &&
                e.dates.length > 0 &&
                ` (${e.dates.map((d) => formatEvidenceDate(d, fmt)).join(', ')})`}
              {values.length > 0 && (
                <Text size="sm" c="gray.8">
                  {values
                    .map(([key, value]) =>
                      t('chart.alerts.value', {
                        name: humanKey(key),
                        value: formatEvidenceValue(value, fmt, words),
                      }),
                    )
                    .join(' · ')}
                </Text>
              )}
              {e.ids !== undefined && e.ids.length > 0 && (
                <Text size="xs" c="gray.7">
                  {t('chart.alerts.records', { count: e.ids.length })}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}

/** The sources a rule rests on, by REFERENCE id, status and place in the source. */
export function SourceList({ sources }: { sources: readonly AlertSource[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {t('alerts.sources')}
      </Text>{' '}
      {sources
        .map((s) => `${s.id} [${s.status}]${s.locator === undefined ? '' : ` ${s.locator}`}`)
        .join('; ')}
    </Text>
  );
}
