import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useMemberWords } from '../shared/memberKind';
import { useUser } from '../shared/session';
import { NotShared } from '../clinician/SharedSection';
import { isNotShared } from '../clinician/usePatients';
import { BookOrMoveDialog, ConfirmStatusDialog } from './CheckupDialogs';
import { CheckupItem, useCheckupWords } from './CheckupItem';
import { zoneToName } from './checkups';
import type { Appointment } from './types';
import {
  useAppointmentsQuery,
  useBookAppointment,
  useChangeAppointment,
  useChangeQuestion,
  useVisitSummaryQuery,
} from './useCheckups';
import { VisitSummaryView } from './VisitSummaryView';
import { VisitSummaryPdfPanel } from '../reports/VisitSummaryPdfPanel';
import { presetFor } from '../reports/visitSummary';

const HEADING_ID = 'patient-checkups-heading';
const LAST = 'last';

type Dialog =
  | { type: 'book' }
  | { type: 'move'; appointment: Appointment }
  | { type: 'close'; appointment: Appointment; status: 'cancelled' | 'done' };

/** "Since the last visit" for the signed-in clinician, from their last check-up or a chosen one. */
function SinceLastVisit({
  patientId,
  past,
  own,
}: {
  patientId: string;
  past: readonly Appointment[];
  own: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const words = useCheckupWords();
  const [since, setSince] = useState(LAST);
  const summary = useVisitSummaryQuery(patientId, since === LAST ? null : since);
  const answer = useChangeQuestion(patientId);
  const visits = past.filter((a) => a.status !== 'cancelled');
  return (
    <Stack gap="sm">
      <Title order={3} fz="1.15rem">
        {t('checkups.summary.heading')}
      </Title>
      {visits.length > 0 && (
        <NativeSelect
          label={t('checkups.summary.since')}
          size="md"
          data={[
            { value: LAST, label: t('checkups.summary.sinceLast') },
            ...visits.map((a) => ({ value: a.id, label: `${words.when(a)} ${words.with(a)}` })),
          ]}
          value={since}
          onChange={(e) => {
            setSince(e.currentTarget.value);
          }}
        />
      )}
      {answer.isError && <ErrorAlert error={answer.error} />}
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        isNotShared(summary.error) ? (
          <NotShared />
        ) : (
          <ErrorAlert error={summary.error} title={t('errors.loadFailed')} />
        )
      ) : (
        <VisitSummaryView
          summary={summary.data}
          answerable={(q) => q.appointmentId !== null && own.has(q.appointmentId)}
          answering={answer.isPending ? answer.variables.id : null}
          onAnswer={(q) => {
            answer.mutate({ id: q.id, change: { answered: true } });
          }}
        />
      )}
    </Stack>
  );
}

/**
 * Check-ups on a patient's page in the workspace: the team's coming check-ups (every member),
 * and for clinicians, scheduling their own and the summary "since the last visit".
 */
export function CheckupsSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const isClinician = user.role === 'clinician';
  const upcoming = useAppointmentsQuery(patientId, 'upcoming');
  const past = useAppointmentsQuery(patientId, 'past');
  const book = useBookAppointment(patientId);
  const change = useChangeAppointment(patientId);
  const words = useCheckupWords();
  const { who } = useMemberWords();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const zone = upcoming.data?.timeZone ?? null;
  const named = zone === null ? null : zoneToName(zone, user.timeZone);
  const all = [...(upcoming.data?.appointments ?? []), ...(past.data?.appointments ?? [])];
  const own = new Set(all.filter((a) => a.member.id === user.id).map((a) => a.id));
  const open = (next: Dialog) => {
    book.reset();
    change.reset();
    setAnnouncement('');
    setDialog(next);
  };
  const done = (message: string) => () => {
    setDialog(null);
    setAnnouncement(message);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID} tabIndex={-1}>
          {t('checkups.sectionHeading')}
        </Title>
        <div role="status" className="sd-visually-hidden">
          {announcement}
        </div>
        {upcoming.isPending ? (
          <Loading />
        ) : upcoming.isError ? (
          <ErrorAlert error={upcoming.error} title={t('errors.loadFailed')} />
        ) : upcoming.data.appointments.length === 0 ? (
          <Text>{t('checkups.noneComingFor')}</Text>
        ) : (
          <ul className="sd-timeline">
            {upcoming.data.appointments.map((a) => (
              <li key={a.id}>
                <CheckupItem appointment={a} zone={named}>
                  {a.status === 'scheduled' && a.member.id === user.id && (
                    <Group gap="xs">
                      <Button
                        variant="light"
                        onClick={() => {
                          open({ type: 'close', appointment: a, status: 'done' });
                        }}
                      >
                        {t('checkups.markDone')}
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
                        onClick={() => {
                          open({ type: 'close', appointment: a, status: 'cancelled' });
                        }}
                      >
                        {t('checkups.cancel')}
                      </Button>
                    </Group>
                  )}
                </CheckupItem>
              </li>
            ))}
          </ul>
        )}
        {isClinician && zone !== null && (
          <Button
            w="fit-content"
            onClick={() => {
              open({ type: 'book' });
            }}
          >
            {t('checkups.schedule')}
          </Button>
        )}
        {isClinician && (
          <SinceLastVisit patientId={patientId} past={past.data?.appointments ?? []} own={own} />
        )}
        {isClinician && zone !== null && (
          <VisitSummaryPdfPanel
            patientId={patientId}
            zone={zone}
            preset={presetFor(user.discipline)}
            order={3}
            forPatient={false}
          />
        )}
      </Stack>

      {zone !== null && (dialog?.type === 'book' || dialog?.type === 'move') && (
        <BookOrMoveDialog
          dialog={dialog}
          bookTitle={t('checkups.scheduleTitle')}
          zone={zone}
          zoneNamed={named !== null}
          clinicians={[{ id: user.id, label: who(user) }]}
          book={book}
          change={change}
          onClose={() => {
            setDialog(null);
          }}
          done={done}
        />
      )}
      {dialog?.type === 'close' && (
        <ConfirmStatusDialog
          title={dialog.status === 'done' ? t('checkups.doneTitle') : t('checkups.cancelTitleFor')}
          body={t(dialog.status === 'done' ? 'checkups.doneBody' : 'checkups.cancelBodyFor', {
            when: words.when(dialog.appointment),
          })}
          confirmLabel={
            dialog.status === 'done' ? t('checkups.markDone') : t('checkups.cancelConfirm')
          }
          danger={dialog.status !== 'done'}
          change={change}
          onConfirm={() => {
            change.mutate(
              { id: dialog.appointment.id, change: { status: dialog.status } },
              {
                onSuccess: done(
                  dialog.status === 'done' ? t('checkups.markedDone') : t('checkups.cancelled'),
                ),
              },
            );
          }}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </Paper>
  );
}
