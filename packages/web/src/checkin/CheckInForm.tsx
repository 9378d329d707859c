import { useState } from 'react';
import { Button, Checkbox, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  SIDE_EFFECT_KEYS,
  type FallReport,
  type Severity4,
  type SideEffectKey,
} from '@steady/core';
import { newIdempotencyKey } from '../shared/api/ids';
import { CheckGroup } from '../shared/components/CheckGroup';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { OptionGroup, type Option } from '../shared/components/OptionGroup';
import { ScaleGroup } from '../shared/components/ScaleGroup';
import { ACTIVITY_KEYS, type ActivityKey } from '../shared/activities';
import { useSubmitCheckIn, type CheckInResult } from './useCheckIn';

const SEVERITIES: readonly Severity4[] = ['none', 'mild', 'moderate', 'severe'];
const FALLS: readonly FallReport[] = ['none', 'near_fall', 'fall'];
const NO_SIDE_EFFECTS: Record<SideEffectKey, Severity4> = {
  drowsiness: 'none',
  dizziness: 'none',
  unsteadiness: 'none',
  confusion: 'none',
};

function toneOf(severity: Severity4 | FallReport): Option<string>['tone'] {
  if (severity === 'severe' || severity === 'fall') return 'danger';
  if (severity === 'moderate' || severity === 'near_fall') return 'warn';
  return undefined;
}

