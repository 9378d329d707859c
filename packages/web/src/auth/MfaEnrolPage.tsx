import { useTranslation } from 'react-i18next';
import { SecurityKeys } from '../account/SecurityKeys';
import { MfaStep } from './MfaStep';

/** A care-team account without a second factor: it adds one before anything else. */
export function MfaEnrolPage() {
  const { t } = useTranslation();
  return (
    <MfaStep title={t('mfa.enrol.title')} intro={t('mfa.enrol.intro')}>
      <SecurityKeys enrolling />
    </MfaStep>
  );
}
