import { useEffect, useState } from 'react';
import { Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { routes } from '../shared/layout/routes';
import { AuthLayout } from './AuthLayout';
import { AuthSwitchLink } from './AuthSwitchLink';
import { EmailField, PasswordField } from './CredentialFields';
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
          <EmailField value={email} error={emailError} onChange={setEmail} />
          <PasswordField
            autoComplete="current-password"
            value={password}
            error={passwordError}
            onChange={setPassword}
          />
          <Button type="submit" size="lg" loading={login.isPending}>
            {t('auth.submitSignIn')}
          </Button>
          <AuthSwitchLink
            prompt={t('auth.noAccount')}
            label={t('auth.toRegister')}
            to={routes.register}
            joinCode={joinCode}
          />
        </Stack>
      </form>
    </AuthLayout>
  );
}
