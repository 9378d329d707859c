import { useTranslation } from 'react-i18next';
import { SignOutEverywhere } from '../auth/SignOutEverywhere';
import { SecurityKeys } from '../account/SecurityKeys';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Page } from '../shared/components/Page';
import { AccountForm } from './AccountForm';
import { SafetyForm } from './SafetyForm';
import { useProfileQuery } from './useProfile';

export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useProfileQuery();
  return (
    <Page title={t('profile.title')}>
      <AccountForm />
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <ErrorAlert error={profile.error} title={t('errors.loadFailed')} />
      ) : (
        <SafetyForm initial={profile.data} />
      )}
      <SecurityKeys />
      <SignOutEverywhere />
    </Page>
  );
}
