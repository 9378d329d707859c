import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  addDays,
  isTechniqueId,
  isElsewhereTherapyId,
  localDateOf,
  sessionTechniqueTitle,
} from '@steady/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { useUser } from '../shared/session';
import { useDeleteSession, useTechniqueSessions, type TechniqueSession } from './api';

/** Days of sessions shown on the Techniques page. */
const RECENT_DAYS = 30;

function titleOf(id: string, fallback: string): string {
  return isTechniqueId(id) || isElsewhereTherapyId(id) ? sessionTechniqueTitle(id) : fallback;
}

/** The last 30 days of sessions; one logged in the last 24 hours can be deleted. */
export function RecentSessions() {
  const { t } = useTranslation();
  const { timeZone } = useUser();
  // The moment the page opened: "today" and the 24-hour delete window are judged from it.
  const [openedAt] = useState(() => Date.now());
  const today = localDateOf(new Date(openedAt).toISOString(), timeZone);
  const sessions = useTechniqueSessions(addDays(today, -(RECENT_DAYS - 1)), today);
  const remove = useDeleteSession();
  const f = useFormatters();
  return (
    <section aria-labelledby="techniques-recent">
      <Title order={2} id="techniques-recent" mb="sm">
        {t('techniques.recent.title')}
      </Title>
      {sessions.isPending && <Loading />}
      {sessions.isError && <ErrorAlert error={sessions.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {sessions.data?.length === 0 && <Text>{t('techniques.recent.none')}</Text>}
      <Stack gap="sm">
        {sessions.data?.map((s) => (
          <SessionRow
            key={s.id}
            session={s}
            title={titleOf(s.techniqueId, t('techniques.recent.assigned'))}
            when={f.dateTime(s.startedAt)}
            onDelete={
              openedAt < Date.parse(s.deletableUntil)
                ? () => {
                    remove.mutate(s.id);
                  }
                : null
            }
            deleting={remove.isPending && remove.variables === s.id}
          />
        ))}
      </Stack>
    </section>
  );
}

interface RowProps {
  session: TechniqueSession;
  title: string;
  when: string;
  onDelete: (() => void) | null;
  deleting: boolean;
}

function SessionRow({ session: s, title, when, onDelete, deleting }: RowProps) {
  const { t } = useTranslation();
  const rating = (what: 'pain' | 'tension', before: number | null, after: number | null) =>
    before === null && after === null
      ? null
      : t(`techniques.recent.${what}`, { before: before ?? '–', after: after ?? '–' });
  const details = [
    s.durationMinutes === null
      ? null
      : t('techniques.guided.minutes', { count: s.durationMinutes }),
    s.provider,
    rating('pain', s.painBefore, s.painAfter),
    rating('tension', s.tensionBefore, s.tensionAfter),
  ].filter((d): d is string => d !== null);
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {when}
          </Text>
          {details.length > 0 && <Text size="sm">{details.join(' · ')}</Text>}
          {s.note !== null && <Text size="sm">{s.note}</Text>}
        </Stack>
        {onDelete !== null && (
          <Button
            variant="subtle"
            color="red"
            size="md"
            loading={deleting}
            onClick={onDelete}
            aria-label={t('techniques.recent.deleteAria', { title, when })}
          >
            {t('techniques.recent.delete')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
