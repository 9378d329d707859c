import { useTranslation } from 'react-i18next';
import { Page } from '../shared/components/Page';
import { OtherMedications } from './OtherMedications';
import { RegimenSection } from './RegimenSection';

export function MedicationsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('medications.title')}>
      <RegimenSection />
      <OtherMedications />
    </Page>
  );
}
