import { useState } from 'react';
import { Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { emailNotice, type EmailNotice } from '../mail/emailInvitation';
import { InviteEmailField, useInviteEmail } from '../mail/InviteEmailField';
import type { Invitation } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { InvitationShare } from '../shared/components/InvitationShare';
import { PAGE_TITLE_ID, Page } from '../shared/components/Page';
import { useCreatePatientInvitation } from './usePatients';

const EMAIL_ID = 'invite-patient-email';

export function InvitePatientPage() {
  const { t } = useTranslation();
  const create = useCreatePatientInvitation();
  const email = useInviteEmail(EMAIL_ID);
  const [note, setNote] = useState('');
  const [created, setCreated] = useState<{
    invitation: Invitation;
    email: EmailNotice | null;
  } | null>(null);

  return (
    <Page title={t('invitePatient.title')}>
      <Text>{t('invitePatient.intro')}</Text>
      {created === null ? (
        <Paper withBorder p="md" radius="md">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!email.check()) return;
              const trimmed = note.trim();
              const to = email.to;
              const input = {
                ...(trimmed === '' ? {} : { note: trimmed }),
                ...(to === undefined ? {} : { email: to }),
              };
              create.mutate(input, {
                onSuccess: (data) => {
                  setCreated({ invitation: data.invitation, email: emailNotice(data, to) });
                },
              });
            }}
          >
            <Stack gap="md">
              <InviteEmailField
                field={email}
                label={t('mail.patientEmailLabel')}
                description={t('mail.patientEmailHint')}
              />
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
          invitation={created.invitation}
          email={created.email}
          onAnother={() => {
            setNote('');
            email.reset();
            create.reset();
            setCreated(null);
            requestAnimationFrame(() => {
              document.getElementById(PAGE_TITLE_ID)?.focus();
            });
          }}
        />
      )}
    </Page>
  );
}
