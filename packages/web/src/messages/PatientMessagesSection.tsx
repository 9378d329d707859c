import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useUser } from '../shared/session';
import { useUnreadQuery } from './api';
import { threadsPath } from './paths';

/** On a linked patient's page (workspace): unread messages and the way to the conversations. */
export function PatientMessagesSection({
  patientId,
  name,
  shared,
}: {
  patientId: string;
  name: string;
  /** Whether the patient shares messages with the member. */
  shared: boolean;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const unread = useUnreadQuery(shared);
  const count = unread.data?.patients.find((p) => p.patientId === patientId)?.unread ?? 0;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="patient-messages">
      <Stack gap="sm">
        <Title order={2} fz="1.35rem" id="patient-messages">
          {t('messages.section.title', { name })}
        </Title>
        {shared ? (
          <>
            <Text>
              {count > 0 ? t('messages.section.unread', { count }) : t('messages.section.none')}
            </Text>
            <Button component={Link} href={threadsPath(user, patientId)} size="md" w="fit-content">
              {t('messages.openMessages')}
            </Button>
          </>
        ) : (
          <Text c="dimmed" fw={600}>
            {t('messages.section.notShared', { name })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
