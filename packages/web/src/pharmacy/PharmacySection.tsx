import { DispensingPanel } from './DispensingPanel';
import { MedicationListWithFlags } from './MedicationListWithFlags';
import { ReviewPanel } from './ReviewPanel';

/**
 * The pharmacist's workspace on a patient's page (pharmacists and prescribers with the
 * medications consent): dispensing with the supply estimate and any running-out-early alert,
 * the medication list with interaction flags, and the medication review.
 */
export function PharmacySection({ patientId }: { patientId: string }) {
  return (
    <>
      <DispensingPanel patientId={patientId} canWrite />
      <MedicationListWithFlags patientId={patientId} />
      <ReviewPanel patientId={patientId} />
    </>
  );
}
