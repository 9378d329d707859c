import { describe, expect, it } from 'vitest';
import { postTaperSignal } from './postTaper.js';
import { baseInput, extraDose, ids, questionnaire } from './signals.test-helpers.js';
import type { SignalInput, SignalTaperPlan } from './types.js';

/** A plan that reached 0 mg on 2026-02-01 (now is 2026-03-31). */
const stopped: SignalTaperPlan = {
  steps: [
    { index: 0, startDate: '2026-01-04', dailyTotalMg: 2 },
    { index: 1, startDate: '2026-01-18', dailyTotalMg: 1 },
    { index: 2, startDate: '2026-02-01', dailyTotalMg: 0 },
  ],
};
const wd = (day: string, total: number) =>
  questionnaire('withdrawal', `${day}T10:00:00.000Z`, total);
/** Checklists around the end of the taper: mean 6. */
const endOfTaper = [wd('2026-01-25', 6), wd('2026-02-04', 6), wd('2026-02-10', 6)];
const input = (o: Partial<SignalInput>): SignalInput =>
  baseInput({ regimenVersions: [], taper: stopped, ...o });

describe('postTaperSignal (SIG-POST-TAPER)', () => {
  it('flags a withdrawal checklist rising in follow-up against the end of the taper', () => {
    const [s, ...rest] = postTaperSignal(
      input({ questionnaires: [...endOfTaper, wd('2026-03-03', 11)] }),
    );
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      id: 'SIG-POST-TAPER/symptoms',
      severity: 'caution',
      audience: 'clinician',
      patientText: null,
    });
    expect(s?.evidence[0]).toMatchObject({ kind: 'taperStep', ids: ['2'] });
    expect(s?.evidence[1]).toMatchObject({
      kind: 'questionnaire',
      values: { baselineMean: 6, postStepMean: 11 },
    });
    expect(s?.clinicianText).toContain('not a diagnosis');
    expect(s?.sources.map((x) => x.id)).toEqual([
      'SEC-LABEL',
      'ASHTON-1995',
      'JCPG-2025',
      'JCPG-2025',
    ]);
    expect(s?.settings['signals.postTaper.recentDays']).toBe(45);
  });

  it('does not flag a small rise, old follow-up answers, or answers without a baseline', () => {
    expect(
      postTaperSignal(input({ questionnaires: [...endOfTaper, wd('2026-03-20', 8)] })),
    ).toEqual([]);
    // Outside the last 45 days.
    expect(
      postTaperSignal(input({ questionnaires: [...endOfTaper, wd('2026-02-14', 15)] })),
    ).toEqual([]);
    expect(postTaperSignal(input({ questionnaires: [wd('2026-03-20', 20)] }))).toEqual([]);
  });

  it('flags diazepam logged on or after the day the plan reached 0 mg', () => {
    const before = extraDose('2026-01-31', '20:00', 1);
    const after = extraDose('2026-03-15', '22:00', 2);
    const [s] = postTaperSignal(input({ doses: [before, after] }));
    expect(s?.id).toBe('SIG-POST-TAPER/doses');
    expect(s?.evidence[1]).toMatchObject({
      kind: 'dose',
      ids: [after.id],
      values: { doses: 1, totalMg: 2 },
    });
    expect(postTaperSignal(input({ doses: [before] }))).toEqual([]);
  });

  it('is silent before 0 mg, after the follow-up, for a maintenance goal, and without a plan', () => {
    const dose = extraDose('2026-03-15', '22:00', 2);
    const both = { doses: [dose], questionnaires: [...endOfTaper, wd('2026-03-03', 11)] };
    expect(ids(postTaperSignal(input(both)))).toEqual([
      'SIG-POST-TAPER/doses',
      'SIG-POST-TAPER/symptoms',
    ]);
    expect(
      postTaperSignal(input({ ...both, taper: { ...stopped, followUpEndDate: '2026-03-30' } })),
    ).toEqual([]);
    expect(postTaperSignal(input({ ...both, settings: { postTaperFollowUpMonths: 1 } }))).toEqual(
      [],
    );
    const maintenance = { steps: stopped.steps.slice(0, 2) };
    expect(postTaperSignal(input({ ...both, taper: maintenance }))).toEqual([]);
    expect(postTaperSignal(input({ ...both, now: '2026-01-31T12:00:00.000Z' }))).toEqual([]);
    expect(postTaperSignal(input({ ...both, taper: null }))).toEqual([]);
  });
});
