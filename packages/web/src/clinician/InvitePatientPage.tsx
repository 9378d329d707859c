import { useState } from 'react';
import { Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { InvitationShare } from '../shared/components/InvitationShare';
import { PAGE_TITLE_ID, Page } from '../shared/components/Page';
import { useCreatePatientInvitation } from './usePatients';

export function InvitePatientPage() {
  const { t } = useTranslation();
  const create = useCreatePatientInvitation();
  const [note, setNote] = useState('');
  const [invitation, setInvitation] = useState<Invitation | null>(null);

  return (
    <Page title={t('invitePatient.title')}>
      <Text>{t('invitePatient.intro')}</Text>
      {invitation === null ? (
        <Paper withBorder p="md" radius="md">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const trimmed = note.trim();
              create.mutate(trimmed === '' ? {} : { note: trimmed }, {
                onSuccess: (data) => {
                  setInvitation(data.invitation);
                },
              });
            }}
          >
            <Stack gap="md">
              <TextInput
                label={
                  <>
                    {t('invitePatient.note')} <span>{t('common.optional')}</span>
                  </>
                }
                description={t('invitePatient.noteHint')}
                maxLength={200}
                value={note}
                onChange={(e) => {
                  setNote(e.currentTarget.value);
                }}
              />
              {create.isError && <ErrorAlert error={create.error} />}
              <Button type="submit" w="fit-content" loading={create.isPending}>
                {t('invitePatient.create')}
              </Button>
            </Stack>
          </form>
        </Paper>
      ) : (
        <InvitationShare
          headingOrder={2}
          invitation={invitation}
          onAnother={() => {
            setNote('');
            create.reset();
            setInvitation(null);
            requestAnimationFrame(() => {
              document.getElementById(PAGE_TITLE_ID)?.focus();
            });
          }}
        />
      )}
    </Page>
  );
}
