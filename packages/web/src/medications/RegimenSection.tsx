import { useState } from 'react';
import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '@steady/core';
import type { RegimenResponse } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { useUser } from '../shared/session';
import { draftFrom } from './regimenDraft';
import { RegimenForm } from './RegimenForm';
import { RegimenSummary } from './RegimenSummary';
import { useRegimenQuery, useSaveRegimen } from './useMedications';

const HEADING_ID = 'regimen-heading';

function VersionHistory({ versions }: { versions: RegimenResponse['versions'] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (versions.length === 0) return null;
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <div>
      <Title order={3} fz="1.1rem" mb="xs">
        {t('medications.versionsHeading')}
      </Title>
      <List spacing="xs">
        {sorted.map((v) => (
          <List.Item key={v.id}>
            {t('medications.versionLine', {
              version: v.version,
              name: v.enteredBy.displayName,
              date: fmt.dateOf(v.createdAt),
              reason: v.reason,
            })}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

export function RegimenSection() {
  const { t } = useTranslation();
  const { timeZone } = useUser();
  const regimen = useRegimenQuery();
  const save = useSaveRegimen();
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  let body: React.ReactNode;
  if (regimen.isPending) body = <Loading />;
  else if (regimen.isError)
    body = <ErrorAlert error={regimen.error} title={t('errors.loadFailed')} />;
  else {
    const { current, versions } = regimen.data;
    const showForm = editing || current === null;
    body = (
      <Stack gap="lg">
        {current === null ? (
          <Text>{t('medications.noRegimen')}</Text>
        ) : (
          <RegimenSummary regimen={current} />
        )}
        {showForm ? (
          <RegimenForm
            initial={draftFrom(current, localDateOf(new Date().toISOString(), timeZone))}
            busy={save.isPending}
            error={save.isError ? save.error : null}
            onCancel={
              current === null
                ? null
                : () => {
                    setEditing(false);
                  }
            }
            onSubmit={(input) => {
              save.mutate(input, {
                onSuccess: () => {
                  setEditing(false);
                  setAnnouncement(t('medications.regimenSaved'));
                  document.getElementById(HEADING_ID)?.focus();
                },
              });
            }}
          />
        ) : (
          <Button
            variant="default"
            w="fit-content"
            onClick={() => {
              save.reset();
              setEditing(true);
            }}
          >
            {t('medications.changeRegimen')}
          </Button>
        )}
        <VersionHistory versions={versions} />
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID} tabIndex={-1}>
          {t('medications.regimenHeading')}
        </Title>
        <div role="status" className="sd-visually-hidden">
          {announcement}
        </div>
        {body}
      </Stack>
    </Paper>
  );
}
