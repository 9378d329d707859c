import { useEffect, useRef, useState } from 'react';
import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getInstrument, type InstrumentDefinition } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { useFormatters } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { useResponses, type SubmitResult } from './api';
import { GuidanceList } from './GuidanceList';
import { roundScore } from './logic';
import { QuestionnaireForm } from './QuestionnaireForm';
import { ScoreTrend } from './ScoreTrend';

/** The score in plain words, after the guidance the answers call for. */
function Result({ result, onAgain }: { result: SubmitResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the result (and the guidance above it is announced as an alert).
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const { score } = result.response;
  return (
    <Stack gap="lg">
      <GuidanceList guidance={result.guidance} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={2} fz="1.35rem" ref={heading} tabIndex={-1}>
            {t('questionnaires.answer.savedTitle')}
          </Title>
          <Text size="lg">
            {t('questionnaires.answer.scoreLine', {
              total: fmt.number(roundScore(score.total)),
              min: score.min,
              max: score.max,
            })}
          </Text>
          {score.band !== null && (
            <Text size="lg">
              {t('questionnaires.answer.bandLine', {
                band: score.band.label,
                from: score.band.min,
                to: score.band.max,
              })}
            </Text>
          )}
          <Text>{t('questionnaires.answer.notDiagnosis')}</Text>
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Button component={Link} href={routes.today} size="lg">
          {t('questionnaires.answer.backToday')}
        </Button>
        <Button variant="default" size="lg" onClick={onAgain}>
          {t('questionnaires.answer.answerAgain')}
        </Button>
      </SimpleGrid>
    </Stack>
  );
}

function MyTrend({
  instrument,
  patientId,
}: {
  instrument: InstrumentDefinition;
  patientId: string;
}) {
  const { t } = useTranslation();
  const responses = useResponses(patientId, instrument.id);
  if (responses.data === undefined || responses.data.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-results-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.25rem" id="my-results-heading">
          {t('questionnaires.answer.yourResults')}
        </Title>
        <ScoreTrend instrument={instrument} responses={responses.data} />
      </Stack>
    </Paper>
  );
}

/** The patient answers one instrument (`/questionnaires/:instrumentId`). */
export function QuestionnairePage() {
  const { t } = useTranslation();
  const { instrumentId } = useParams<{ instrumentId: string }>();
  const { id: patientId } = useUser();
  const instrument = getInstrument(instrumentId);
  const [result, setResult] = useState<SubmitResult | null>(null);
  // A new form, and so a new idempotency key, for each set of answers.
  const [formKey, setFormKey] = useState(0);

  if (instrument === undefined) {
    return (
      <Page title={t('app.notFound.title')}>
        <Note tone="warning">{t('questionnaires.answer.notFound')}</Note>
        <Button component={Link} href={routes.today} w="fit-content">
          {t('questionnaires.answer.backToday')}
        </Button>
      </Page>
    );
  }
  return (
    <Page title={instrument.title}>
      {result === null ? (
        <QuestionnaireForm
          key={formKey}
          instrument={instrument}
          patientId={patientId}
          onSaved={(saved) => {
            setResult(saved);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : (
        <Result
          result={result}
          onAgain={() => {
            setResult(null);
            setFormKey((k) => k + 1);
          }}
        />
      )}
      <MyTrend instrument={instrument} patientId={patientId} />
    </Page>
  );
}
