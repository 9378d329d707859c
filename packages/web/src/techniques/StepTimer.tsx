import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { StepsScript } from '@steady/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown, goToStep, startSteps, tickSteps } from './pacer';

interface Props {
  script: StepsScript;
  speak: (text: string) => void;
  onFinish: (elapsedMs: number) => void;
}

const TICK_MS = 250;

/** One step at a time with a countdown; next, previous and pause. */
export function StepTimer({ script, speak, onFinish }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState(() => startSteps(script));
  const [running, setRunning] = useState(false);
  const [started, setStarted] = useState(false);
  const ranMs = useRef(0);
  const step = script.steps[state.index];

  useEffect(() => {
    if (!running || state.done) return;
    let last = performance.now();
    const id = window.setInterval(() => {
      const now = performance.now();
      ranMs.current += now - last;
      setState((s) => tickSteps(script, s, now - last));
      last = now;
    }, TICK_MS);
    return () => {
      window.clearInterval(id);
    };
  }, [running, state.done, script]);

  useEffect(() => {
    if (running && step !== undefined) speak(step.text);
  }, [running, step, speak]);

  useEffect(() => {
    if (state.done) onFinish(ranMs.current);
  }, [state.done, onFinish]);

  if (step === undefined) return null;
  return (
    <Stack gap="md">
      <Text c="dimmed">
        {t('techniques.guided.stepOf', { n: state.index + 1, count: script.steps.length })}
      </Text>
      <div aria-live="polite">
        <Text fz="xl" fw={600}>
          {step.text}
        </Text>
      </div>
      <Progress
        value={100 - (state.remainingMs / (step.seconds * 1000)) * 100}
        size="lg"
        aria-hidden
        transitionDuration={0}
      />
      <Text ta="center" c="dimmed">
        {t('techniques.guided.stepTimeLeft', { time: formatCountdown(state.remainingMs) })}
      </Text>
      <Button
        size="lg"
        onClick={() => {
          setStarted(true);
          setRunning((r) => !r);
        }}
      >
        {running
          ? t('techniques.guided.pause')
          : started
            ? t('techniques.guided.resume')
            : t('techniques.guided.start')}
      </Button>
      <Group grow>
        <Button
          size="lg"
          variant="default"
          disabled={state.index === 0}
          onClick={() => {
            setState(goToStep(script, state.index - 1));
          }}
        >
          {t('techniques.guided.previous')}
        </Button>
        <Button
          size="lg"
          variant="default"
          onClick={() => {
            setState(goToStep(script, state.index + 1));
          }}
        >
          {state.index === script.steps.length - 1
            ? t('techniques.guided.finish')
            : t('techniques.guided.next')}
        </Button>
      </Group>
      {started && (
        <Button
          size="lg"
          variant="subtle"
          onClick={() => {
            setRunning(false);
            onFinish(ranMs.current);
          }}
        >
          {t('techniques.guided.stop')}
        </Button>
      )}
    </Stack>
  );
}
