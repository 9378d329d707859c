import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SignOutEverywhere } from '../auth/SignOutEverywhere';
import { SecurityKeys } from './SecurityKeys';
import { Page } from '../shared/components/Page';
import { useMemberWords } from '../shared/memberKind';
import { useUser } from '../shared/session';
import { AccountForm } from '../profile/AccountForm';
import { RemindersAccountLink } from '../reminders/RemindersMoreRow';

/** The workspace's account page: name and time zone (patients have these on Profile). */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  const words = useMemberWords();
  return (
    <Page title={t('account.title')}>
      <Text>{t('account.roleLine', { kind: words.kind(user) })}</Text>
      <RemindersAccountLink />
      <AccountForm />
      <SecurityKeys />
      <SignOutEverywhere />
    </Page>
  );
}
