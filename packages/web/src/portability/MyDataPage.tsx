import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../shared/components/Page';
import { CalendarSection } from './CalendarSection';
import { DeletionSection } from './DeletionSection';
import { ExportSection } from './ExportSection';

/** `/my-data`: the patient's exports, calendar link and account deletion (issue 6). */
export function MyDataPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('portability.title')}>
      <Text>{t('portability.intro')}</Text>
      <ExportSection />
      <CalendarSection />
      <DeletionSection />
    </Page>
  );
}
