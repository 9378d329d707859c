/**
 * Contraindications and risk modifiers from the patient profile (SIG-RISK-MOD/<finding id>):
 * sleep apnea, myasthenia gravis, severe respiratory or hepatic insufficiency, acute narrow-angle
 * glaucoma, COPD, substance-use history, pregnancy, age ≥ 65. The findings and their wording come
 * from `clinical/conditions.ts`.
 */
import { conditionFindings } from '../clinical/conditions.js';
import { isLocalDate } from '../regimen/slots.js';
import { makeSignal } from './build.js';
import { contextOf } from './context.js';
import type { Signal, SignalInput } from './types.js';

/**
 * One SIG-RISK-MOD signal per profile finding: contraindications are warnings, cautions
 * (COPD, substance-use history, pregnancy, age ≥ 65) are cautions. Unanswered (null) fields
 * trigger nothing; a malformed or future birth date is ignored. Clinician only.
 *
 * @example
 * conditionSignals({ ...input, profile: { ...profile, sleepApnea: true } })[0]?.id
 * // → 'SIG-RISK-MOD/ci.sleep-apnea'
 */
export function conditionSignals(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const dob = input.profile.dateOfBirth;
  const usableDob = dob !== null && isLocalDate(dob) && dob <= ctx.today ? dob : null;
  const findings = conditionFindings({ ...input.profile, dateOfBirth: usableDob }, ctx.today);
  return findings.map((f) =>
    makeSignal(ctx, {
      id: `SIG-RISK-MOD/${f.id}`,
      severity: f.kind === 'contraindication' ? 'warning' : 'caution',
      audience: 'clinician',
      title: f.title,
      evidence: [
        {
          kind: 'profile',
          values: { [f.field]: f.field === 'dateOfBirth' ? usableDob : true },
          note: `Profile field ${f.field}`,
        },
      ],
      sources: f.sources,
      clinicianText: f.clinicianText,
    }),
  );
}
