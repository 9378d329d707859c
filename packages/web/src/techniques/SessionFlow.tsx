import { Button, Group, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import type { Technique } from '@steady/core';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { newIdempotencyKey } from '../shared/api/ids';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { routes } from '../shared/layout/routes';
import { useLogSession, type TechniqueSession } from './api';
import { BreathingPacer } from './BreathingPacer';
import { Ratings } from './Ratings';
import { describeChange, minutesFromElapsed, sessionBody } from './sessionForm';
import { StepTimer } from './StepTimer';
import { useSpeech } from './useSpeech';

type Step = 'before' | 'guide' | 'after' | 'saved';

interface Props {
  technique: Technique;
  /** A guided session runs the technique's script; a self-led one only asks before and after. */
  guided: boolean;
  onClose: () => void;
}

/** Ask before, guide (or not), ask after, save with one idempotency key, show the change. */
export function SessionFlow({ technique, guided, onClose }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('before');
  const [painBefore, setPainBefore] = useState<number | null>(null);
  const [tensionBefore, setTensionBefore] = useState<number | null>(null);
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [tensionAfter, setTensionAfter] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [readAloud, setReadAloud] = useState(false);
  const [startedAt, setStartedAt] = useState<string | null>(null);
  const [elapsedMs, setElapsedMs] = useState(0);
  const key = useRef(newIdempotencyKey());
  const log = useLogSession();
  const { available, speak } = useSpeech(readAloud && step === 'guide');
  const script = guided ? technique.script : null;

  const finish = useCallback((ms: number) => {
    setElapsedMs(ms);
    setStep('after');
  }, []);

  const save = () => {
    log.mutate(
      sessionBody(
        {
          techniqueId: technique.id,
          kind: guided ? 'guided' : 'self',
          startedAt: startedAt ?? new Date().toISOString(),
          durationMinutes: guided ? minutesFromElapsed(elapsedMs) : null,
          painBefore,
          painAfter,
          tensionBefore,
          tensionAfter,
          note,
        },
        key.current,
      ),
      {
        onSuccess: () => {
          setStep('saved');
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        {step === 'before' && (
          <>
            <Title order={2}>{t('techniques.session.beforeTitle')}</Title>
            <Text>{t('techniques.session.optional')}</Text>
            <Ratings
              when="before"
              pain={painBefore}
              tension={tensionBefore}
              onPain={setPainBefore}
              onTension={setTensionBefore}
            />
            <Group grow>
              <Button
                size="lg"
                onClick={() => {
                  setStartedAt(new Date().toISOString());
                  setStep(script === null ? 'after' : 'guide');
                }}
              >
                {script === null
                  ? t('techniques.session.continue')
                  : t('techniques.session.toGuide')}
              </Button>
              <Button size="lg" variant="default" onClick={onClose}>
                {t('techniques.session.cancel')}
              </Button>
            </Group>
          </>
        )}
        {step === 'guide' && script !== null && (
          <>
            <Title order={2}>
              {t('techniques.session.guideTitle', { title: technique.title })}
            </Title>
            {available && (
              <Switch
                size="lg"
                label={t('techniques.guided.readAloud')}
                checked={readAloud}
                onChange={(e) => {
                  setReadAloud(e.currentTarget.checked);
                }}
              />
            )}
            {script.kind === 'breathing' ? (
              <BreathingPacer script={script} speak={speak} onFinish={finish} />
            ) : (
              <StepTimer script={script} speak={speak} onFinish={finish} />
            )}
          </>
        )}
        {step === 'after' && (
          <>
            <Title order={2}>{t('techniques.session.afterTitle')}</Title>
            <Text>{t('techniques.session.optional')}</Text>
            <Ratings
              when="after"
              pain={painAfter}
              tension={tensionAfter}
              onPain={setPainAfter}
              onTension={setTensionAfter}
            />
            <Textarea
              label={t('techniques.session.note')}
              value={note}
              maxLength={2000}
              autosize
              minRows={2}
              size="md"
              onChange={(e) => {
                setNote(e.currentTarget.value);
              }}
            />
            {log.isError && <ErrorAlert error={log.error} />}
            <Button size="lg" loading={log.isPending} onClick={save}>
              {t('techniques.session.save')}
            </Button>
          </>
        )}
        {step === 'saved' && log.data !== undefined && (
          <Saved session={log.data.session} onClose={onClose} />
        )}
      </Stack>
    </Paper>
  );
}

function ChangeLine({
  what,
  before,
  after,
}: {
  what: 'pain' | 'tension';
  before: number | null;
  after: number | null;
}) {
  const { t } = useTranslation();
  const change = describeChange(before, after);
  const label = t(`techniques.change.${what}`);
  return (
    <Text>
      {change.kind === 'unknown'
        ? t('techniques.change.unknown', { what: label })
        : t(`techniques.change.${change.kind}`, { what: label, ...change })}
    </Text>
  );
}

function Saved({ session, onClose }: { session: TechniqueSession; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      <Stack gap="sm">
        <Title order={2}>{t('techniques.session.savedTitle')}</Title>
        <ChangeLine what="pain" before={session.painBefore} after={session.painAfter} />
        <ChangeLine what="tension" before={session.tensionBefore} after={session.tensionAfter} />
        <Text c="dimmed">{t('techniques.change.association')}</Text>
        <Group grow>
          <Button size="lg" onClick={onClose}>
            {t('techniques.session.done')}
          </Button>
          <Button size="lg" variant="default" component={Link} href={routes.techniques}>
            {t('techniques.session.toLibrary')}
          </Button>
        </Group>
      </Stack>
    </div>
  );
}
