import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../shared/format';
import { useMemberWords } from '../shared/memberKind';
import type { ClinicianNote } from './useNotes';

/** Clinician notes, newest first, each with its author, discipline, time and amendments. */
export function NotesList({
  notes,
  actions,
}: {
  notes: readonly ClinicianNote[];
  actions?: (note: ClinicianNote) => ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { who } = useMemberWords();
  const byId = new Map(notes.map((n) => [n.id, n]));
  return (
    <ul className="sd-timeline">
      {notes.map((n) => {
        const original = n.amends === null ? undefined : byId.get(n.amends);
        return (
          <li key={n.id}>
            <Stack gap={4}>
              <Text fw={700}>
                {t('checkups.notes.byline', {
                  who: who({
                    displayName: n.author.displayName,
                    role: 'clinician',
                    discipline: n.author.discipline,
                  }),
                  date: fmt.dateTime(n.createdAt),
                })}
              </Text>
              {original !== undefined && (
                <Text size="sm" fs="italic">
                  {t('checkups.notes.amends', { date: fmt.dateTime(original.createdAt) })}
                </Text>
              )}
              <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>
              {n.amendedBy.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t('checkups.notes.amended', { count: n.amendedBy.length })}
                </Text>
              )}
              {actions?.(n)}
            </Stack>
          </li>
        );
      })}
    </ul>
  );
}
