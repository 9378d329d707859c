/**
 * What goes with a demo taper (tapers.ts): the withdrawal check-ins answered on the taper's
 * schedule (rising after the last step for the paused patient, so SIG-WD-AFTER-STEP shows) and,
 * when a pharmacist is in the team, one dispensing per formulation and interval linked to the
 * taper, continuing the supply the generator dispensed before it without an early refill.
 * The pharmacist's demo tapers use one tablet strength: core's SIG-EARLY-REFILL counts a second
 * record on the same day (another strength of the same fill) as an early refill.
 */
import {
  addDays,
  localDateOf,
  localToInstant,
  mgPerUnit,
  scoreInstrument,
  taperCheckInSchedule,
  WITHDRAWAL_SYMPTOMS,
  type LocalDate,
  type TaperCheckInSlot,
  type TaperStep,
} from '@steady/core';
import { checkInSettingsOf } from '../taper/checkIns.js';
import type { GenerateInput, RowLists } from './patientRows.js';
import { between, prng, seedOf } from './random.js';
import type { SignedDemoTaper } from './tapers.js';

type DispensingRow = RowLists['dispensingRecords'][number];

/** Symptoms reported first as the burden grows, with the most each one reaches. */
const REPORTED: readonly (readonly [string, number])[] = [
  ['wd-insomnia', 3],
  ['wd-muscle-pain', 2],
  ['wd-anxiety', 2],
  ['wd-tremor', 2],
  ['wd-restlessness', 1],
  ['wd-sweating', 1],
  ['wd-irritability', 1],
  ['wd-headaches', 1],
];

/** Checklist answers with the given burden: every item answered, no red-flag symptom. */
export function withdrawalAnswers(burden: number): Record<string, number> {
  const answers = Object.fromEntries(WITHDRAWAL_SYMPTOMS.map((s) => [s.id, 0]));
  let left = burden;
  for (const [id, most] of REPORTED) {
    const value = Math.min(most, left);
    answers[id] = value;
    left -= value;
  }
  return answers;
}

/** The last reduction that has started by `today` (the one a pause answers). */
function lastStarted(steps: readonly TaperStep[], today: LocalDate): TaperStep | undefined {
  return steps.filter((s) => s.startDate <= today).at(-1);
}

/** How much a check-in reports: little usually, more after the paused patient's last step. */
function burdenOf(
  signed: SignedDemoTaper,
  slot: TaperCheckInSlot,
  last: TaperStep | undefined,
  random: () => number,
): number {
  if (signed.spec.stage === 'paused' && slot.stepIndex === last?.index) {
    return slot.daysAfterStep <= 2 ? 7 : 12;
  }
  return slot.kind === 'followUp' ? between(random, 0, 2) : between(random, 1, 4);
}

function addCheckIns(input: GenerateInput, rows: RowLists, signed: SignedDemoTaper): void {
  const { patient: spec, patientId, newId, now } = input;
  const today = localDateOf(now.toISOString(), spec.zone);
  const random = prng(seedOf(`${spec.key}:taper`));
  const plan = signed.current.plan;
  const last = lastStarted(plan.steps, today);
  for (const slot of taperCheckInSchedule(plan, checkInSettingsOf(signed.current))) {
    if (slot.date >= today) continue;
    const key = signed.spec.stage === 'paused' && slot.stepIndex === last?.index;
    if (!key && random() < 0.12) continue; // a few are missed
    const answers = withdrawalAnswers(burdenOf(signed, slot, last, random));
    const scored = scoreInstrument('withdrawal', answers);
    if (!scored.ok) throw new Error('demo withdrawal answers do not score');
    const at = new Date(localToInstant(slot.date, '19:00', spec.zone));
    const id = newId();
    rows.questionnaireResponses.push({
      id,
      patientId,
      instrumentId: 'withdrawal',
      assignmentId: null,
      at,
      answers,
      total: scored.score.total,
      score: scored.score as unknown as Record<string, unknown>,
      taperStepIndex: slot.stepIndex,
      idempotencyKey: newId(),
      recordedBy: patientId,
      createdAt: at,
    });
    rows.auditLog.push({
      at,
      actorId: patientId,
      patientId,
      action: 'taper.checkIn.create',
      entityId: id,
      details: { date: slot.date, kind: slot.kind, stepIndex: slot.stepIndex },
    });
  }
}

