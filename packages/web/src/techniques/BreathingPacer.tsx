import { Button, Group, Progress, Select, Slider, Stack, Text } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { breathTimings, type BreathingScript } from '@steady/core';
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown, mayAnnounce, pacerAt } from './pacer';
import { useElapsed } from './useElapsed';
import './techniques.css';

interface Props {
  script: BreathingScript;
  speak: (text: string) => void;
  /** Called when the time is up or the patient stops, with how long it ran. */
  onFinish: (elapsedMs: number) => void;
}

/** A calm circle that grows on the in-breath and shrinks on the out-breath, at an adjustable rate. */
export function BreathingPacer({ script, speak, onFinish }: Props) {
  const { t } = useTranslation();
  const reducedMotion = useReducedMotion();
  const rateLabel = useId();
  const [rate, setRate] = useState(script.defaultRate);
  const [running, setRunning] = useState(false);
  const [minutesChosen, setMinutes] = useState(script.defaultDurationMinutes);
  const durationMs = minutesChosen * 60_000;
  const [timeUp, setTimeUp] = useState(false);
  const { elapsedMs } = useElapsed(running && !timeUp, 100);
  // Changing the rate restarts the breath at the start of an in-breath.
  const [breathOrigin, setBreathOrigin] = useState(0);
  const timings = breathTimings(script, rate);
  const state = pacerAt(elapsedMs - breathOrigin, timings);
  const cue =
    state.phase === 'in' ? t('techniques.guided.breatheIn') : t('techniques.guided.breatheOut');
  const [announced, setAnnounced] = useState('');
  const last = useRef<{ cue: string; atMs: number } | null>(null);
  const started = elapsedMs > 0 || running;

  useEffect(() => {
    if (!running) return;
    if (mayAnnounce(last.current, cue, elapsedMs)) {
      last.current = { cue, atMs: elapsedMs };
      setAnnounced(cue);
      speak(cue);
    }
  }, [running, cue, elapsedMs, speak]);

  useEffect(() => {
    if (!timeUp && elapsedMs >= durationMs) {
      const id = window.setTimeout(() => {
        setTimeUp(true);
        onFinish(durationMs);
      }, 0);
      return () => {
        window.clearTimeout(id);
      };
    }
  }, [timeUp, elapsedMs, durationMs, onFinish]);

  return (
    <Stack gap="md">
      <div>
        <Text id={rateLabel} fw={600}>
          {t('techniques.guided.rate', { rate })}
        </Text>
        <Slider
          aria-labelledby={rateLabel}
          thumbLabel={t('techniques.guided.rateLabel')}
          min={script.minRate}
          max={script.maxRate}
          step={1}
          value={rate}
          onChange={(value) => {
            setRate(value);
            setBreathOrigin(elapsedMs);
            last.current = null;
          }}
          marks={[
            { value: script.minRate, label: String(script.minRate) },
            { value: script.maxRate, label: String(script.maxRate) },
          ]}
          thumbSize={28}
          size="lg"
          mb="lg"
        />
      </div>
      {!started && (
        <Select
          label={t('techniques.guided.duration')}
          data={script.durationPresetsMinutes.map((m) => ({
            value: String(m),
            label: t('techniques.guided.minutes', { count: m }),
          }))}
          value={String(minutesChosen)}
          onChange={(v) => {
            if (v !== null) setMinutes(Number(v));
          }}
          allowDeselect={false}
          size="md"
        />
      )}
      {reducedMotion ? (
        <Stack gap={4}>
          <Text ta="center" fz="xl" fw={700} aria-hidden>
            {cue}
          </Text>
          <Progress
            value={(state.phase === 'in' ? state.progress : 1 - state.progress) * 100}
            size="xl"
            aria-hidden
            transitionDuration={0}
          />
        </Stack>
      ) : (
        <Stack gap="xs">
          <div className="steady-pacer" aria-hidden>
            <div
              className="steady-pacer__circle"
              style={{ '--pacer-scale': String(state.scale) } as CSSProperties}
            />
          </div>
          <Text ta="center" fz="xl" fw={700} aria-hidden>
            {cue}
          </Text>
        </Stack>
      )}
      <div aria-live="polite" className="sd-visually-hidden">
        {running ? announced : ''}
      </div>
      <Text ta="center" c="dimmed">
        {t('techniques.guided.timeLeft', { time: formatCountdown(durationMs - elapsedMs) })}
      </Text>
      <Group grow>
        <Button
          size="lg"
          onClick={() => {
            setRunning((r) => !r);
          }}
        >
          {running
            ? t('techniques.guided.pause')
            : started
              ? t('techniques.guided.resume')
              : t('techniques.guided.start')}
        </Button>
        {started && (
          <Button
            size="lg"
            variant="default"
            onClick={() => {
              setRunning(false);
              onFinish(elapsedMs);
            }}
          >
            {t('techniques.guided.stop')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
