import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCareTeamQuery } from '../careteam/useCareTeam';
import { NotesList } from '../notes/NotesList';
import { useNotesQuery } from '../notes/useNotes';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Page } from '../shared/components/Page';
import { VisitSummaryPdfPanel } from '../reports/VisitSummaryPdfPanel';
import { routes } from '../shared/layout/routes';
import { useMemberWords } from '../shared/memberKind';
import { useUser } from '../shared/session';
import { type ClinicianChoice } from './AppointmentDialog';
import { BookOrMoveDialog, ConfirmStatusDialog } from './CheckupDialogs';
import { CheckupItem, useCheckupWords } from './CheckupItem';
import { openQuestions } from './checkups';
import { QuestionDialog } from './QuestionDialog';
import { QuestionList } from './QuestionList';
import type { Appointment, VisitQuestion } from './types';
import {
  useAppointmentsQuery,
  useAskQuestion,
  useBookAppointment,
  useChangeAppointment,
  useChangeQuestion,
  useQuestionsQuery,
} from './useCheckups';

type Dialog =
  | { type: 'book' }
  | { type: 'move'; appointment: Appointment }
  | { type: 'cancel'; appointment: Appointment }
  | { type: 'ask'; appointmentId: string | null }
  | { type: 'edit'; question: VisitQuestion };

