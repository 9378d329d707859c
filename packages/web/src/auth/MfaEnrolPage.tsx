import { useEffect } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SecurityKeys } from '../account/SecurityKeys';
import { useSignOut } from '../shared/session';
import { AuthLayout } from './AuthLayout';

/** A care-team account without a second factor: it adds one before anything else. */
export function MfaEnrolPage() {
  const { t } = useTranslation();
  const signOut = useSignOut();

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('mfa.enrol.title') });
  }, [t]);

  return (
    <AuthLayout>
      <Stack gap="md">
        <Title order={1} fz="1.75rem">
          {t('mfa.enrol.title')}
        </Title>
        <Text>{t('mfa.enrol.intro')}</Text>
        <SecurityKeys enrolling />
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
