import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertEvidence, AlertSource } from '../shared/api/types';

/** What triggered an alert: each piece of evidence with its note, dates and record ids. */
export function EvidenceList({ evidence }: { evidence: readonly AlertEvidence[] }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return null;
  return (
    <div>
      <Text fw={600} size="sm">
        {t('alerts.evidence')}
      </Text>
      <List size="sm">
        {evidence.map((e, i) => (
          <List.Item key={`${e.kind}-${String(i)}`}>
            {e.note ?? e.kind}
            {e.dates !== undefined && e.dates.length > 0 && ` (${e.dates.join(', ')})`}
            {e.ids !== undefined && e.ids.length > 0 && (
              <Text span size="xs" c="dimmed">
                {' '}
                {t('alerts.ids', { ids: e.ids.join(', ') })}
              </Text>
            )}
          </List.Item>
        ))}
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
