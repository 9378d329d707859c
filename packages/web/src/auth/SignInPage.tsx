import { useEffect, useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { routes, withJoin } from '../shared/layout/routes';
import { AuthLayout } from './AuthLayout';
import { Note } from '../shared/components/Note';
import { useLogin } from './useAuth';

export function SignInPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const joinCode = new URLSearchParams(useSearch()).get('join');

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('auth.signInTitle') });
  }, [t]);

  const emailError = showErrors && email.trim() === '' ? t('auth.required') : null;
  const passwordError = showErrors && password === '' ? t('auth.required') : null;

  return (
    <AuthLayout>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (email.trim() === '' || password === '') return;
          login.mutate({ email: email.trim(), password });
        }}
      >
        <Stack gap="md">
          <Title order={1} fz="1.75rem">
            {t('auth.signInTitle')}
          </Title>
          {joinCode !== null && <Note>{t('join.signInNote')}</Note>}
          {login.isError && <ErrorAlert error={login.error} />}
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
            autoComplete="current-password"
            required
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
          <Button type="submit" size="lg" loading={login.isPending}>
            {t('auth.submitSignIn')}
          </Button>
          <Text>
            {t('auth.noAccount')}{' '}
            <Anchor
              component={Link}
              href={joinCode === null ? routes.register : withJoin(routes.register, joinCode)}
              fw={600}
            >
              {t('auth.toRegister')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
