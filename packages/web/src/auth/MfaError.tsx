import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { ErrorAlert } from '../shared/components/ErrorAlert';

/** An API error as usual; a browser passkey error (cancelled, timed out) in plain words. */
export function MfaError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" title={t('common.errorTitle')} role="alert">
      {t('mfa.keys.passkeyFailed')}
    </Alert>
  );
}
