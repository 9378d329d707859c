/**
 * "Other CNS depressants" (REFERENCE §4.4): one row of the reference, [P] SEC-MONO, not graded.
 * It is split into the sub-classes the row lists so a match can say which kind of medicine it
 * found; all share the row's effect, status and source. Narcotic analgesics are the `opioids`
 * class; benzodiazepines are the `benzodiazepines` class.
 */
import { cite } from '../sources.js';
import { NOT_GRADED_NOTE } from './interactionTypes.js';
import type { InteractionClass, InteractionClassId } from './interactionTypes.js';

const ROW = cite('SEC-MONO', 'P', 'Drug Interactions: other CNS depressants (REFERENCE §4.4)');

function cnsClass(
  id: InteractionClassId,
  name: string,
  listedAs: string,
  what: string,
): InteractionClass {
  return {
    id,
    name: `CNS depressant: ${name}`,
    effectKind: 'additive-cns-depression',
    effect: 'Potentiated CNS depression.',
    severity: null,
    severityNote: NOT_GRADED_NOTE,
    referenceExamples: [listedAs],
    patientText:
      `${what} can add to the effects of diazepam, such as drowsiness and slower reactions. Tell your ` +
      'prescriber and pharmacist that you take both. Do not stop or change either medicine on your own.',
    clinicianText:
      `Listed among CNS depressants that potentiate diazepam's CNS depression (${listedAs}); ` +
      'partly confirmed, drug monograph only. Not graded.',
    sources: [ROW],
  };
}

export const CNS_DEPRESSANT_CLASSES: readonly InteractionClass[] = [
  cnsClass('cns-phenothiazines', 'phenothiazines', 'phenothiazines', 'Phenothiazine medicines'),
  cnsClass('cns-antipsychotics', 'antipsychotics', 'antipsychotics', 'Antipsychotic medicines'),
  cnsClass(
    'cns-anxiolytics-sedatives',
    'anxiolytics/sedatives',
    'anxiolytics/sedatives',
    'Anti-anxiety and sedative medicines',
  ),
  cnsClass('cns-hypnotics', 'hypnotics (sleep medicines)', 'hypnotics', 'Sleep medicines'),
  cnsClass('cns-anticonvulsants', 'anticonvulsants', 'anticonvulsants', 'Anti-seizure medicines'),
  cnsClass('cns-anesthetics', 'anesthetics', 'anesthetics', 'Anesthetic medicines'),
  cnsClass(
    'cns-sedating-antihistamines',
    'sedating antihistamines',
    'sedating antihistamines',
    'Sedating antihistamines (found in many allergy, sleep-aid and "PM" products)',
  ),
  cnsClass('cns-barbiturates', 'barbiturates', 'barbiturates', 'Barbiturates'),
  cnsClass('cns-maois', 'MAO inhibitors', 'MAOIs', 'MAO-inhibitor medicines'),
  cnsClass(
    'cns-antidepressants',
    'antidepressants',
    'other antidepressants',
    'Antidepressant medicines',
  ),
];
