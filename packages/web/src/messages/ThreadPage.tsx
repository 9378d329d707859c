import { useEffect, useRef, useState } from 'react';
import { Anchor, Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { ApiError } from '../shared/api/client';
import { newIdempotencyKey } from '../shared/api/ids';
import type { SessionUser } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { useFormatters } from '../shared/format';
import { useMemberWords } from '../shared/memberKind';
import { useUser } from '../shared/session';
import {
  useMarkRead,
  usePostMessage,
  useThreadQuery,
  type Message,
  type ThreadResponse,
} from './api';
import { ContextBox } from './ContextBox';
import { arrivals, LIMITS, markReadUpTo } from './logic';
import { threadsPath } from './paths';
import './messages.css';

function BackLink({ user, patientId }: { user: SessionUser; patientId: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href={threadsPath(user, patientId)} fw={600} w="fit-content">
      {t('messages.back')}
    </Anchor>
  );
}

function MessageItem({ message }: { message: Message }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const user = useUser();
  const { who } = useMemberWords();
  const own = message.author.id === user.id;
  const name = own
    ? t('messages.you')
    : message.author.role === 'patient'
      ? message.author.displayName
      : who(message.author);
  return (
    <li className="sd-msg" data-own={own ? '' : undefined}>
      <div className="sd-msg__meta">
        {t('messages.thread.from', { name, time: fmt.dateTimeIfNotToday(message.createdAt) })}
      </div>
      <p className="sd-msg__body">{message.body}</p>
    </li>
  );
}

/** The reply box: large, labelled, Ctrl/⌘ + Enter sends; the draft keeps one idempotency key. */
function Composer({ patientId, threadId }: { patientId: string; threadId: string }) {
  const { t } = useTranslation();
  const post = usePostMessage(patientId, threadId);
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [sent, setSent] = useState('');
  const [missing, setMissing] = useState(false);
  const send = () => {
    const text = body.trim();
    if (text === '') {
      setMissing(true);
      return;
    }
    setSent('');
    post.mutate(
      { idempotencyKey: key, body: text },
      {
        onSuccess: () => {
          setBody('');
          setKey(newIdempotencyKey());
          setSent(t('messages.thread.sent'));
        },
      },
    );
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <Stack gap="sm">
        {post.isError && <ErrorAlert error={post.error} />}
        <Textarea
          label={t('messages.thread.reply')}
          description={t('messages.thread.replyHint')}
          size="md"
          autosize
          minRows={3}
          maxRows={12}
          maxLength={LIMITS.body}
          value={body}
          error={missing ? t('messages.compose.bodyRequired') : null}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setMissing(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              send();
            }
          }}
        />
        <Button type="submit" size="lg" loading={post.isPending} w={{ base: '100%', xs: 'auto' }}>
          {t('messages.thread.send')}
        </Button>
        <div role="status" className="sd-visually-hidden">
          {sent}
        </div>
      </Stack>
    </form>
  );
}

function Conversation({ patientId, data }: { patientId: string; data: ThreadResponse }) {
  const { t } = useTranslation();
  const user = useUser();
  const { thread, messages } = data;
  const { mutate: markRead } = useMarkRead(patientId, thread.id);
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef<ReadonlySet<string> | null>(null);

  // Mark read up to the newest message shown (once per newest message).
  const upTo = markReadUpTo(thread, messages);
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (upTo === null || marked.current === upTo) return;
    marked.current = upTo;
    markRead(upTo);
  }, [upTo, markRead]);

  // Announce messages by others that arrive while the conversation is open.
  useEffect(() => {
    const fresh = arrivals(seen.current, messages, user.id);
    seen.current = new Set(messages.map((m) => m.id));
    const first = fresh[0];
    if (first === undefined) return;
    setAnnouncement(
      t('messages.thread.arrived', { count: fresh.length, name: first.author.displayName }),
    );
  }, [messages, user.id, t]);

  const names = thread.participants
    .map((p) => (p.id === user.id ? t('messages.you') : p.displayName))
    .join(', ');
  return (
    <Stack gap="lg">
      <Text>{t('messages.thread.whoReads', { names })}</Text>
      {thread.context !== null && (
        <ContextBox context={thread.context} label={t('messages.thread.attached')} />
      )}
      <section aria-labelledby="thread-messages">
        <Title order={2} fz="1.25rem" id="thread-messages" className="sd-visually-hidden">
          {t('messages.thread.history')}
        </Title>
        <ol className="sd-msg-list">
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} />
          ))}
        </ol>
      </section>
      <div role="status" aria-live="polite" className="sd-visually-hidden">
        {announcement}
      </div>
      <Composer patientId={patientId} threadId={thread.id} />
    </Stack>
  );
}

/** One conversation: who reads it, what it is about, the messages, and the reply box. */
export function ThreadPage() {
  const { t } = useTranslation();
  const user = useUser();
  const params = useParams<{ id?: string; threadId: string }>();
  const patientId = params.id ?? user.id;
  const thread = useThreadQuery(patientId, params.threadId);
  if (thread.isPending) return <Loading />;
  if (thread.isError) {
    const gone = thread.error instanceof ApiError && thread.error.status === 404;
    return (
      <Page title={t('messages.title')}>
        <BackLink user={user} patientId={patientId} />
        {gone ? (
          <Note tone="warning">{t('messages.notFound')}</Note>
        ) : (
          <ErrorAlert error={thread.error} title={t('errors.loadFailed')} />
        )}
      </Page>
    );
  }
  return (
    <Page title={thread.data.thread.subject}>
      <BackLink user={user} patientId={patientId} />
      <Conversation patientId={patientId} data={thread.data} />
    </Page>
  );
}
