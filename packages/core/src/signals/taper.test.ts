import { describe, expect, it } from 'vitest';
import { baseInput, dailyCheckIns, ids, questionnaire, regimen } from './signals.test-helpers.js';
import { taperFastSignal, withdrawalAfterStepSignal } from './taper.js';
import type { SignalTaperPlan, SignalTaperStep } from './types.js';

const plan = (...steps: [string, number][]): SignalTaperPlan => ({
  steps: steps.map(([startDate, dailyTotalMg], index): SignalTaperStep => ({
    index,
    startDate,
    dailyTotalMg,
  })),
});

describe('taperFastSignal (SIG-TAPER-FAST)', () => {
  it('warns when a step is more than 25% below the dose of the previous 2 weeks', () => {
    const found = taperFastSignal(
      baseInput({ taper: plan(['2026-03-24', 13.5], ['2026-04-01', 10]) }),
    );
    expect(ids(found)).toEqual(['SIG-TAPER-FAST/above-default', 'SIG-TAPER-FAST/pace']);
    const pace = found.find((s) => s.id.endsWith('pace'));
    expect(pace).toMatchObject({ severity: 'warning', audience: 'clinician', patientText: null });
    expect(pace?.evidence).toEqual([
      {
        kind: 'taperStep',
        ids: ['1'],
        dates: ['2026-04-01'],
        values: { fromMg: 15, toMg: 10, reductionPercent: 33.3 },
      },
    ]);
    expect(pace?.clinicianText).toContain('should typically not exceed 25% every 2 weeks');
    expect(pace?.sources[0]).toMatchObject({ id: 'JCPG-2025', status: 'C' });
    expect(pace?.settings).toEqual({
      'signals.taperFast.maxFraction': 0.25,
      'signals.taperFast.windowDays': 14,
    });
  });

  it('catches two moderate steps that add up to more than 25% within 2 weeks', () => {
    const found = taperFastSignal(
      baseInput({ taper: plan(['2026-04-01', 12.75], ['2026-04-08', 10.8]) }),
    );
    const pace = found.find((s) => s.id.endsWith('pace'));
    expect(pace?.evidence[0]).toMatchObject({
      ids: ['1'],
      values: { fromMg: 15, toMg: 10.8, reductionPercent: 28 },
    });
    expect(found.find((s) => s.id.endsWith('above-default'))?.evidence).toHaveLength(2);
  });

  it('does not fire for a 5–10% taper every 2 weeks', () => {
    expect(
      taperFastSignal(
        baseInput({ taper: plan(['2026-03-24', 14], ['2026-04-07', 13], ['2026-04-21', 12]) }),
      ),
    ).toEqual([]);
  });

  it('gives only info when the single fast step is the final step to 0 mg', () => {
    const low = regimen({ doses: [{ time: '20:00', amountMg: 1 }] });
    const [s, ...rest] = taperFastSignal(
      baseInput({ regimenVersions: [low], taper: plan(['2026-04-10', 0]) }),
    );
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ id: 'SIG-TAPER-FAST/pace', severity: 'info' });
    expect(s?.clinicianText).toContain('final step to 0 mg');
  });

  it('ignores steps that ended more than 2 weeks ago, and no plan at all', () => {
    expect(
      taperFastSignal(baseInput({ taper: plan(['2026-02-01', 7.5], ['2026-03-01', 7]) })),
    ).toEqual([]);
    expect(taperFastSignal(baseInput())).toEqual([]);
  });
});

describe('withdrawalAfterStepSignal (SIG-WD-AFTER-STEP)', () => {
  const step = plan(['2026-03-24', 13.5]);
  const wd = (day: string, total: number) =>
    questionnaire('withdrawal', `${day}T10:00:00.000Z`, total);

  it('fires (clinician only) when the checklist rises 3–14 days after a step', () => {
    const qs = [wd('2026-03-12', 8), wd('2026-03-18', 8), wd('2026-03-28', 14)];
    const [s] = withdrawalAfterStepSignal(baseInput({ taper: step, questionnaires: qs }));
    expect(s).toMatchObject({
      id: 'SIG-WD-AFTER-STEP',
      severity: 'caution',
      audience: 'clinician',
      patientText: null,
    });
    expect(s?.evidence[0]).toMatchObject({
      kind: 'taperStep',
      ids: ['0'],
      dates: ['2026-03-24'],
      values: { fromMg: 15, toMg: 13.5 },
    });
    expect(s?.evidence[1]).toMatchObject({
      kind: 'questionnaire',
      values: { baselineMean: 8, postStepMean: 14 },
    });
    expect(s?.clinicianText).toContain('Consider pausing or slowing the taper');
  });

  it('does not count symptoms in the first days after the step, or small rises', () => {
    expect(
      withdrawalAfterStepSignal(
        baseInput({ taper: step, questionnaires: [wd('2026-03-18', 8), wd('2026-03-25', 20)] }),
      ),
    ).toEqual([]);
    expect(
      withdrawalAfterStepSignal(
        baseInput({ taper: step, questionnaires: [wd('2026-03-18', 20), wd('2026-03-28', 23)] }),
      ),
    ).toEqual([]);
    expect(
      withdrawalAfterStepSignal(
        baseInput({ taper: step, questionnaires: [wd('2026-03-18', 8), wd('2026-03-28', 10)] }),
      ),
    ).toEqual([]);
  });

  it('fires from check-in ratings, and for a regimen reduction without a plan', () => {
    const checkIns = dailyCheckIns('2026-03-12', '2026-03-31', ['10:00'], (d) =>
      d >= '2026-03-27' ? { anxiety: 6, spasm: 5 } : {},
    );
    const [s] = withdrawalAfterStepSignal(baseInput({ taper: step, checkIns }));
    expect(s?.evidence[1]).toMatchObject({
      kind: 'checkIn',
      values: { baselineMean: 2.5, postStepMean: 5.5 },
    });
    const v1 = regimen({ id: 'v1', endDate: '2026-03-23' });
    const v2 = regimen({
      id: 'v2',
      version: 2,
      startDate: '2026-03-24',
      doses: [
        { time: '08:00', amountMg: 6 },
        { time: '20:00', amountMg: 6 },
      ],
    });
    const [r] = withdrawalAfterStepSignal(baseInput({ regimenVersions: [v1, v2], checkIns }));
    expect(r?.evidence[0]).toMatchObject({ ids: [], values: { fromMg: 15, toMg: 12 } });
  });

  it('does not attribute symptoms to a step outside the window or a dose increase', () => {
    const checkIns = dailyCheckIns('2026-03-01', '2026-03-31', ['10:00'], (d) =>
      d >= '2026-03-20' ? { anxiety: 8, spasm: 8 } : {},
    );
    expect(
      withdrawalAfterStepSignal(baseInput({ taper: plan(['2026-03-10', 13.5]), checkIns })),
    ).toEqual([]);
    expect(
      withdrawalAfterStepSignal(baseInput({ taper: plan(['2026-03-24', 20]), checkIns })),
    ).toEqual([]);
    expect(
      withdrawalAfterStepSignal(
        baseInput({ taper: step, checkIns, settings: { wdStepWindowDays: 2 } }),
      ),
    ).toEqual([]);
  });
});
