import { useState } from 'react';
import { Button, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { newIdempotencyKey } from '../shared/api/ids';
import { AppDialog } from '../shared/components/AppDialog';
import { CheckGroup } from '../shared/components/CheckGroup';
import { DialogForm } from '../shared/components/DialogForm';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { OptionGroup } from '../shared/components/OptionGroup';
import { routes } from '../shared/layout/routes';
import { useMemberWords } from '../shared/memberKind';
import { useUser } from '../shared/session';
import { useStartThread, useThreadsQuery, type Thread } from './api';
import { ContextBox } from './ContextBox';
import { choosable, LIMITS } from './logic';
import type { Attachment } from './useContextWords';

type Audience = 'team' | 'selected';

/**
 * The composer of a new conversation: to the whole care team or to chosen people, with the
 * attached context (if any) shown above the message, so the patient sees what is shared.
 */
export function NewThreadDialog({
  patientId,
  attachment,
  onClose,
  onStarted,
}: {
  patientId: string;
  attachment?: Attachment | undefined;
  onClose: () => void;
  onStarted: (thread: Thread) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const { who } = useMemberWords();
  const threads = useThreadsQuery(patientId);
  const start = useStartThread(patientId);
  // One key per message being written: a retry after a lost answer cannot start it twice.
  const [key] = useState(newIdempotencyKey);
  const [audience, setAudience] = useState<Audience>('team');
  const [chosen, setChosen] = useState<string[]>([]);
  const [subject, setSubject] = useState(attachment?.subject ?? '');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState({ subject: false, body: false, chosen: false });
  const title =
    attachment === undefined ? t('messages.compose.title') : t('messages.compose.tellTitle');

  if (threads.isPending || threads.isError) {
    return (
      <AppDialog title={title} onClose={onClose}>
        {threads.isPending ? (
          <Loading />
        ) : (
          <ErrorAlert error={threads.error} title={t('errors.loadFailed')} />
        )}
      </AppDialog>
    );
  }
  const team = threads.data.team;
  const others = choosable(team, user.id);
  const isPatient = user.id === patientId;
  if (isPatient && others.length === 0) {
    return (
      <AppDialog title={title} onClose={onClose}>
        <Note tone="warning">{t('messages.noTeam')}</Note>
        <Button component={Link} href={routes.careTeam} size="lg" mt="md" onClick={onClose}>
          {t('messages.goToCareTeam')}
        </Button>
      </AppDialog>
    );
  }
  const patientName = team.find((p) => p.memberKind === 'patient')?.displayName ?? '';
  const names = (ids: readonly string[] | null) =>
    team
      .filter((p) => p.id !== user.id && (ids === null || ids.includes(p.id)))
      .map((p) => (p.memberKind === 'patient' ? p.displayName : who(p)))
      .join(', ');

  const submit = () => {
    const problems = {
      subject: subject.trim() === '',
      body: body.trim() === '',
      chosen: isPatient && audience === 'selected' && chosen.length === 0,
    };
    setMissing(problems);
    if (problems.subject || problems.body || problems.chosen) return;
    start.mutate(
      {
        idempotencyKey: key,
        subject: subject.trim(),
        body: body.trim(),
        audience,
        ...(audience === 'selected' ? { participantIds: chosen } : {}),
        ...(attachment === undefined ? {} : { context: attachment.context }),
      },
      {
        onSuccess: ({ thread }) => {
          onStarted(thread);
        },
      },
    );
  };

  return (
    <DialogForm
      title={title}
      onClose={onClose}
      error={start.isError ? start.error : null}
      busy={start.isPending}
      submitLabel={t('messages.compose.send')}
      onSubmit={submit}
    >
      {attachment !== undefined && (
        <ContextBox
          context={attachment.context}
          label={t('messages.compose.attached')}
          hint={t('messages.compose.attachedHint')}
        />
      )}
      <OptionGroup<Audience>
        legend={t('messages.compose.audience')}
        columns={1}
        value={audience}
        onChange={setAudience}
        options={[
          {
            value: 'team',
            label: isPatient
              ? t('messages.compose.audienceTeam')
              : t('messages.compose.audienceTeamMember', { name: patientName }),
          },
          {
            value: 'selected',
            label: isPatient
              ? t('messages.compose.audienceSelected')
              : t('messages.compose.audienceSelectedMember', { name: patientName }),
          },
        ]}
      />
      {audience === 'team' ? (
        <Text>{t('messages.compose.teamNames', { names: names(null) })}</Text>
      ) : (
        others.length > 0 && (
          <>
            <CheckGroup
              legend={t('messages.compose.choose')}
              columns={1}
              values={chosen}
              onChange={(values) => {
                setChosen(values);
                setMissing((m) => ({ ...m, chosen: false }));
              }}
              options={others.map((p) => ({ value: p.id, label: who(p) }))}
            />
            {missing.chosen && (
              <Text c="red.9" fw={600} role="alert">
                {t('messages.compose.chooseOne')}
              </Text>
            )}
          </>
        )
      )}
      <TextInput
        label={t('messages.compose.subject')}
        size="md"
        maxLength={LIMITS.subject}
        value={subject}
        error={missing.subject ? t('messages.compose.subjectRequired') : null}
        onChange={(e) => {
          setSubject(e.currentTarget.value);
          setMissing((m) => ({ ...m, subject: false }));
        }}
        required
      />
      <Textarea
        label={t('messages.compose.body')}
        size="md"
        autosize
        minRows={4}
        maxRows={12}
        maxLength={LIMITS.body}
        value={body}
        error={missing.body ? t('messages.compose.bodyRequired') : null}
        onChange={(e) => {
          setBody(e.currentTarget.value);
          setMissing((m) => ({ ...m, body: false }));
        }}
        required
        data-autofocus
      />
    </DialogForm>
  );
}
