import { useState } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import {
  CONSENT_CATEGORIES,
  type ConsentMap,
  type InvitationDetails,
  type SessionUser,
} from '../shared/api/types';
import { ConsentSwitches } from '../shared/components/ConsentSwitches';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Note } from '../shared/components/Note';
import { routes } from '../shared/layout/routes';
import { useMemberWords } from '../shared/memberKind';
import { ALREADY_LINKED, isApiError, useAcceptInvitation } from './useJoin';

/** A patient accepting a clinician's invitation: consent choices first, pre-filled with the defaults. */
function PatientAccept({ code, invitation }: { code: string; invitation: InvitationDetails }) {
  const { t } = useTranslation();
  const words = useMemberWords();
  const [, navigate] = useLocation();
  const accept = useAcceptInvitation(code);
  const [consent, setConsent] = useState<ConsentMap>(invitation.consentDefaults);
  const name = invitation.from.displayName;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        accept.mutate(
          { consent },
          {
            onSuccess: () => {
              navigate(routes.careTeam);
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <Title order={2} fz="1.35rem">
          {t('join.chooseHeading', { name })}
        </Title>
        <Text>{t('join.chooseIntro', { kind: words.kind(invitation.from).toLowerCase() })}</Text>
        <ConsentSwitches
          legend={t('careTeam.sharingLegend', { name })}
          value={consent}
          sharedWith={name}
          onChange={(category, shared) => {
            setConsent((c) => ({ ...c, [category]: shared }));
          }}
        />
        <AcceptError error={accept.error} to={routes.careTeam} toLabel={t('join.toCareTeam')} />
        <Button type="submit" size="lg" loading={accept.isPending}>
          {t('join.acceptAndShare')}
        </Button>
      </Stack>
    </form>
  );
}

/** A clinician or caregiver accepting a patient's invitation: what they will see, then Accept. */
function MemberAccept({ code, invitation }: { code: string; invitation: InvitationDetails }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const accept = useAcceptInvitation(code);
  const name = invitation.from.displayName;
  const shared = CONSENT_CATEGORIES.filter((c) => invitation.consentDefaults[c]);
  return (
    <Stack gap="md">
      <Title order={2} fz="1.35rem">
        {t('join.sharesHeading', { name })}
      </Title>
      {shared.length === 0 ? (
        <Text>{t('join.sharesNone', { name })}</Text>
      ) : (
        <ul className="sd-timeline">
          {shared.map((c) => (
            <li key={c}>
              <Text fw={600}>{t(`consent.category.${c}.label`)}</Text>
            </li>
          ))}
        </ul>
      )}
      <Text size="sm">{t('join.sharesLater', { name })}</Text>
      <AcceptError error={accept.error} to={routes.patients} toLabel={t('join.toPatients')} />
      <Button
        size="lg"
        loading={accept.isPending}
        onClick={() => {
          accept.mutate(
            {},
            {
              onSuccess: () => {
                navigate(routes.patients);
              },
            },
          );
        }}
      >
        {t('join.accept')}
      </Button>
    </Stack>
  );
}

function AcceptError({ error, to, toLabel }: { error: unknown; to: string; toLabel: string }) {
  const { t } = useTranslation();
  if (error === null) return null;
  if (isApiError(error, ALREADY_LINKED)) {
    return (
      <Note>
        {t('join.alreadyLinked')} <Link href={to}>{toLabel}</Link>
      </Note>
    );
  }
  return <ErrorAlert error={error} />;
}

/** The accept step for whoever is signed in, or why they can't accept. */
export function AcceptPanel({
  code,
  invitation,
  user,
}: {
  code: string;
  invitation: InvitationDetails;
  user: SessionUser;
}) {
  const { t } = useTranslation();
  const forPatient = invitation.kind === 'clinician-invites-patient';
  if (forPatient && user.role !== 'patient') {
    return <Note tone="warning">{t('join.forPatient', { name: user.displayName })}</Note>;
  }
  if (!forPatient && user.role === 'patient') {
    return <Note tone="warning">{t('join.forMember')}</Note>;
  }
  return forPatient ? (
    <PatientAccept code={code} invitation={invitation} />
  ) : (
    <MemberAccept code={code} invitation={invitation} />
  );
}
