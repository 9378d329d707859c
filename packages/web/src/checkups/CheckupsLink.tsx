import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { routes } from '../shared/layout/routes';

/** The way to the patient's check-ups from the Care team page (they have no tab of their own). */
export function CheckupsLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href={routes.checkups} fw={600} size="lg" w="fit-content">
      {t('checkups.careTeamLink')}
    </Anchor>
  );
}
