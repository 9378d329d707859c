import { describe, expect, it } from 'vitest';
import { alcoholSignal, ALCOHOL_RE, otherPurposeSignal } from './otherPurpose.js';
import {
  baseInput,
  checkIn,
  extraDose,
  med,
  questionnaire,
  regimen,
} from './signals.test-helpers.js';
import { mentions } from './text.js';

describe('mentions', () => {
  it.each([
    ['two beers tonight', true],
    ['Glass of WINE with dinner', true],
    ['no alcohol today', false],
    ["didn't have any wine", false],
    ['without beer, but a gin later', true],
    ['begin rumba class', false],
  ])('%s → %s', (text, expected) => {
    expect(mentions(text, ALCOHOL_RE)).toBe(expected);
  });
});

describe('alcoholSignal (SIG-OTHER-PURPOSE/alcohol)', () => {
  it('fires from activities and notes, with the label advice for the patient', () => {
    const a = checkIn('2026-03-20', '21:00', { activities: ['walk', 'beer'] });
    const b = checkIn('2026-03-28', '21:00', { note: 'had two glasses of wine' });
    const [s] = alcoholSignal(
      baseInput({ checkIns: [a, b, checkIn('2026-03-29', '21:00', { note: 'no alcohol' })] }),
    );
    expect(s).toMatchObject({
      id: 'SIG-OTHER-PURPOSE/alcohol',
      severity: 'caution',
      audience: 'both',
    });
    expect(s?.evidence[0]?.ids).toEqual([a.id, b.id]);
    expect(s?.patientText).toContain('logged alcohol 2 times');
    expect(s?.patientText).toContain('label warns against drinking alcohol');
    expect(s?.sources[0]).toMatchObject({ id: 'LABEL-TAB', status: 'C' });
  });

  it('fires from an alcohol item or an alcohol entry on the medication list', () => {
    const [s] = alcoholSignal(
      baseInput({ questionnaires: [questionnaire('alcohol', '2026-03-25T20:00:00Z', 3)] }),
    );
    expect(s?.evidence[0]).toMatchObject({ kind: 'questionnaire', values: { answers: 1 } });
    const [m] = alcoholSignal(baseInput({ otherMedications: [med('alcohol')] }));
    expect(m?.evidence[0]?.kind).toBe('medication');
  });

  it('does not fire for zero answers, negated notes or old entries', () => {
    const input = baseInput({
      questionnaires: [questionnaire('alcohol', '2026-03-25T20:00:00Z', 0)],
      checkIns: [
        checkIn('2026-03-29', '21:00', { note: 'never drink wine' }),
        checkIn('2026-02-01', '21:00', { activities: ['beer'] }),
      ],
    });
    expect(alcoholSignal(input)).toEqual([]);
  });
});

describe('otherPurposeSignal (SIG-OTHER-PURPOSE/reason)', () => {
  it('flags doses taken for sleep, anxiety or the feeling (info, clinician only)', () => {
    const doses = [
      extraDose('2026-03-20', '23:00', 5, 'to sleep'),
      extraDose('2026-03-25', '15:00', 5, 'anxious before meeting'),
      extraDose('2026-03-27', '19:00', 5, 'to relax'),
    ];
    const [s] = otherPurposeSignal(baseInput({ doses }));
    expect(s).toMatchObject({
      id: 'SIG-OTHER-PURPOSE/reason',
      severity: 'info',
      audience: 'clinician',
      patientText: null,
    });
    expect(s?.evidence[0]).toMatchObject({
      ids: doses.map((d) => d.id),
      values: { sleep: 1, anxiety: 1, feeling: 1 },
    });
    expect(s?.clinicianText).toContain('not misuse');
  });

  it('does not flag reasons tied to pain or spasm, the stated indication, or a single dose', () => {
    const spasm = [
      extraDose('2026-03-20', '23:00', 5, 'spasm kept me from sleep'),
      extraDose('2026-03-21', '23:00', 5, 'back pain, could not sleep'),
    ];
    expect(otherPurposeSignal(baseInput({ doses: spasm }))).toEqual([]);
    const anx = regimen({ indication: 'anxiety and muscle spasm' });
    const anxious = [
      extraDose('2026-03-20', '15:00', 5, 'anxiety'),
      extraDose('2026-03-22', '15:00', 5, 'panic'),
    ];
    expect(otherPurposeSignal(baseInput({ regimenVersions: [anx], doses: anxious }))).toEqual([]);
    expect(
      otherPurposeSignal(baseInput({ doses: [extraDose('2026-03-20', '23:00', 5, 'to sleep')] })),
    ).toEqual([]);
  });

  it('ignores doses older than the window', () => {
    const doses = [
      extraDose('2026-02-01', '23:00', 5, 'to sleep'),
      extraDose('2026-02-02', '23:00', 5, 'to sleep'),
    ];
    expect(otherPurposeSignal(baseInput({ doses }))).toEqual([]);
  });
});
