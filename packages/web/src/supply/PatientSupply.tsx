import { useTranslation } from 'react-i18next';
import { SharedSection } from '../clinician/SharedSection';
import { useInstructionQuery, useStockQuery } from './api';
import { InstructionEditor } from './InstructionEditor';
import { StockSummary } from './StockSummary';

/**
 * The supply part of a clinician's view of a patient (Medications tab, medications consent):
 * the missed-dose instruction, which a prescriber sets (`canSetInstruction`), and the
 * patient's counted stock with its forecast.
 */
export function PatientSupply({
  patientId,
  canSetInstruction,
}: {
  patientId: string;
  canSetInstruction: boolean;
}) {
  const { t } = useTranslation();
  const stock = useStockQuery(patientId);
  const instruction = useInstructionQuery(patientId);
  return (
    <>
      <SharedSection
        id="missed-dose-instruction"
        title={t('supply.instruction.title')}
        query={instruction}
      >
        {(data) => (
          <InstructionEditor patientId={patientId} data={data} canSet={canSetInstruction} />
        )}
      </SharedSection>
      <SharedSection id="patient-supply" title={t('supply.section.clinicianTitle')} query={stock}>
        {(data) => <StockSummary data={data} audience="clinician" />}
      </SharedSection>
    </>
  );
}
