import { useState } from 'react';
import { Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { getInstrument } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { SharedSection } from '../clinician/SharedSection';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { useUser } from '../shared/session';
import { useAssignments, useEndAssignment, useResponses, type Assignment } from './api';
import { AssignForm } from './AssignForm';
import { answeredInstruments } from './logic';
import { ScoreTrend } from './ScoreTrend';

/** The clinician disciplines that assign questionnaires (the API says the same). */
const ASSIGNERS: readonly string[] = ['prescriber', 'physical_therapist', 'psychologist'];

function AssignmentItem({
  assignment,
  canEnd,
  patientId,
  onEnded,
}: {
  assignment: Assignment;
  canEnd: boolean;
  patientId: string;
  onEnded: (title: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const end = useEndAssignment(patientId);
  const title = getInstrument(assignment.instrumentId)?.shortTitle ?? assignment.instrumentId;
  const active = assignment.status === 'active';
  return (
    <li>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Text fw={700}>
            {title} — {t('questionnaires.section.every', { count: assignment.cadenceDays })}
          </Text>
          {active && (
            <Text size="sm" fw={assignment.due ? 700 : 400}>
              {assignment.due && assignment.dueSince !== null
                ? t('questionnaires.section.dueSince', {
                    date: fmt.localDateFull(assignment.dueSince),
                  })
                : assignment.nextDue !== null
                  ? t('questionnaires.section.nextDue', {
                      date: fmt.localDateFull(assignment.nextDue),
                    })
                  : null}
            </Text>
          )}
          <Text size="sm">
            {assignment.lastAnsweredAt === null
              ? t('questionnaires.section.neverAnswered')
              : t('questionnaires.section.lastAnswered', {
                  date: fmt.dateOf(assignment.lastAnsweredAt),
                })}
          </Text>
          <Text size="sm">
            {t('questionnaires.section.assignedBy', {
              name: assignment.assignedBy.displayName,
              date: fmt.dateOf(assignment.assignedAt),
            })}
          </Text>
          {assignment.endedAt !== null && (
            <Text size="sm">
              {t('questionnaires.section.endedLine', {
                name: assignment.endedBy?.displayName ?? '',
                date: fmt.dateOf(assignment.endedAt),
              })}
            </Text>
          )}
          {assignment.note !== null && <Text size="sm">“{assignment.note}”</Text>}
          {end.isError && <ErrorAlert error={end.error} />}
        </Stack>
        {active && canEnd && (
          <Button
            variant="default"
            loading={end.isPending}
            aria-label={t('questionnaires.section.endAria', { title })}
            onClick={() => {
              end.mutate(assignment.id, {
                onSuccess: () => {
                  onEnded(title);
                },
              });
            }}
          >
            {t('questionnaires.section.end')}
          </Button>
        )}
      </Group>
    </li>
  );
}

function Results({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const responses = useResponses(patientId);
  if (responses.isPending) return <Loading />;
  if (responses.isError) {
    return <ErrorAlert error={responses.error} title={t('errors.loadFailed')} />;
  }
  const instruments = answeredInstruments(responses.data).flatMap((id) => {
    const found = getInstrument(id);
    return found === undefined ? [] : [found];
  });
  return (
    <Stack gap="md">
      <Title order={3} fz="1.125rem">
        {t('questionnaires.section.resultsTitle')}
      </Title>
      {instruments.length === 0 ? (
        <Text>{t('questionnaires.section.noResults')}</Text>
      ) : (
        instruments.map((instrument) => (
          <ScoreTrend
            key={instrument.id}
            instrument={instrument}
            responses={responses.data}
            headingLevel={4}
            showFlags
          />
        ))
      )}
    </Stack>
  );
}

/**
 * The patient page's questionnaires: what is assigned (and, for the assigning disciplines, a
 * form to assign and buttons to end), and each instrument's trend. "Not shared" when the
 * patient does not share questionnaires with the viewer.
 */
export function QuestionnaireSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const assignments = useAssignments(patientId, 'all');
  const [announcement, setAnnouncement] = useState('');
  const canAssign = user.role === 'clinician' && ASSIGNERS.includes(user.discipline ?? '');
  return (
    <SharedSection
      id="patient-questionnaires-heading"
      title={t('questionnaires.section.title')}
      query={assignments}
    >
      {(list) => {
        const active = list.filter((a) => a.status === 'active');
        const ended = list.filter((a) => a.status === 'ended');
        return (
          <Stack gap="md">
            <div role="status" className="sd-visually-hidden">
              {announcement}
            </div>
            <Title order={3} fz="1.125rem">
              {t('questionnaires.section.activeTitle')}
            </Title>
            {active.length === 0 ? (
              <Text>{t('questionnaires.section.none')}</Text>
            ) : (
              <ul className="sd-timeline">
                {active.map((a) => (
                  <AssignmentItem
                    key={a.id}
                    assignment={a}
                    canEnd={canAssign}
                    patientId={patientId}
                    onEnded={(title) => {
                      setAnnouncement(t('questionnaires.section.ended', { title }));
                    }}
                  />
                ))}
              </ul>
            )}
            {ended.length > 0 && (
              <details className="sd-details">
                <summary>{t('questionnaires.section.endedTitle', { count: ended.length })}</summary>
                <ul className="sd-timeline">
                  {ended.map((a) => (
                    <AssignmentItem
                      key={a.id}
                      assignment={a}
                      canEnd={false}
                      patientId={patientId}
                      onEnded={() => undefined}
                    />
                  ))}
                </ul>
              </details>
            )}
            {canAssign && (
              <>
                <Divider />
                <AssignForm
                  patientId={patientId}
                  active={active}
                  onAssigned={(title) => {
                    setAnnouncement(t('questionnaires.section.assigned', { title }));
                  }}
                />
              </>
            )}
            <Divider />
            <Results patientId={patientId} />
          </Stack>
        );
      }}
    </SharedSection>
  );
}
