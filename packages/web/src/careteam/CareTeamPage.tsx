import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeEntryForm } from '../shared/components/CodeEntryForm';
import { Page } from '../shared/components/Page';
import { CheckupsLink } from '../checkups/CheckupsLink';
import { AccessLog } from './AccessLog';
import { InviteSection } from './InviteSection';
import { MembersSection } from './MembersSection';

export function CareTeamPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('careTeam.title')}>
      <Text>{t('careTeam.intro')}</Text>
      <CheckupsLink />
      <MembersSection />
      <InviteSection />
      <AccessLog />
      <CodeEntryForm intro={t('careTeam.codeIntro')} />
    </Page>
  );
}
