import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { MfaStep } from './MfaStep';
import { SecondFactorForm } from './SecondFactorForm';
import { useMfaStatus } from './mfaApi';

/** After the right password, for an account with a second factor: the second step. */
export function MfaVerifyPage() {
  const { t } = useTranslation();
  const status = useMfaStatus();
  return (
    <MfaStep title={t('mfa.verify.title')} intro={t('mfa.verify.intro')}>
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <ErrorAlert error={status.error} />
      ) : (
        <SecondFactorForm status={status.data} />
      )}
    </MfaStep>
  );
}
