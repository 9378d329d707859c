import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { usePatientRowQuery, usePatientsQuery } from '../clinician/usePatients';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { patientPath } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { useUnreadQuery } from './api';
import { sortByUnread } from './logic';
import { threadsPath } from './paths';
import { ThreadList } from './ThreadList';
import './messages.css';

/** The workspace's Messages tab: the member's patients who share messages, unread first. */
function MemberInbox() {
  const { t } = useTranslation();
  const user = useUser();
  const patients = usePatientsQuery('');
  const unread = useUnreadQuery();
  if (patients.isPending) return <Loading />;
  if (patients.isError) {
    return <ErrorAlert error={patients.error} title={t('errors.loadFailed')} />;
  }
  const countOf = (id: string) =>
    unread.data?.patients.find((p) => p.patientId === id)?.unread ?? 0;
  const sharing = sortByUnread(
    patients.data.filter((p) => p.consent.messages),
    (p) => countOf(p.id),
  );
  return (
    <section aria-labelledby="message-patients">
      <Title order={2} fz="1.35rem" id="message-patients" mb="sm">
        {t('messages.patientsHeading')}
      </Title>
      {sharing.length === 0 ? (
        <Text>{t('messages.noPatients')}</Text>
      ) : (
        <ul className="sd-msg-threads">
          {sharing.map((p) => {
            const count = countOf(p.id);
            return (
              <li key={p.id}>
                <Paper
                  component="article"
                  withBorder
                  radius="md"
                  p="md"
                  className="sd-msg-card"
                  data-unread={count > 0 ? '' : undefined}
                  aria-labelledby={`msg-patient-${p.id}`}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Title order={3} fz="1.125rem" id={`msg-patient-${p.id}`}>
                      <Link href={threadsPath(user, p.id)} className="sd-msg-card__link">
                        {p.displayName}
                      </Link>
                    </Title>
                    {count > 0 && (
                      <Badge color="blue.9" variant="filled" size="lg">
                        {t('messages.unreadBadge', { count })}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="gray.8">
                    {count > 0
                      ? t('messages.patientUnread', { count })
                      : t('messages.patientNoUnread')}
                  </Text>
                </Paper>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The Messages tab: a patient's own conversations, or a member's patients. */
export function MessagesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const isPatient = user.role === 'patient';
  return (
    <Page title={t('messages.title')}>
      <Text>{isPatient ? t('messages.intro') : t('messages.introMember')}</Text>
      {isPatient ? <ThreadList patientId={user.id} /> : <MemberInbox />}
    </Page>
  );
}

/** A linked patient's conversations, in the workspace. */
export function PatientMessagesPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const row = usePatientRowQuery(id);
  if (row.isPending) return <Loading />;
  if (row.isError) return <ErrorAlert error={row.error} title={t('errors.loadFailed')} />;
  const patient = row.data;
  const back = patient !== null && (
    <Anchor component={Link} href={patientPath(id)} fw={600} w="fit-content">
      {t('messages.backToPatient', { name: patient.displayName })}
    </Anchor>
  );
  return (
    <Page
      title={
        patient === null
          ? t('messages.title')
          : t('messages.titleWith', { name: patient.displayName })
      }
    >
      {back}
      {patient === null ? (
        <Note tone="warning">{t('patient.notFound')}</Note>
      ) : patient.consent.messages ? (
        <Stack gap="md">
          <ThreadList patientId={id} />
        </Stack>
      ) : (
        <Note>{t('messages.section.notShared', { name: patient.displayName })}</Note>
      )}
    </Page>
  );
}
