/**
 * Co-medication risk modifiers (SIG-RISK-MOD/…): opioids, gabapentinoids, other benzodiazepines
 * and CNS depressants, CYP3A4/2C19 inhibitors and inducers, and drugs whose levels diazepam may
 * change. Names are classified by the clinical module's matcher (or an injected classifier);
 * wording and sources come from the interaction classes of `clinical/interactions.ts`.
 */
import { ageInYears, OLDER_ADULT_AGE_YEARS } from '../clinical/conditions.js';
import { interactionClass, isInteractionClassId } from '../clinical/interactions.js';
import { INTERACTION_CLASS_IDS, type InteractionClassId } from '../clinical/interactionTypes.js';
import { isLocalDate } from '../regimen/slots.js';
import { cite } from '../sources.js';
import { makeSignal, uniqueSources } from './build.js';
import { addMonths, contextOf, type SignalContext, plusDays } from './context.js';
import type { Signal, SignalInput, SignalSeverity } from './types.js';

interface Group {
  readonly sub: string;
  readonly title: string;
  readonly classIds: readonly InteractionClassId[];
  readonly severity: SignalSeverity;
}

/** Every "other CNS depressant" class of the clinical module (`cns-…`). */
const CNS: readonly InteractionClassId[] = INTERACTION_CLASS_IDS.filter((id) =>
  id.startsWith('cns-'),
);

/** Sub-ids of SIG-RISK-MOD for medications, in output order. */
export const CO_MEDICATION_GROUPS: readonly Group[] = [
  { sub: 'opioid', title: 'Opioid co-prescription', classIds: ['opioids'], severity: 'warning' },
  {
    sub: 'gabapentinoid',
    title: 'Gabapentinoid co-prescription',
    classIds: ['gabapentinoids'],
    severity: 'caution',
  },
  {
    sub: 'benzodiazepine',
    title: 'Another benzodiazepine',
    classIds: ['benzodiazepines'],
    severity: 'caution',
  },
  { sub: 'cns-depressant', title: 'Other CNS depressant', classIds: CNS, severity: 'caution' },
  {
    sub: 'cyp-inhibitor',
    title: 'CYP3A4/CYP2C19 inhibitor',
    classIds: ['cyp-inhibitors-label', 'cyp-inhibitors-smpc', 'isoniazid'],
    severity: 'caution',
  },
  {
    sub: 'cyp-inducer',
    title: 'Enzyme inducer',
    classIds: ['rifampin', 'enzyme-inducers'],
    severity: 'caution',
  },
  {
    sub: 'affects-other',
    title: 'Diazepam may change another drug’s levels',
    classIds: ['phenytoin-levels', 'cyp-substrates'],
    severity: 'info',
  },
];

/** True when the patient is 65 or older today (unknown or malformed birth dates count as no). */
export function isOlderAdult(ctx: SignalContext): boolean {
  const dob = ctx.input.profile.dateOfBirth;
  return (
    dob !== null &&
    isLocalDate(dob) &&
    dob <= ctx.today &&
    ageInYears(dob, ctx.today) >= OLDER_ADULT_AGE_YEARS
  );
}

/** Active medications in any of the classes. */
export function medicationsIn(
  ctx: SignalContext,
  classIds: readonly string[],
): SignalContext['input']['otherMedications'] {
  return ctx
    .medicationClasses()
    .filter((m) => classIds.some((id) => m.classIds.has(id)))
    .map((m) => m.medication);
}

function opioidReminders(ctx: SignalContext): string {
  const last = ctx.input.lastReviewAt ?? null;
  const lastDay = last === null ? null : ctx.dayOf(last);
  const due = lastDay === null ? null : addMonths(lastDay, ctx.settings.reviewIntervalMonths);
  const review =
    lastDay === null
      ? 'No risk/benefit review is recorded.'
      : `Last review ${lastDay}; next due by ${due ?? ''}${due !== null && due <= ctx.today ? ' (overdue)' : ''}.`;
  return (
    ' Reminders: offer naloxone (Rec 17); reassess at least every 3 months or at each related encounter or ' +
    `renewal, whichever is more frequent (Rec 16); lowest effective doses of both (Rec 18). ${review}`
  );
}

/**
 * SIG-RISK-MOD/<group>: one signal per group of interaction classes found on the active
 * medication list (see `CO_MEDICATION_GROUPS`). Opioids: warning, with naloxone (Rec 17) and
 * 3-monthly reassessment (Rec 16) reminders. Gabapentinoids: warning when a breathing risk
 * factor named by FDA 2019 is present (opioid, COPD, age ≥ 65), else caution. Enzyme inducers,
 * inhibitors, other CNS depressants: caution. Clinician only; the patient sees each class's
 * patient text on the medication list.
 *
 * @example
 * coMedicationSignals({ ...input, otherMedications: [{ id: 'm1', name: 'Norco 5/325', dose: null,
 *   frequency: null, active: true }] })[0]?.id // → 'SIG-RISK-MOD/opioid'
 */
export function coMedicationSignals(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const out: Signal[] = [];
  const hasOpioid = medicationsIn(ctx, ['opioids']).length > 0;
  for (const g of CO_MEDICATION_GROUPS) {
    const meds = medicationsIn(ctx, g.classIds);
    if (meds.length === 0) continue;
    const found = g.classIds.filter((id) =>
      ctx.medicationClasses().some((m) => m.classIds.has(id)),
    );
    const classes = found.filter(isInteractionClassId).map(interactionClass);
    let severity = g.severity;
    let extra = '';
    if (g.sub === 'gabapentinoid') {
      const factors = [
        hasOpioid ? 'opioid co-use' : '',
        ctx.input.profile.copd === true ? 'COPD' : '',
        isOlderAdult(ctx) ? 'age ≥ 65' : '',
      ].filter((f) => f !== '');
      if (factors.length > 0) {
        severity = 'warning';
        extra = ` Breathing risk factors present: ${factors.join(', ')}.`;
      }
    }
    if (g.sub === 'opioid') extra = opioidReminders(ctx);
    out.push(
      makeSignal(ctx, {
        id: `SIG-RISK-MOD/${g.sub}`,
        severity,
        audience: 'clinician',
        title: g.title,
        evidence: [
          {
            kind: 'medication',
            ids: meds.map((m) => m.id),
            values: Object.fromEntries(meds.map((m) => [m.id, m.name])),
            note: `Matched classes: ${found.join(', ')}`,
          },
        ],
        sources: uniqueSources([
          ...classes.flatMap((c) => c.sources),
          ...(g.sub === 'opioid' ? [cite('JCPG-2025', 'C', 'Recs 16–18 (REFERENCE §6.1)')] : []),
        ]),
        clinicianText: `${meds.map((m) => m.name).join(', ')}: ${classes.map((c) => c.clinicianText).join(' ')}${extra}`,
        settingKeys: g.sub === 'opioid' ? ['reviewIntervalMonths'] : [],
      }),
    );
  }
  return out;
}

/** Active opioids whose `startDate` lies within the last `newMedicationDays`. */
export function newOpioids(ctx: SignalContext): SignalContext['input']['otherMedications'] {
  const since = plusDays(ctx.today, -ctx.settings.newMedicationDays);
  return medicationsIn(ctx, ['opioids']).filter(
    (m) => m.startDate != null && m.startDate >= since && m.startDate <= ctx.today,
  );
}
