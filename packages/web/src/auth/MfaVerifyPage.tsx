import { useEffect } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useSignOut } from '../shared/session';
import { AuthLayout } from './AuthLayout';
import { SecondFactorForm } from './SecondFactorForm';
import { useMfaStatus } from './mfaApi';

/** After the right password, for an account with a second factor: the second step. */
export function MfaVerifyPage() {
  const { t } = useTranslation();
  const status = useMfaStatus();
  const signOut = useSignOut();

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('mfa.verify.title') });
  }, [t]);

  return (
    <AuthLayout>
      <Stack gap="md">
        <Title order={1} fz="1.75rem">
          {t('mfa.verify.title')}
        </Title>
        <Text>{t('mfa.verify.intro')}</Text>
        {status.isPending ? (
          <Loading />
        ) : status.isError ? (
          <ErrorAlert error={status.error} />
        ) : (
          <SecondFactorForm status={status.data} />
        )}
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
