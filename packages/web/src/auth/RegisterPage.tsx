import { useEffect, useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { routes } from '../shared/layout/routes';
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

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('auth.registerTitle') });
  }, [t]);

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
          });
        }}
      >
        <Stack gap="md">
          <Title order={1} fz="1.75rem">
            {t('auth.registerTitle')}
          </Title>
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
          <Note title={t('auth.timeZone')}>{t('auth.timeZoneDetected', { zone: timeZone })}</Note>
          <Button type="submit" size="lg" loading={register.isPending}>
            {t('auth.submitRegister')}
          </Button>
          <Text>
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} href={routes.signIn} fw={600}>
              {t('auth.toSignIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