/** The patient's active clinicians, to book a check-up with. */
function useClinicianChoices(): { choices: ClinicianChoice[]; pending: boolean } {
  const team = useCareTeamQuery();
  const { who } = useMemberWords();
  const choices = (team.data ?? [])
    .filter(
      (m) => m.status === 'active' && m.member.role === 'clinician' && m.member.active !== false,
    )
    .map((m) => ({ id: m.member.id, label: who(m.member) }));
  return { choices, pending: team.isPending };
}

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={id} tabIndex={-1}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** The patient's check-ups: see, book, move and cancel them, and write questions for them. */
export function CheckupsPage() {
  const { t } = useTranslation();
  const { id, timeZone } = useUser();
  const upcoming = useAppointmentsQuery(id, 'upcoming');
  const past = useAppointmentsQuery(id, 'past');
  const questions = useQuestionsQuery(id);
  const notes = useNotesQuery(id);
  const book = useBookAppointment(id);
  const change = useChangeAppointment(id);
  const ask = useAskQuestion(id);
  const changeQuestion = useChangeQuestion(id);
  const words = useCheckupWords();
  const { choices, pending } = useClinicianChoices();
  const { who } = useMemberWords();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const close = () => {
    setDialog(null);
  };
  const done = (message: string) => () => {
    setDialog(null);
    setAnnouncement(message);
  };
  const open = (next: Dialog) => {
    book.reset();
    change.reset();
    ask.reset();
    changeQuestion.reset();
    setAnnouncement('');
    setDialog(next);
  };

  const coming = upcoming.data?.appointments ?? [];
  const grouped = openQuestions(questions.data ?? [], coming);
  const answered = (questions.data ?? []).filter((q) => q.answered !== null);
  const zone = upcoming.data?.timeZone ?? timeZone;

  const questionActions = (q: VisitQuestion) => (
    <Group gap="xs">
      <Button
        variant="default"
        onClick={() => {
          open({ type: 'edit', question: q });
        }}
      >
        {t('common.edit')}
      </Button>
      <Button
        variant="light"
        loading={changeQuestion.isPending && changeQuestion.variables.id === q.id}
        onClick={() => {
          changeQuestion.mutate(
            { id: q.id, change: { answered: q.answered === null } },
            {
              onSuccess: () => {
                setAnnouncement(t('checkups.questions.saved'));
              },
            },
          );
        }}
      >
        {q.answered === null
          ? t('checkups.questions.markAnswered')
          : t('checkups.questions.reopen')}
      </Button>
    </Group>
  );

  return (
    <Page title={t('checkups.title')}>
      <Text>{t('checkups.intro')}</Text>
      <div role="status" className="sd-visually-hidden">
        {announcement}
      </div>
      {dialog === null && changeQuestion.isError && <ErrorAlert error={changeQuestion.error} />}

      <Section id="checkups-coming-heading" title={t('checkups.comingHeading')}>
        {upcoming.isPending ? (
          <Loading />
        ) : upcoming.isError ? (
          <ErrorAlert error={upcoming.error} title={t('errors.loadFailed')} />
        ) : coming.length === 0 ? (
          <Text>{t('checkups.noneComing')}</Text>
        ) : (
          <ul className="sd-timeline">
            {coming.map((a) => (
              <li key={a.id}>
                <CheckupItem appointment={a} zone={null}>
                  {a.status === 'scheduled' && (
                    <>
                      {(grouped.forCheckup.get(a.id) ?? []).length > 0 && (
                        <>
                          <Text fw={600} mt="xs">
                            {t('checkups.questions.forThisVisit')}
                          </Text>
                          <QuestionList
                            questions={grouped.forCheckup.get(a.id) ?? []}
                            actions={questionActions}
                          />
                        </>
                      )}
                      <Group gap="xs">
                        <Button
                          variant="light"
                          onClick={() => {
                            open({ type: 'ask', appointmentId: a.id });
                          }}
                        >
                          {t('checkups.questions.addFor')}
                        </Button>
                        <Button
                          variant="default"
                          onClick={() => {
                            open({ type: 'move', appointment: a });
                          }}
                        >
                          {t('checkups.move')}
                        </Button>
                        <Button
                          variant="default"
                          color="red"
                          onClick={() => {
                            open({ type: 'cancel', appointment: a });
                          }}
                        >
                          {t('checkups.cancel')}
                        </Button>
                      </Group>
                    </>
                  )}
                </CheckupItem>
              </li>
            ))}
          </ul>
        )}
        {pending ? null : choices.length === 0 ? (
          <Text>
            {t('checkups.noClinician')}{' '}
            <Anchor component={Link} href={routes.careTeam} fw={600}>
              {t('checkups.toCareTeam')}
            </Anchor>
          </Text>
        ) : (
          <Button
            size="lg"
            w="fit-content"
            onClick={() => {
              open({ type: 'book' });
            }}
          >
            {t('checkups.book')}
          </Button>
        )}
      </Section>

      <Section id="checkups-next-questions-heading" title={t('checkups.questions.nextHeading')}>
        <Text size="sm">{t('checkups.questions.nextIntro')}</Text>
        {questions.isPending ? (
          <Loading />
        ) : questions.isError ? (
          <ErrorAlert error={questions.error} title={t('errors.loadFailed')} />
        ) : grouped.forNext.length === 0 ? (
          <Text>{t('checkups.questions.noneNext')}</Text>
        ) : (
          <QuestionList questions={grouped.forNext} actions={questionActions} />
        )}
        <Button
          variant="light"
          w="fit-content"
          onClick={() => {
            open({ type: 'ask', appointmentId: null });
          }}
        >
          {t('checkups.questions.add')}
        </Button>
        {answered.length > 0 && (
          <details>
            <summary>{t('checkups.questions.answeredHeading', { count: answered.length })}</summary>
            <QuestionList questions={answered} actions={questionActions} />
          </details>
        )}
      </Section>

      <Paper withBorder p="md" radius="md">
        <VisitSummaryPdfPanel patientId={id} zone={zone} preset={null} order={2} forPatient />
      </Paper>

      <Section id="checkups-past-heading" title={t('checkups.pastHeading')}>
        {past.isPending ? (
          <Loading />
        ) : past.isError ? (
          <ErrorAlert error={past.error} title={t('errors.loadFailed')} />
        ) : past.data.appointments.length === 0 ? (
          <Text>{t('checkups.nonePast')}</Text>
        ) : (
          <ul className="sd-timeline">
            {past.data.appointments.map((a) => (
              <li key={a.id}>
                <CheckupItem appointment={a} zone={null} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="checkups-notes-heading" title={t('checkups.notes.patientHeading')}>
        <Text size="sm">{t('checkups.notes.patientIntro')}</Text>
        {notes.isPending ? (
          <Loading />
        ) : notes.isError ? (
          <ErrorAlert error={notes.error} title={t('errors.loadFailed')} />
        ) : notes.data.length === 0 ? (
          <Text>{t('checkups.notes.none')}</Text>
        ) : (
          <NotesList notes={notes.data} />
        )}
      </Section>

      {(dialog?.type === 'book' || dialog?.type === 'move') && (
        <BookOrMoveDialog
          dialog={dialog}
          bookTitle={t('checkups.bookTitle')}
          zone={zone}
          zoneNamed={false}
          clinicians={
            dialog.type === 'book'
              ? choices
              : [
                  {
                    id: dialog.appointment.member.id,
                    label: who({ ...dialog.appointment.member, role: 'clinician' }),
                  },
                ]
          }
          book={book}
          change={change}
          onClose={close}
          done={done}
        />
      )}
      {dialog?.type === 'cancel' && (
        <ConfirmStatusDialog
          title={t('checkups.cancelTitle')}
          body={t('checkups.cancelBody', {
            when: words.when(dialog.appointment),
            with: words.with(dialog.appointment),
          })}
          confirmLabel={t('checkups.cancelConfirm')}
          danger
          change={change}
          onConfirm={() => {
            change.mutate(
              { id: dialog.appointment.id, change: { status: 'cancelled' } },
              { onSuccess: done(t('checkups.cancelled')) },
            );
          }}
          onClose={close}
        />
      )}
      {(dialog?.type === 'ask' || dialog?.type === 'edit') && (
        <QuestionDialog
          question={dialog.type === 'edit' ? dialog.question : null}
          appointmentId={dialog.type === 'ask' ? dialog.appointmentId : null}
          upcoming={coming}
          busy={ask.isPending || changeQuestion.isPending}
          error={dialog.type === 'ask' ? ask.error : changeQuestion.error}
          onClose={close}
          onSubmit={(value) => {
            if (dialog.type === 'ask') {
              ask.mutate(value, { onSuccess: done(t('checkups.questions.saved')) });
            } else {
              changeQuestion.mutate(
                { id: dialog.question.id, change: value },
                { onSuccess: done(t('checkups.questions.saved')) },
              );
            }
          }}
        />
      )}
    </Page>
  );
}
