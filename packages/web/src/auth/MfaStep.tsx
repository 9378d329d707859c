import { useEffect, type ReactNode } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../shared/session';
import { AuthLayout } from './AuthLayout';

/**
 * The frame of a second-factor step after the password (enrol or verify): the page title, a
 * heading and intro, the step itself, and a way out (sign out).
 */
export function MfaStep({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const signOut = useSignOut();

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  return (
    <AuthLayout>
      <Stack gap="md">
        <Title order={1} fz="1.75rem">
          {title}
        </Title>
        <Text>{intro}</Text>
        {children}
        <Button
          variant="default"
          size="md"
          onClick={() => {
            signOut.mutate();
          }}
        >
          {t('mfa.verify.signOut')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
