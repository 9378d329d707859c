import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClinicClinician } from '../shared/api/types';
import { AppDialog } from '../shared/components/AppDialog';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { useMemberWords } from '../shared/memberKind';
import { useUser } from '../shared/session';
import { AddClinicianForm } from './AddClinicianForm';
import { useCliniciansQuery, useSetClinicianActive } from './useClinic';

function ClinicianList({ clinicId }: { clinicId: string }) {
  const { t } = useTranslation();
  const words = useMemberWords();
  const clinicians = useCliniciansQuery(clinicId);
  const setActive = useSetClinicianActive(clinicId);
  const [confirming, setConfirming] = useState<ClinicClinician | null>(null);

  if (clinicians.isPending) return <Loading />;
  if (clinicians.isError)
    return <ErrorAlert error={clinicians.error} title={t('errors.loadFailed')} />;
  if (clinicians.data.length === 0) return <Text>{t('clinic.empty')}</Text>;
  return (
    <>
      {setActive.isError && confirming === null && <ErrorAlert error={setActive.error} />}
      <ul className="sd-timeline">
        {clinicians.data.map((c) => (
          <li key={c.id}>
            <Group justify="space-between" align="flex-start" gap="sm">
              <div>
                <Group gap="xs">
                  <Text fw={700}>{c.displayName}</Text>
                  <Badge color={c.active ? 'var(--sd-ok)' : 'gray.8'} tt="none">
                    {c.active ? t('clinic.active') : t('clinic.inactive')}
                  </Badge>
                </Group>
                <Text size="sm">{words.kind({ role: 'clinician', discipline: c.discipline })}</Text>
                <Text size="sm" c="dimmed">
                  {c.email}
                </Text>
              </div>
              {c.active ? (
                <Button
                  variant="outline"
                  color="red.9"
                  c="red.9"
                  size="sm"
                  id={`clinician-action-${c.id}`}
                  aria-label={t('clinic.deactivateAria', { name: c.displayName })}
                  onClick={() => {
                    setActive.reset();
                    setConfirming(c);
                  }}
                >
                  {t('clinic.deactivate')}
                </Button>
              ) : (
                <Button
                  variant="outline"
                  size="sm"
                  id={`clinician-action-${c.id}`}
                  aria-label={t('clinic.reactivateAria', { name: c.displayName })}
                  loading={setActive.isPending && setActive.variables.userId === c.id}
                  onClick={() => {
                    setActive.mutate({ userId: c.id, active: true });
                  }}
                >
                  {t('clinic.reactivate')}
                </Button>
              )}
            </Group>
          </li>
        ))}
      </ul>
      {confirming !== null && (
        <AppDialog
          title={t('clinic.deactivateTitle', { name: confirming.displayName })}
          onClose={() => {
            setConfirming(null);
          }}
        >
          <Stack>
            <Text>{t('clinic.deactivateBody', { name: confirming.displayName })}</Text>
            {setActive.isError && <ErrorAlert error={setActive.error} />}
            <Group grow>
              <Button
                variant="default"
                data-autofocus
                onClick={() => {
                  setConfirming(null);
                }}
              >
                {t('common.cancel')}
              </Button>
              <Button
                color="red.9"
                loading={setActive.isPending}
                onClick={() => {
                  setActive.mutate(
                    { userId: confirming.id, active: false },
                    {
                      onSuccess: () => {
                        const id = `clinician-action-${confirming.id}`;
                        setConfirming(null);
                        // The button became "Reactivate": keep the focus on it.
                        setTimeout(() => {
                          document.getElementById(id)?.focus();
                        }, 50);
                      },
                    },
                  );
                }}
              >
                {t('clinic.deactivateConfirm')}
              </Button>
            </Group>
          </Stack>
        </AppDialog>
      )}
    </>
  );
}

/** The clinic administrator's page: the clinic's clinician accounts. */
export function ClinicPage() {
  const { t } = useTranslation();
  const { clinicId } = useUser();
  return (
    <Page title={t('clinic.title')}>
      {clinicId === null ? (
        <Note tone="warning">{t('clinic.noClinic')}</Note>
      ) : (
        <>
          <Paper
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-labelledby="clinicians-heading"
          >
            <Stack gap="md">
              <Title order={2} fz="1.35rem" id="clinicians-heading">
                {t('clinic.cliniciansHeading')}
              </Title>
              <ClinicianList clinicId={clinicId} />
            </Stack>
          </Paper>
          <AddClinicianForm clinicId={clinicId} />
        </>
      )}
    </Page>
  );
}
