import { useEffect, useRef, useState } from 'react';
import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { WITHDRAWAL_CHECKLIST } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SubmitResult } from '../questionnaires/api';
import { GuidanceList } from '../questionnaires/GuidanceList';
import { answeredOnly, localGuidance, missingItems, type Answers } from '../questionnaires/logic';
import { LicenceText } from '../questionnaires/QuestionnaireForm';
import { ApiError } from '../shared/api/client';
import { newIdempotencyKey } from '../shared/api/ids';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { OptionGroup } from '../shared/components/OptionGroup';
import { Page } from '../shared/components/Page';
import { useFormatters } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { dueCheckIn } from './patientLogic';
import { useAnswerCheckIn, useTaperCheckIns, type TaperCheckIn } from './useCheckIns';

const CHECKLIST = WITHDRAWAL_CHECKLIST;
const fieldId = (itemId: string) => `wd-item-${itemId.replace(/[^\w-]/g, '-')}`;
const NONE: Readonly<Record<string, number>> = Object.fromEntries(
  CHECKLIST.items.map((i) => [i.id, 0]),
);

function Saved({ result }: { result: SubmitResult }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Stack gap="lg">
      {/* Red-flag answers bring the crisis guidance first, as questionnaires do. */}
      <GuidanceList guidance={result.guidance} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={2} fz="1.35rem" ref={heading} tabIndex={-1}>
            {t('taperPatient.form.savedTitle')}
          </Title>
          <Text size="lg">{t('taperPatient.form.savedText')}</Text>
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Button component={Link} href={routes.today} size="lg">
          {t('taperPatient.form.today')}
        </Button>
        <Button component={Link} href={routes.taper} size="lg" variant="default">
          {t('taperPatient.form.back')}
        </Button>
      </SimpleGrid>
    </Stack>
  );
}

/** The checklist: one tap for "No symptoms", or every item with none/mild/moderate/severe. */
function CheckInForm({
  patientId,
  checkIn,
  onSaved,
}: {
  patientId: string;
  checkIn: TaperCheckIn;
  onSaved: (result: SubmitResult) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const submit = useAnswerCheckIn(patientId);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [answers, setAnswers] = useState<Answers>({});
  const [showMissing, setShowMissing] = useState(false);
  const missing = missingItems(CHECKLIST, answers);
  const count = CHECKLIST.items.length;
  // A red-flag answer shows its guidance at once, before the form is complete or sent.
  const early = localGuidance(CHECKLIST.id, answers).filter(
    (g) => g.kind === 'crisis' || g.kind === 'urgent',
  );
  const send = (values: Readonly<Record<string, number>>) => {
    submit.mutate({ idempotencyKey, date: checkIn.date, answers: values }, { onSuccess: onSaved });
  };

  return (
    <Stack gap="lg">
      <Text size="lg">{t('taperPatient.form.for', { date: fmt.localDateLong(checkIn.date) })}</Text>
      <Text size="lg" fw={600}>
        {CHECKLIST.instructions}
      </Text>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text>{t('taperPatient.form.noSymptomsHint')}</Text>
          <Button
            size="lg"
            onClick={() => {
              send(NONE);
            }}
            loading={submit.isPending}
          >
            {t('taperPatient.form.noSymptoms')}
          </Button>
        </Stack>
      </Paper>
      {submit.isError && (
        <ErrorAlert
          error={submit.error}
          title={
            submit.error instanceof ApiError && submit.error.status === 0
              ? t('taperPatient.form.notSent')
              : undefined
          }
        />
      )}
      <form
        noValidate
        aria-label={t('taperPatient.form.orEach')}
        onSubmit={(e) => {
          e.preventDefault();
          const first = missing[0];
          if (first !== undefined) {
            setShowMissing(true);
            document.querySelector<HTMLInputElement>(`#${fieldId(first)} input`)?.focus();
            return;
          }
          send(answeredOnly(answers));
        }}
      >
        <Stack gap="lg">
          <Title order={2} fz="1.25rem">
            {t('taperPatient.form.orEach')}
          </Title>
          <GuidanceList guidance={early} />
          {CHECKLIST.items.map((item, i) => (
            <OptionGroup
              key={item.id}
              id={fieldId(item.id)}
              legend={t('taperPatient.form.item', { n: i + 1, count, text: item.text })}
              options={item.options.map((o) => ({
                value: String(o.value),
                label: o.label,
                ...(o.value >= 3
                  ? { tone: 'danger' as const }
                  : o.value >= 2
                    ? { tone: 'warn' as const }
                    : {}),
              }))}
              value={answers[item.id] === undefined ? null : String(answers[item.id])}
              onChange={(v) => {
                setAnswers((a) => ({ ...a, [item.id]: Number(v) }));
              }}
              columns={2}
              error={
                showMissing && missing.includes(item.id) ? t('taperPatient.form.required') : null
              }
            />
          ))}
          {showMissing && missing.length > 0 && (
            <Note tone="warning">{t('taperPatient.form.missing', { count: missing.length })}</Note>
          )}
          <Button type="submit" size="lg" loading={submit.isPending}>
            {t('taperPatient.form.submit')}
          </Button>
          <LicenceText instrument={CHECKLIST} />
        </Stack>
      </form>
    </Stack>
  );
}

/** `/taper/check-in`: the withdrawal check-in that is due, or a note that none is. */
export function TaperCheckInPage() {
  const { t } = useTranslation();
  const { id: patientId } = useUser();
  const checkIns = useTaperCheckIns(patientId);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [answering, setAnswering] = useState<TaperCheckIn | null>(null);
  const due = answering ?? dueCheckIn(checkIns.data?.schedule ?? []);
  let body;
  if (result !== null) body = <Saved result={result} />;
  else if (checkIns.isPending) body = <Loading />;
  else if (checkIns.isError) body = <ErrorAlert error={checkIns.error} />;
  else if (due === null)
    body = (
      <Stack>
        <Note>{t('taperPatient.form.notDue')}</Note>
        <Button component={Link} href={routes.taper} size="lg" w="fit-content">
          {t('taperPatient.form.back')}
        </Button>
      </Stack>
    );
  else
    body = (
      <CheckInForm
        patientId={patientId}
        checkIn={due}
        onSaved={(saved) => {
          // Keep the answered check-in: the refreshed schedule no longer lists it as due.
          setAnswering(due);
          setResult(saved);
          window.scrollTo({ top: 0 });
        }}
      />
    );
  return <Page title={t('taperPatient.form.title')}>{body}</Page>;
}