/** Free-text activities, comma separated. */
function splitActivities(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function CheckInForm({ onSaved }: { onSaved: (result: CheckInResult) => void }) {
  const { t } = useTranslation();
  const submit = useSubmitCheckIn();
  // One key per check-in: resubmitting after an error cannot create a second check-in.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [pain, setPain] = useState<number | null>(null);
  const [spasm, setSpasm] = useState<number | null>(null);
  const [sleepQuality, setSleepQuality] = useState<number | null>(null);
  const [anxiety, setAnxiety] = useState<number | null>(null);
  const [mood, setMood] = useState<number | null>(null);
  const [sideEffects, setSideEffects] = useState(NO_SIDE_EFFECTS);
  const [fall, setFall] = useState<FallReport>('none');
  const [breathingProblem, setBreathingProblem] = useState(false);
  const [otherText, setOtherText] = useState('');
  const [otherSeverity, setOtherSeverity] = useState<Severity4>('mild');
  const [activities, setActivities] = useState<ActivityKey[]>([]);
  const [otherActivities, setOtherActivities] = useState('');
  const [note, setNote] = useState('');
  const [showErrors, setShowErrors] = useState(false);

  const severityOptions = SEVERITIES.map((s) => ({
    value: s,
    label: t(`checkin.severity.${s}`),
    tone: toneOf(s),
  }));
  const pickError = (v: number | null) =>
    showErrors && v === null ? t('checkin.pickNumber') : null;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setShowErrors(true);
        if (pain === null || spasm === null) {
          // Put focus on the first unanswered scale: its legend and message are read out.
          const missing = pain === null ? 'checkin-pain' : 'checkin-spasm';
          document.querySelector<HTMLInputElement>(`#${missing} input`)?.focus();
          return;
        }
        submit.mutate(
          {
            idempotencyKey,
            pain,
            spasm,
            sleepQuality,
            anxiety,
            mood,
            sideEffects,
            fall,
            breathingProblem,
            otherSideEffect:
              otherText.trim() === '' ? null : { text: otherText.trim(), severity: otherSeverity },
            activities: [...activities, ...splitActivities(otherActivities)],
            note: note.trim() === '' ? null : note.trim(),
          },
          { onSuccess: onSaved },
        );
      }}
    >
      <Stack gap="xl">
        <Text size="lg">{t('checkin.intro')}</Text>
        <ScaleGroup
          id="checkin-pain"
          legend={t('checkin.pain')}
          low={t('checkin.painLow')}
          high={t('checkin.painHigh')}
          value={pain}
          onChange={setPain}
          error={pickError(pain)}
        />
        <ScaleGroup
          id="checkin-spasm"
          legend={t('checkin.spasm')}
          low={t('checkin.spasmLow')}
          high={t('checkin.spasmHigh')}
          value={spasm}
          onChange={setSpasm}
          error={pickError(spasm)}
        />

        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="side-effects-heading"
        >
          <Stack gap="lg">
            <div>
              <Title order={2} fz="1.25rem" id="side-effects-heading">
                {t('checkin.sideEffectsHeading')}
              </Title>
              <Text>{t('checkin.sideEffectsIntro')}</Text>
            </div>
            {SIDE_EFFECT_KEYS.map((key) => (
              <OptionGroup
                key={key}
                legend={t(`checkin.sideEffect.${key}`)}
                options={severityOptions}
                value={sideEffects[key]}
                columns={4}
                onChange={(v) => {
                  setSideEffects((prev) => ({ ...prev, [key]: v }));
                }}
              />
            ))}
            <OptionGroup
              legend={t('checkin.fall')}
              options={FALLS.map((f) => ({
                value: f,
                label: t(`checkin.fallOption.${f}`),
                tone: toneOf(f),
              }))}
              value={fall}
              onChange={setFall}
            />
            <Checkbox
              size="lg"
              label={t('checkin.breathing')}
              description={t('checkin.breathingHint')}
              checked={breathingProblem}
              onChange={(e) => {
                setBreathingProblem(e.currentTarget.checked);
              }}
            />
            <TextInput
              label={
                <>
                  {t('checkin.otherSideEffect')} <span>{t('common.optional')}</span>
                </>
              }
              placeholder={t('checkin.otherSideEffectHint')}
              value={otherText}
              onChange={(e) => {
                setOtherText(e.currentTarget.value);
              }}
            />
            {otherText.trim() !== '' && (
              <OptionGroup
                legend={t('checkin.otherSeverity')}
                options={severityOptions.filter((o) => o.value !== 'none')}
                value={otherSeverity}
                onChange={setOtherSeverity}
              />
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="more-heading">
          <Stack gap="lg">
            <Title order={2} fz="1.25rem" id="more-heading">
              {t('checkin.moreHeading')}{' '}
              <Text span fw={400}>
                {t('common.optional')}
              </Text>
            </Title>
            <ScaleGroup
              legend={t('checkin.sleep')}
              low={t('checkin.sleepLow')}
              high={t('checkin.sleepHigh')}
              value={sleepQuality}
              onChange={setSleepQuality}
              clearable
            />
            <ScaleGroup
              legend={t('checkin.anxiety')}
              low={t('checkin.anxietyLow')}
              high={t('checkin.anxietyHigh')}
              value={anxiety}
              onChange={setAnxiety}
              clearable
            />
            <ScaleGroup
              legend={t('checkin.mood')}
              low={t('checkin.moodLow')}
              high={t('checkin.moodHigh')}
              value={mood}
              onChange={setMood}
              clearable
            />
            <CheckGroup
              legend={t('checkin.activitiesHeading')}
              options={ACTIVITY_KEYS.map((a) => ({ value: a, label: t(`checkin.activity.${a}`) }))}
              values={activities}
              onChange={setActivities}
            />
            <TextInput
              label={t('checkin.otherActivity')}
              description={t('checkin.otherActivityHint')}
              value={otherActivities}
              onChange={(e) => {
                setOtherActivities(e.currentTarget.value);
              }}
            />
            <Textarea
              label={t('checkin.note')}
              description={t('checkin.noteHint')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => {
                setNote(e.currentTarget.value);
              }}
            />
          </Stack>
        </Paper>

        {submit.isError && <ErrorAlert error={submit.error} />}
        <Button type="submit" size="lg" loading={submit.isPending}>
          {t('checkin.submit')}
        </Button>
      </Stack>
    </form>
  );
}
