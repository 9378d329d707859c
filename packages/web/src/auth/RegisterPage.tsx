import { useEffect, useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { useInvitationQuery } from '../join/useJoin';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { routes, withJoin } from '../shared/layout/routes';
import { AuthLayout } from './AuthLayout';
import { MIN_PASSWORD_LENGTH, detectTimeZone, useRegister } from './useAuth';
import { Note } from '../shared/components/Note';

export function RegisterPage() {
  const { t } = useTranslation();
  const register = useRegister();
  const [timeZone] = useState(detectTimeZone);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  // Coming from an invitation (?join=CODE): a caregiver's account is created from it directly;
  // a patient registers as usual and then goes back to the invitation to accept it.
  const joinCode = new URLSearchParams(useSearch()).get('join');
  const invitation = useInvitationQuery(joinCode ?? '', joinCode !== null);
  const caregiverOf =
    invitation.data?.kind === 'patient-invites-member' && invitation.data.memberKind === 'caregiver'
      ? invitation.data.from.displayName
      : null;
  const title = caregiverOf === null ? t('auth.registerTitle') : t('caregiverRegister.title');

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  const nameError = showErrors && displayName.trim() === '' ? t('auth.required') : null;
  const emailError = showErrors && email.trim() === '' ? t('auth.required') : null;
  const passwordError =
    showErrors && password.length < MIN_PASSWORD_LENGTH ? t('auth.passwordTooShort') : null;

  return (
    <AuthLayout>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (
            displayName.trim() === '' ||
            email.trim() === '' ||
            password.length < MIN_PASSWORD_LENGTH
          )
            return;
          register.mutate({
            email: email.trim(),
            password,
            displayName: displayName.trim(),
            timeZone,
            ...(caregiverOf !== null && joinCode !== null ? { invitationCode: joinCode } : {}),
          });
        }}
      >
        <Stack gap="md">
          <Title order={1} fz="1.75rem">
            {title}
          </Title>
          {caregiverOf !== null && (
            <Note>{t('caregiverRegister.intro', { name: caregiverOf })}</Note>
          )}
          {register.isError && <ErrorAlert error={register.error} />}
          <TextInput
            label={t('auth.displayName')}
            description={t('auth.displayNameHint')}
            autoComplete="given-name"
            required
            value={displayName}
            error={nameError}
            onChange={(e) => {
              setDisplayName(e.currentTarget.value);
            }}
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            value={email}
            error={emailError}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
            }}
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
            visibilityToggleFocusable
            rightSectionWidth={52}
            style={{ '--psi-button-size': '2.75rem' }}
            value={password}
            error={passwordError}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
            }}
          />
          <Note title={t('auth.timeZone')}>
            {caregiverOf === null
              ? t('auth.timeZoneDetected', { zone: timeZone })
              : t('caregiverRegister.timeZone', { zone: timeZone })}
          </Note>
          <Button type="submit" size="lg" loading={register.isPending}>
            {t('auth.submitRegister')}
          </Button>
          <Text>
            {t('auth.haveAccount')}{' '}
            <Anchor
              component={Link}
              href={joinCode === null ? routes.signIn : withJoin(routes.signIn, joinCode)}
              fw={600}
            >
              {t('auth.toSignIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
