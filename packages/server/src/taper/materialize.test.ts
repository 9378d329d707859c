import {
  addDays,
  currentStep,
  holdTaper,
  planTaper,
  regimenOn,
  resumeTaper,
  type RegimenVersion,
  type TaperPlan,
} from '@steady/core';
import { describe, expect, it } from 'vitest';
import { formulationOfStep, regimenRowsOf, type Materialization } from './materialize.js';

const ZONE = 'America/New_York';
const CARRIED = { asNeeded: null, prescriber: 'Dr. Rivera', indication: 'Muscle spasm' };

const baseline: RegimenVersion = {
  id: 'baseline',
  version: 1,
  formulation: 'tab5',
  doses: [
    { time: '08:00', amountMg: 5 },
    { time: '14:00', amountMg: 5 },
    { time: '20:00', amountMg: 5 },
  ],
  asNeeded: null,
  startDate: '2026-01-01',
  endDate: null,
  prescriber: 'Dr. Rivera',
  indication: 'Muscle spasm',
  createdAt: '2026-01-01T12:00:00.000Z',
};

function plan15mg(startDate: string): TaperPlan {
  return planTaper({
    doses: baseline.doses,
    formulations: ['tab2', 'tab5', 'tab10'],
    startDate,
  });
}

function materialization(
  plan: TaperPlan,
  version: number,
  on: string,
  signedAt: string,
): Materialization {
  return {
    patientId: 'p',
    zone: ZONE,
    taperId: 't',
    version,
    action: version === 1 ? 'created' : 'hold',
    reason: 'Reason',
    plan,
    on,
    signedBy: 'dr',
    signedAt: new Date(signedAt),
  };
}

/** The rows as core regimen versions, numbered after the versions already written. */
function asVersions(m: Materialization, written: readonly RegimenVersion[]): RegimenVersion[] {
  return regimenRowsOf(m, CARRIED).map((r, i) => ({
    id: r.id,
    version: written.length + i + 1,
    formulation: r.formulation,
    doses: r.doses,
    asNeeded: r.asNeeded ?? null,
    startDate: r.startDate,
    endDate: r.endDate ?? null,
    prescriber: r.prescriber ?? null,
    indication: r.indication ?? null,
    createdAt: m.signedAt.toISOString(),
  }));
}

const amounts = (v: RegimenVersion | null) => v?.doses.map((d) => d.amountMg) ?? null;

describe('materializing a signed taper as regimen versions', () => {
  const plan = plan15mg('2026-10-18');
  const v1 = materialization(plan, 1, '2026-10-18', '2026-10-10T15:00:00.000Z');
  const versions = [baseline, ...asVersions(v1, [baseline])];

  it('writes one version per dosed step, tagged with the taper, version and step', () => {
    const rows = regimenRowsOf(v1, CARRIED);
    const dosed = plan.steps.filter((s) => s.dailyTotalMg > 0);
    expect(rows.map((r) => r.taperStepIndex)).toEqual(dosed.map((s) => s.index));
    expect(rows.every((r) => r.taperId === 't' && r.taperVersion === 1)).toBe(true);
    expect(rows[0]?.reason).toBe('Taper v1 (created), step 1: Reason');
    expect(rows[0]?.prescriber).toBe('Dr. Rivera');
  });

  it('makes regimenOn follow the steps day by day, before, on and after each step date', () => {
    expect(amounts(regimenOn(versions, '2026-10-17', ZONE))).toEqual([5, 5, 5]);
    for (const step of plan.steps.filter((s) => s.dailyTotalMg > 0)) {
      for (const day of [step.startDate, step.endDate ?? addDays(step.startDate, 30)]) {
        const expected = step.doses.map((d) => d.amountMg);
        expect(amounts(regimenOn(versions, day, ZONE)), day).toEqual(expected);
      }
    }
  });

  it('ends the schedule the day before a 0 mg step', () => {
    const last = plan.steps.at(-1);
    expect(last?.dailyTotalMg).toBe(0);
    const stop = last?.startDate ?? '';
    expect(regimenOn(versions, addDays(stop, -1), ZONE)).not.toBeNull();
    expect(regimenOn(versions, stop, ZONE)).toBeNull();
    expect(regimenOn(versions, addDays(stop, 100), ZONE)).toBeNull();
  });

  it('lets a later version take over from its date only', () => {
    const step = plan.steps[2];
    const on = addDays(step?.startDate ?? '', 3);
    const held = holdTaper(plan, { on, reason: 'Insomnia' });
    const v2 = materialization(held, 2, on, '2026-11-17T15:00:00.000Z');
    const rows = regimenRowsOf(v2, CARRIED);
    expect(rows.map((r) => [r.startDate, r.taperStepIndex])).toEqual([[on, 2]]);
    const all = [...versions, ...asVersions(v2, versions)];
    const resumeOn = addDays(on, 20);
    const resumed = resumeTaper(held, { on: resumeOn, reason: 'Settled' });
    const v3 = materialization(resumed, 3, resumeOn, '2026-12-07T15:00:00.000Z');
    const withResume = [...all, ...asVersions(v3, all)];
    const stepAfterHold = plan.steps[3];
    // The old plan's next step date passes while held: the held dose stays.
    const oldDate = stepAfterHold?.startDate ?? '';
    expect(amounts(regimenOn(withResume, oldDate, ZONE))).toEqual(
      amounts(regimenOn(all, on, ZONE)),
    );
    expect(amounts(regimenOn(withResume, resumeOn, ZONE))).toEqual(
      currentStep(resumed, resumeOn)?.doses.map((d) => d.amountMg),
    );
    // Before the hold, history is unchanged.
    expect(amounts(regimenOn(withResume, addDays(on, -1), ZONE))).toEqual(
      step?.doses.map((d) => d.amountMg),
    );
  });

  it('names the solution, else the largest tablet a step dispenses', () => {
    const [first] = plan.steps;
    if (first === undefined) throw new Error('no step');
    expect(formulationOfStep(first, ['tab2', 'tab5'])).toBe('tab5');
    expect(formulationOfStep({ ...first, formulationUsed: 'solution' }, ['sol1'])).toBe('sol1');
    const tens = first.doses.map((d) => ({ ...d, dispense: { ...d.dispense, tab10: 1 } }));
    expect(formulationOfStep({ ...first, doses: tens }, ['tab10'])).toBe('tab10');
  });
});
