import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { isNotShared } from './usePatients';

/** Text for a section the patient has not shared (the API answers 404 for it). */
export function NotShared() {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" fw={600}>
      {t('patient.notShared')}
    </Text>
  );
}

/**
 * A section of a patient's page in the clinician workspace: heading, then the data, a loader,
 * "Not shared by the patient" (404), or the error.
 */
export function SharedSection<T>({
  id,
  title,
  query,
  children,
}: {
  id: string;
  title: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={id} tabIndex={-1}>
          {title}
        </Title>
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          isNotShared(query.error) ? (
            <NotShared />
          ) : (
            <ErrorAlert error={query.error} title={t('errors.loadFailed')} />
          )
        ) : (
          children(query.data)
        )}
      </Stack>
    </Paper>
  );
}
