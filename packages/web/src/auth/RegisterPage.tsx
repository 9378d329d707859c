import { useEffect, useState } from 'react';
import { Button, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { useInvitationQuery } from '../join/useJoin';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { routes } from '../shared/layout/routes';
import { AuthLayout } from './AuthLayout';
import { AuthSwitchLink } from './AuthSwitchLink';
import { EmailField, PasswordField } from './CredentialFields';
import { MIN_PASSWORD_LENGTH, isTooShort, passwordReasonOf } from './passwordRules';
import { detectTimeZone, useRegister } from './useAuth';
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
  // A password the server refused: its reason shows on the field until the password changes.
  const reason = passwordReasonOf(register.error);
  const refused = register.variables?.password === password ? reason : null;
  const passwordError =
    showErrors && isTooShort(password)
      ? t('auth.passwordTooShort')
      : refused !== null
        ? t(`auth.passwordRule.${refused}`)
        : null;

  return (
    <AuthLayout>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (displayName.trim() === '' || email.trim() === '' || isTooShort(password)) return;
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
          {register.isError && reason === null && <ErrorAlert error={register.error} />}
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
          <EmailField value={email} error={emailError} onChange={setEmail} />
          <PasswordField
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            error={passwordError}
            onChange={setPassword}
          />
          <Note title={t('auth.timeZone')}>
            {caregiverOf === null
              ? t('auth.timeZoneDetected', { zone: timeZone })
              : t('caregiverRegister.timeZone', { zone: timeZone })}
          </Note>
          <Button type="submit" size="lg" loading={register.isPending}>
            {t('auth.submitRegister')}
          </Button>
          <AuthSwitchLink
            prompt={t('auth.haveAccount')}
            label={t('auth.toSignIn')}
            to={routes.signIn}
            joinCode={joinCode}
          />
        </Stack>
      </form>
    </AuthLayout>
  );
}
