import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { emailNotice, type EmailNotice } from '../mail/emailInvitation';
import { InviteEmailField, useInviteEmail } from '../mail/InviteEmailField';
import type { ConsentMap, Invitation, InvitedMemberKind } from '../shared/api/types';
import { ConsentSwitches } from '../shared/components/ConsentSwitches';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { InvitationShare } from '../shared/components/InvitationShare';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { OptionGroup } from '../shared/components/OptionGroup';
import { useConsentDefaultsQuery, useInviteMember } from './useCareTeam';

const HEADING_ID = 'invite-heading';
const EMAIL_ID = 'invite-email';

interface Created {
  readonly invitation: Invitation;
  readonly email: EmailNotice | null;
}

/**
 * The invitation form: kind, what the new member will see (pre-filled with the defaults), and
 * their email when the server can send it.
 */
function InviteForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: Created) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const defaults = useConsentDefaultsQuery();
  const invite = useInviteMember();
  const email = useInviteEmail(EMAIL_ID);
  const [kind, setKind] = useState<InvitedMemberKind>('clinician');
  // null until the user touches a switch: until then the consent follows the chosen kind.
  const [edited, setEdited] = useState<ConsentMap | null>(null);

  if (defaults.isPending) return <Loading />;
  if (defaults.isError) return <ErrorAlert error={defaults.error} title={t('errors.loadFailed')} />;

  // The clinician's discipline is known only when they accept: start from the prescriber's defaults.
  const consent =
    edited ?? defaults.data.defaults[kind === 'caregiver' ? 'caregiver' : 'prescriber'];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const to = email.to;
        if (!email.check()) return;
        invite.mutate(
          { memberKind: kind, consent, ...(to === undefined ? {} : { email: to }) },
          {
            onSuccess: (created) => {
              onCreated({ invitation: created.invitation, email: emailNotice(created, to) });
            },
          },
        );
      }}
    >
      <Stack gap="lg">
        <OptionGroup
          legend={t('invite.kindLegend')}
          hint={t('invite.kindHint')}
          columns={2}
          options={[
            { value: 'clinician', label: t('invite.kind.clinician') },
            { value: 'caregiver', label: t('invite.kind.caregiver') },
          ]}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setEdited(null);
          }}
        />
        <Note>
          {kind === 'caregiver' ? t('invite.caregiverDefaults') : t('invite.clinicianDefaults')}
        </Note>
        <ConsentSwitches
          legend={t('invite.sharingLegend')}
          value={consent}
          sharedWith={t('consent.theInvitee')}
          onChange={(category, shared) => {
            setEdited({ ...consent, [category]: shared });
          }}
        />
        <InviteEmailField
          field={email}
          label={t('mail.emailLabel')}
          description={t('mail.emailHint')}
        />
        {invite.isError && <ErrorAlert error={invite.error} />}
        <Group>
          <Button type="submit" loading={invite.isPending}>
            {t('invite.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('invite.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Invite a clinician or caregiver": a button, then the form, then the code to share. */
export function InviteSection() {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'form' | Created>('idle');
  const focusHeading = () => {
    requestAnimationFrame(() => {
      document.getElementById(HEADING_ID)?.focus();
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID} tabIndex={-1}>
          {t('invite.heading')}
        </Title>
        <Text>{t('invite.intro')}</Text>
        {state === 'idle' ? (
          <Button
            w="fit-content"
            onClick={() => {
              setState('form');
              focusHeading();
            }}
          >
            {t('invite.start')}
          </Button>
        ) : state === 'form' ? (
          <InviteForm
            onCreated={setState}
            onCancel={() => {
              setState('idle');
              focusHeading();
            }}
          />
        ) : (
          <InvitationShare
            invitation={state.invitation}
            email={state.email}
            onAnother={() => {
              setState('form');
              focusHeading();
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
