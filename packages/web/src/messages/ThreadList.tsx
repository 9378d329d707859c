import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { useThreadsQuery, type Thread } from './api';
import { unreadFirst } from './logic';
import { NewThreadDialog } from './NewThreadDialog';
import { threadPath } from './paths';
import './messages.css';

function ThreadCard({ patientId, thread }: { patientId: string; thread: Thread }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const user = useUser();
  const last = thread.lastMessage;
  const others = thread.participants.filter((p) => p.id !== user.id).map((p) => p.displayName);
  const headingId = `thread-${thread.id}`;
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="md"
      className="sd-msg-card"
      data-unread={thread.unread > 0 ? '' : undefined}
      aria-labelledby={headingId}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} fz="1.125rem" id={headingId}>
            <Link href={threadPath(user, patientId, thread.id)} className="sd-msg-card__link">
              {thread.subject}
            </Link>
          </Title>
          {thread.unread > 0 && (
            <Badge color="blue.9" variant="filled" size="lg" style={{ flexShrink: 0 }}>
              {t('messages.unreadBadge', { count: thread.unread })}
            </Badge>
          )}
        </Group>
        {last !== null && (
          <Text lineClamp={2}>
            {t('messages.lastFrom', {
              name: last.authorId === user.id ? t('messages.you') : last.authorName,
              text: last.preview,
            })}
          </Text>
        )}
        <Text size="sm" c="gray.8">
          {thread.audience === 'team'
            ? t('messages.everyone')
            : t('messages.with', { names: others.join(', ') })}
          {' · '}
          {fmt.dateTimeIfNotToday(thread.lastMessageAt)}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The conversations about one patient the user can see, with "New message". */
export function ThreadList({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const [, navigate] = useLocation();
  const threads = useThreadsQuery(patientId);
  const [composing, setComposing] = useState(false);
  if (threads.isPending) return <Loading />;
  if (threads.isError) return <ErrorAlert error={threads.error} title={t('errors.loadFailed')} />;
  const { team } = threads.data;
  const noTeam = user.id === patientId && team.every((p) => p.memberKind === 'patient');
  return (
    <Stack gap="md">
      {noTeam ? (
        <>
          <Note tone="warning">{t('messages.noTeam')}</Note>
          <Button component={Link} href={routes.careTeam} size="lg" w="fit-content">
            {t('messages.goToCareTeam')}
          </Button>
        </>
      ) : (
        <Button
          size="lg"
          w="fit-content"
          onClick={() => {
            setComposing(true);
          }}
        >
          {t('messages.newMessage')}
        </Button>
      )}
      <section aria-labelledby="threads-heading">
        <Title order={2} fz="1.35rem" id="threads-heading" mb="sm">
          {t('messages.threadsHeading')}
        </Title>
        {threads.data.threads.length === 0 ? (
          <Text>{t('messages.noThreads')}</Text>
        ) : (
          <ul className="sd-msg-threads">
            {unreadFirst(threads.data.threads).map((thread) => (
              <li key={thread.id}>
                <ThreadCard patientId={patientId} thread={thread} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {composing && (
        <NewThreadDialog
          patientId={patientId}
          onClose={() => {
            setComposing(false);
          }}
          onStarted={(thread) => {
            setComposing(false);
            navigate(threadPath(user, patientId, thread.id));
          }}
        />
      )}
    </Stack>
  );
}