/** The recordable quantities of a step's interval: tablets per strength, mL (0.1 mL steps). */
function supplyOf(step: TaperStep): { formulation: DispensingRow['formulation']; qty: number }[] {
  const { tabletsToSupply, pieces } = step.perIntervalDispense;
  const out: { formulation: DispensingRow['formulation']; qty: number }[] = (
    ['tab10', 'tab5', 'tab2'] as const
  )
    .filter((id) => tabletsToSupply[id] > 0)
    .map((id) => ({ formulation: id, qty: tabletsToSupply[id] }));
  if (pieces.ml > 0) out.push({ formulation: 'sol1', qty: Math.ceil(pieces.ml * 10 - 1e-9) / 10 });
  return out;
}

function addDispensings(input: GenerateInput, rows: RowLists, signed: SignedDemoTaper): void {
  const { patient: spec, patientId, newId, now, clinicians } = input;
  const zone = spec.zone;
  const plan = signed.current.plan;
  const first = plan.steps[0];
  if (first === undefined) return;
  const at = (date: LocalDate) => new Date(localToInstant(date, '11:20', zone));
  const dayOf = (r: DispensingRow) => localDateOf(r.dispensedAt.toISOString(), zone);
  const record = (date: LocalDate, formulation: DispensingRow['formulation'], qty: number) => ({
    id: newId(),
    patientId,
    formulation,
    quantity: qty,
    dispensedAt: at(date),
    note: null,
    recordedBy: clinicians.pharmacist.id,
    createdAt: at(date),
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
  });
  // Keep the generator's dispensings whose supply ends before the taper's first dispensing.
  const firstDay = addDays(first.startDate, -1);
  const kept = rows.dispensingRecords.filter(
    (r) => addDays(dayOf(r), r.daysSupply ?? 0) <= firstDay,
  );
  const out: DispensingRow[] = [...kept];
  const last = kept.at(-1);
  if (last !== undefined) {
    // Bridge to the taper with the dose before it, dispensed as the last supply runs out.
    const from = addDays(dayOf(last), last.daysSupply ?? 0);
    const days = Math.round((Date.parse(firstDay) - Date.parse(from)) / 86_400_000);
    const dailyMg = spec.doses.reduce((s, d) => s + d.amountMg, 0);
    if (days > 0) {
      const qty = Math.ceil((days * dailyMg) / mgPerUnit(spec.formulation));
      out.push({ ...record(from, spec.formulation, qty), daysSupply: days, taperPlanId: null });
    }
  }
  for (const step of plan.steps) {
    const date = addDays(step.startDate, -1);
    if (at(date).getTime() > now.getTime()) break;
    for (const { formulation, qty } of supplyOf(step)) {
      out.push({
        ...record(date, formulation, qty),
        daysSupply: step.perIntervalDispense.days,
        note: `Taper step ${String(step.index + 1)}`,
        taperPlanId: signed.current.taperId,
      });
    }
  }
  rows.dispensingRecords.splice(0, rows.dispensingRecords.length, ...out);
}

/** Add the taper's check-ins and dispensings to the patient's generated rows. */
export function addTaperRows(input: GenerateInput, rows: RowLists, signed: SignedDemoTaper): void {
  addCheckIns(input, rows, signed);
  const pharmacist = input.patient.team.some((m) => m.kind === 'pharmacist' && m.revoked !== true);
  if (pharmacist) addDispensings(input, rows, signed);
}
