/**
 * The medications category as FHIR: each diazepam regimen version is a MedicationRequest coded
 * with its RxNorm SCD (REFERENCE §8.2), the other medications are patient-reported
 * MedicationRequests, and each logged dose is a MedicationAdministration that points at the
 * regimen version in force that day. Corrections: an entry another one supersedes is
 * `entered-in-error`, so the record stays complete and an EHR counts only what counts.
 */
import {
  DIAZEPAM_PRODUCTS,
  localDateOf,
  regimenOn,
  type AsNeededRule,
  type ScheduledDose,
} from '@steady/core';
import type {
  CodeableConcept,
  Dosage,
  MedicationAdministration,
  MedicationRequest,
} from '@medplum/fhirtypes';
import type { medications, doseEvents } from '../db/schema.js';
import type { RegimenVersionView } from '../regimen/service.js';
import { RXNORM, steady, UCUM } from './codes.js';
import { compact, concept, mg, patientReference, recordIdentifier } from './common.js';
import { fhirId } from './ids.js';

type MedicationRow = typeof medications.$inferSelect;
type DoseRow = typeof doseEvents.$inferSelect;

/** The product of a regimen version, coded with its RxNorm SCD. */
export function diazepamConcept(formulation: RegimenVersionView['formulation']): CodeableConcept {
  const product = DIAZEPAM_PRODUCTS[formulation];
  return concept(
    { system: RXNORM, code: product.rxnorm.scd, display: product.label },
    product.label,
  );
}

function scheduledDosage(dose: ScheduledDose, sequence: number, v: RegimenVersionView): Dosage {
  return {
    sequence,
    text: `${String(dose.amountMg)} mg at ${dose.time}`,
    timing: {
      repeat: compact({
        boundsPeriod: compact({ start: v.startDate, end: v.endDate ?? undefined }),
        frequency: 1,
        period: 1,
        periodUnit: 'd' as const,
        timeOfDay: [`${dose.time}:00`],
      }),
    },
    doseAndRate: [{ doseQuantity: mg(dose.amountMg) }],
  };
}

function asNeededDosage(rule: AsNeededRule, sequence: number): Dosage {
  return {
    sequence,
    text:
      `${String(rule.amountMg)} mg as needed, at least ${String(rule.minIntervalHours)} h apart, ` +
      `at most ${String(rule.maxPerDay)} a day`,
    asNeededBoolean: true,
    doseAndRate: [{ doseQuantity: mg(rule.amountMg) }],
    maxDosePerPeriod: {
      numerator: mg(rule.amountMg * rule.maxPerDay),
      denominator: { value: 1, unit: 'd', system: UCUM, code: 'd' },
    },
  };
}

/**
 * Whether a version is in force now or scheduled (a signed taper step that starts later and
 * that no later entry displaces): those are `active`; every other version is `completed`.
 */
export function regimenStatuses(
  versions: readonly RegimenVersionView[],
  today: string,
  zone: string,
): Map<string, 'active' | 'completed'> {
  const current = regimenOn(versions, today, zone);
  const displaced = (v: RegimenVersionView) =>
    versions.some(
      (w) =>
        w.startDate <= v.startDate &&
        (w.createdAt > v.createdAt || (w.createdAt === v.createdAt && w.version > v.version)),
    );
  return new Map(
    versions.map((v) => [
      v.id,
      v.id === current?.id || (v.startDate > today && !displaced(v)) ? 'active' : 'completed',
    ]),
  );
}

/** One version of the regimen, with its status from `regimenStatuses`. */
export function regimenRequest(
  v: RegimenVersionView,
  patientId: string,
  status: 'active' | 'completed',
): MedicationRequest {
  const dosage = v.doses.map((d, i) => scheduledDosage(d, i + 1, v));
  if (v.asNeeded !== null) dosage.push(asNeededDosage(v.asNeeded, dosage.length + 1));
  return compact({
    resourceType: 'MedicationRequest' as const,
    id: fhirId('regimen', v.id),
    identifier: [recordIdentifier('regimen-version', v.id)],
    status,
    intent: 'order' as const,
    medicationCodeableConcept: diazepamConcept(v.formulation),
    subject: patientReference(patientId),
    authoredOn: v.createdAt,
    requester: v.prescriber === null ? undefined : { display: v.prescriber },
    reasonCode: v.indication === null ? undefined : [{ text: v.indication }],
    note: [{ text: `Regimen version ${String(v.version)}: ${v.reason}` }],
    dosageInstruction: dosage,
  });
}

/** An entry of the other-medication list, as the patient (or pharmacist) reported it. */
export function otherMedicationRequest(m: MedicationRow): MedicationRequest {
  const text = [m.dose, m.frequency].filter((s): s is string => s !== null).join(', ');
  return compact({
    resourceType: 'MedicationRequest' as const,
    id: fhirId('med', m.id),
    identifier: [recordIdentifier('medication', m.id)],
    status: m.active ? ('active' as const) : ('stopped' as const),
    intent: 'plan' as const,
    reportedBoolean: true,
    medicationCodeableConcept: { text: m.name },
    subject: patientReference(m.patientId),
    authoredOn: m.createdAt.toISOString(),
    dosageInstruction: text === '' ? undefined : [{ text }],
  });
}

function administrationStatus(row: DoseRow, superseded: ReadonlySet<string>) {
  if (superseded.has(row.id)) return 'entered-in-error' as const;
  return row.kind === 'skipped' ? ('not-done' as const) : ('completed' as const);
}

/** A logged dose (taken, skipped or extra), against the regimen version in force that day. */
export function doseAdministration(
  row: DoseRow,
  ctx: {
    readonly versions: readonly RegimenVersionView[];
    readonly zone: string;
    readonly superseded: ReadonlySet<string>;
  },
): MedicationAdministration {
  const at = row.takenAt.toISOString();
  const version = regimenOn(ctx.versions, localDateOf(at, ctx.zone), ctx.zone);
  const skipped = row.kind === 'skipped';
  return compact({
    resourceType: 'MedicationAdministration' as const,
    id: fhirId('dose', row.id),
    identifier: [recordIdentifier('dose-event', row.id)],
    status: administrationStatus(row, ctx.superseded),
    statusReason: skipped && row.reason !== null ? [{ text: row.reason }] : undefined,
    category: concept(steady('doseKind', row.kind)),
    medicationCodeableConcept:
      version === null ? { text: 'diazepam' } : diazepamConcept(version.formulation),
    subject: patientReference(row.patientId),
    effectiveDateTime: at,
    request:
      version === null
        ? undefined
        : { reference: `MedicationRequest/${fhirId('regimen', version.id)}` },
    note: !skipped && row.reason !== null ? [{ text: row.reason }] : undefined,
    dosage: skipped ? undefined : { dose: mg(row.amountMg) },
  });
}
