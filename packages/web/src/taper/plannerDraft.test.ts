import { describe, expect, it } from 'vitest';
import { initialDraft, parseCheckInDays, readDraft, type PlannerDraft } from './plannerDraft';

const base = initialDraft(
  [
    { time: '08:00', amountMg: 5 },
    { time: '20:00', amountMg: 5 },
  ],
  'tab5',
  '2026-03-02',
);
const draft = (patch: Partial<PlannerDraft>): PlannerDraft => ({ ...base, ...patch });

describe('initialDraft', () => {
  it('prefills the regimen in force, the guideline pace and the Steady defaults', () => {
    expect(base.doses.map((d) => [d.time, d.amount])).toEqual([
      ['08:00', '5'],
      ['20:00', '5'],
    ]);
    expect(base.formulations).toEqual(['tab10', 'tab5', 'tab2']);
    expect([base.percent, base.intervalDays, base.startDate]).toEqual(['10', '14', '2026-03-02']);
    expect([base.checkInDays, base.followUpMonths, base.followUpIntervalDays]).toEqual([
      '2, 5, 10',
      '6',
      '30',
    ]);
    expect(initialDraft([], 'sol1', '2026-03-02').formulations).toContain('sol1');
  });
});

describe('readDraft', () => {
  it('plans the draft with the core engine and builds the POST /taper body', () => {
    const reading = readDraft(base);
    if (!reading.ok) throw new Error('expected a plan');
    expect(reading.plan.steps[0]?.dailyTotalMg).toBe(9);
    expect(reading.plan.steps[0]?.startDate).toBe('2026-03-02');
    expect(reading.body).toMatchObject({
      inputs: { method: { kind: 'percent', percent: 10 }, intervalDays: 14, override: null },
      conversion: null,
      checkInDays: [2, 5, 10],
      followUpMonths: 6,
      followUpIntervalDays: 30,
    });
  });

  it('names each field that needs attention', () => {
    const reading = readDraft(
      draft({
        doses: [{ rowId: 1, time: '8', amount: '0' }],
        percent: '120',
        intervalDays: '1.5',
        checkInDays: '2, x',
        startDate: '',
      }),
    );
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(Object.keys(reading.errors).sort()).toEqual([
      'checkInDays',
      'doses',
      'intervalDays',
      'percent',
      'startDate',
    ]);
  });

  it('refuses an override without a reason and keeps it with one', () => {
    const without = readDraft(draft({ override: true, overrideMax: '40', overrideReason: ' ' }));
    expect(without.ok ? null : without.errors).toEqual({ overrideReason: true });
    const reading = readDraft(
      draft({ override: true, overrideMax: '40', overrideReason: 'Short stay' }),
    );
    expect(reading.ok && reading.body.inputs.override).toEqual({
      maxReductionPer14Days: 40,
      reason: 'Short stay',
    });
  });

  it('reports the engine refusing a plan (maintenance above the current dose)', () => {
    const reading = readDraft(draft({ goalKind: 'maintenance', maintenanceMg: '12' }));
    expect(reading.ok ? null : reading.planError).toMatch(/maintenance dose must be > 0/);
  });

  it('sends a conversion with the table estimate and the dose the prescriber set', () => {
    const reading = readDraft(
      draft({
        conversion: { enabled: true, drug: 'lorazepam', dailyMg: '2', tableId: 'jcpg-t7-ashton' },
      }),
    );
    expect(reading.ok && reading.body.conversion).toEqual({
      fromDrug: 'lorazepam',
      fromDailyMg: 2,
      tableId: 'jcpg-t7-ashton',
      estimateMinMg: 20,
      estimateMaxMg: 20,
      chosenDailyMg: 10,
    });
    const missing = readDraft(
      draft({
        conversion: { enabled: true, drug: 'alprazolam', dailyMg: '1', tableId: 'nhs-scotland' },
      }),
    );
    expect(missing.ok ? null : missing.errors).toEqual({ conversionDrug: true });
  });
});

describe('parseCheckInDays', () => {
  it('reads days after a step, sorted and distinct', () => {
    expect(parseCheckInDays('10, 2 5,2')).toEqual([2, 5, 10]);
    expect(parseCheckInDays('')).toBeNull();
    expect(parseCheckInDays('0, 3')).toBeNull();
  });
});
