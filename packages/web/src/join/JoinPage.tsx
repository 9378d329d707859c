import { use, useEffect, type ReactNode } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { AuthLayout } from '../auth/AuthLayout';
import type { InvitationDetails } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { useFormatters } from '../shared/format';
import { routes, withJoin } from '../shared/layout/routes';
import { useMemberWords } from '../shared/memberKind';
import { UserContext } from '../shared/session';
import { AcceptPanel } from './AcceptPanel';
import { INVITATION_INVALID, isApiError, useInvitationQuery } from './useJoin';

/** Who invites whom, in one sentence, and until when. */
function Summary({ invitation }: { invitation: InvitationDetails }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const words = useMemberWords();
  const text =
    invitation.kind === 'clinician-invites-patient'
      ? t('join.fromClinician', { who: words.who(invitation.from) })
      : invitation.memberKind === 'caregiver'
        ? t('join.fromPatientCaregiver', { who: invitation.from.displayName })
        : t('join.fromPatientClinician', { who: invitation.from.displayName });
  return (
    <Stack gap={4}>
      <Text size="lg" fw={600}>
        {text}
      </Text>
      <Text size="sm">{t('join.expires', { date: fmt.dateOf(invitation.expiresAt) })}</Text>
    </Stack>
  );
}

/** Signed out: sign in, or create the right kind of account, then come back here. */
function SignedOutChoices({
  code,
  invitation,
}: {
  code: string;
  invitation: InvitationDetails | null;
}) {
  const { t } = useTranslation();
  const caregiver =
    invitation?.kind === 'patient-invites-member' && invitation.memberKind === 'caregiver';
  // Clinicians get their accounts from their clinic; patients register themselves.
  const patientCanRegister = invitation === null || invitation.kind === 'clinician-invites-patient';
  return (
    <Stack gap="sm">
      <Text>{t('join.signedOutIntro')}</Text>
      <Button component={Link} href={withJoin(routes.signIn, code)} size="lg">
        {t('join.signIn')}
      </Button>
      {caregiver && (
        <Button component={Link} href={withJoin(routes.register, code)} size="lg" variant="outline">
          {t('join.createCaregiver')}
        </Button>
      )}
      {patientCanRegister && !caregiver && (
        <>
          <Text size="sm">{t('join.signedOutPatient')}</Text>
          <Button
            component={Link}
            href={withJoin(routes.register, code)}
            size="lg"
            variant="outline"
          >
            {t('join.createAccount')}
          </Button>
        </>
      )}
    </Stack>
  );
}

function SignedOutFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('join.title') });
  }, [t]);
  return (
    <AuthLayout>
      <Stack gap="md">
        <Title order={1} fz="1.75rem">
          {t('join.title')}
        </Title>
        {children}
      </Stack>
    </AuthLayout>
  );
}

export function JoinPage() {
  const { t } = useTranslation();
  const { code } = useParams<{ code: string }>();
  const user = use(UserContext);
  const invitation = useInvitationQuery(code);

  let body: ReactNode;
  if (invitation.isPending) body = <Loading />;
  else if (invitation.isError && isApiError(invitation.error, INVITATION_INVALID)) {
    body = (
      <Note tone="warning" title={t('join.invalidTitle')}>
        {t('join.invalidBody')}
      </Note>
    );
  } else if (user === null) {
    // Signed out, the details may be withheld: still offer the way in.
    const details = invitation.isError ? null : invitation.data;
    body = (
      <>
        {details !== null && <Summary invitation={details} />}
        <SignedOutChoices code={code} invitation={details} />
      </>
    );
  } else if (invitation.isError) {
    body = <ErrorAlert error={invitation.error} title={t('errors.loadFailed')} />;
  } else {
    body = (
      <>
        <Summary invitation={invitation.data} />
        <AcceptPanel code={code} invitation={invitation.data} user={user} />
      </>
    );
  }

  return user === null ? (
    <SignedOutFrame>{body}</SignedOutFrame>
  ) : (
    <Page title={t('join.title')}>{body}</Page>
  );
}
