import { Button, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { ELSEWHERE_THERAPIES, ELSEWHERE_THERAPY_IDS, type ElsewhereTherapyId } from '@steady/core';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../shared/api/ids';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { OptionGroup } from '../shared/components/OptionGroup';
import { ScaleGroup } from '../shared/components/ScaleGroup';
import { useLogSession } from './api';
import { instantFromLocalInput, localInputOf, sessionBody } from './sessionForm';

/** Quick log of a therapy done elsewhere: which, who, when, a note, optional pain before/after. */
export function ElsewhereForm({
  onSaved,
  onCancel,
}: {
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [which, setWhich] = useState<ElsewhereTherapyId | null>(null);
  const [provider, setProvider] = useState('');
  const [when, setWhen] = useState(() => localInputOf(new Date()));
  const [painBefore, setPainBefore] = useState<number | null>(null);
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ which?: string; when?: string }>({});
  const key = useRef(newIdempotencyKey());
  const log = useLogSession();

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const startedAt = instantFromLocalInput(when);
    const next = {
      ...(which === null ? { which: t('techniques.elsewhere.whichRequired') } : {}),
      ...(startedAt === null ? { when: t('techniques.elsewhere.whenRequired') } : {}),
    };
    setErrors(next);
    if (which === null || startedAt === null) return;
    log.mutate(
      sessionBody(
        {
          techniqueId: which,
          kind: 'elsewhere',
          startedAt,
          durationMinutes: null,
          painBefore,
          painAfter,
          tensionBefore: null,
          tensionAfter: null,
          provider,
          note,
        },
        key.current,
      ),
      { onSuccess: onSaved },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2}>{t('techniques.elsewhere.title')}</Title>
        <OptionGroup
          legend={t('techniques.elsewhere.which')}
          options={ELSEWHERE_THERAPY_IDS.map((id) => ({
            value: id,
            label: ELSEWHERE_THERAPIES[id].title,
          }))}
          value={which}
          onChange={setWhich}
          columns={1}
          error={errors.which ?? null}
        />
        <TextInput
          label={t('techniques.elsewhere.who')}
          description={t('techniques.elsewhere.whoHint')}
          value={provider}
          maxLength={200}
          size="md"
          onChange={(e) => {
            setProvider(e.currentTarget.value);
          }}
        />
        <TextInput
          type="datetime-local"
          label={t('techniques.elsewhere.when')}
          value={when}
          size="md"
          error={errors.when}
          onChange={(e) => {
            setWhen(e.currentTarget.value);
          }}
        />
        <ScaleGroup
          legend={t('techniques.ratings.pain.before')}
          low={t('techniques.ratings.pain.low')}
          high={t('techniques.ratings.pain.high')}
          value={painBefore}
          onChange={setPainBefore}
          clearable
        />
        <ScaleGroup
          legend={t('techniques.ratings.pain.after')}
          low={t('techniques.ratings.pain.low')}
          high={t('techniques.ratings.pain.high')}
          value={painAfter}
          onChange={setPainAfter}
          clearable
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
        <Button type="submit" size="lg" loading={log.isPending}>
          {t('techniques.elsewhere.save')}
        </Button>
        <Button size="lg" variant="default" onClick={onCancel}>
          {t('techniques.session.cancel')}
        </Button>
      </Stack>
    </Paper>
  );
}
