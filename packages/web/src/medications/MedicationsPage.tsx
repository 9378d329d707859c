import { useTranslation } from 'react-i18next';
import { Page } from '../shared/components/Page';
import { OtherMedications } from './OtherMedications';
import { RegimenSection } from './RegimenSection';
import { SupplySection } from '../supply/SupplySection';
import { FhirImportSection } from '../fhir/FhirImportSection';
import { useUser } from '../shared/session';

export function MedicationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Page title={t('medications.title')}>
      <RegimenSection />
      <SupplySection />
      <OtherMedications />
      <FhirImportSection patientId={user.id} audience="patient" />
    </Page>
  );
}
