import { describe, expect, it } from 'vitest';
import { DO_NOT_STOP_SUDDENLY } from './common.js';
import { WITHDRAWAL_CHECKLIST as WD } from './withdrawal.js';
import {
  WITHDRAWAL_DOMAINS,
  WITHDRAWAL_RED_FLAGS,
  WITHDRAWAL_SYMPTOMS,
} from './withdrawalItems.js';
import { answersWithTotal, expectValidSources, scored } from './instruments.test-helpers.js';

const none = answersWithTotal(WD, 0);

describe('withdrawal checklist definition', () => {
  it('lists every sign and symptom of JCPG-2025 Table 3 under its domain', () => {
    const byDomain = Object.fromEntries(
      WITHDRAWAL_DOMAINS.map(({ id }) => [
        id,
        WD.items.filter((i) => i.domain === id).map((i) => i.clinicianLabel),
      ]),
    );
    expect(byDomain).toEqual({
      general: ['Elevated BP', 'Headaches', 'Sweating, night sweats'],
      affective: ['Anxiety, panic', 'Depression, dysphoria', 'Irritability, agitation, aggression'],
      cardiovascular: ['Chest pain', 'Palpitations', 'Tachycardia'],
      gastrointestinal: ['Cramps', 'Diarrhoea', 'Nausea and vomiting'],
      neurological: [
        'Cognitive impairment',
        'Confusion or delirium*',
        'Perceptual disturbance',
        'Seizures*',
        'Sensory hypersensitivity',
        'Tingling, numbness',
        'Tinnitus',
      ],
      neuromuscular: [
        'Coordination and balance problems',
        'Dysesthesia',
        'Muscle pain (tension, weakness, spasms)',
        'Twitches, fasciculations',
        'Tremor',
      ],
      neuropsychiatric: [
        'Akathisia, restlessness',
        'Depersonalisation, derealisation',
        'Psychosis*',
        'Suicidality and self-harm',
      ],
      sleep: ['Hypersomnia', 'Insomnia', 'Nightmares'],
    });
    expect(new Set(WD.items.map((i) => i.id)).size).toBe(WD.items.length);
  });

  it('says plainly that it is a checklist, not a validated scale, and has no bands', () => {
    expect(WD.kind).toBe('checklist');
    expect(WD.description).toMatch(/not a validated scale/);
    expect(WD.scoring.description).toMatch(/Not validated; no bands/);
    expect(WD.bands).toEqual([]);
    expect(WD.instructions).toContain(DO_NOT_STOP_SUDDENLY);
    expectValidSources(WD.sources);
  });

  it('marks exactly the four red-flag symptoms', () => {
    expect(WITHDRAWAL_SYMPTOMS.filter((s) => s.redFlag).map((s) => s.redFlag)).toEqual([
      'confusion',
      'seizure',
      'psychosis',
      'suicidality',
    ]);
    for (const flag of Object.values(WITHDRAWAL_RED_FLAGS)) expectValidSources(flag.sources);
  });
});

describe('withdrawal checklist scoring', () => {
  it('reports 0 burden and 0 symptoms when nothing is present', () => {
    const score = scored(WD.score(none));
    expect(score.total).toBe(0);
    expect(score.band).toBeNull();
    expect(score.flags).toEqual([]);
    expect(score.subscores.find((s) => s.id === 'symptom-count')?.value).toBe(0);
  });

  it('counts symptoms present, sums the burden overall and per domain', () => {
    const score = scored(
      WD.score({ ...none, 'wd-anxiety': 3, 'wd-low-mood': 1, 'wd-insomnia': 2, 'wd-tremor': 1 }),
    );
    expect(score.total).toBe(7);
    const sub = Object.fromEntries(score.subscores.map((s) => [s.id, [s.value, s.max]]));
    expect(sub).toEqual({
      'symptom-count': [4, 31],
      'domain-general': [0, 9],
      'domain-affective': [4, 9],
      'domain-cardiovascular': [0, 9],
      'domain-gastrointestinal': [0, 9],
      'domain-neurological': [0, 21],
      'domain-neuromuscular': [1, 15],
      'domain-neuropsychiatric': [0, 12],
      'domain-sleep': [2, 9],
    });
  });

  it('reaches 93 when every symptom is severe', () => {
    expect(scored(WD.score(answersWithTotal(WD, 93))).total).toBe(93);
    expect(WD.scoring.max).toBe(93);
  });

  it.each([
    ['wd-suicidality', 'crisis'],
    ['wd-seizure', 'crisis'],
    ['wd-confusion', 'urgent'],
    ['wd-psychosis', 'urgent'],
  ])('%s at "Mild" already raises a %s flag for patient and clinician', (itemId, kind) => {
    const score = scored(WD.score({ ...none, [itemId]: 1 }));
    expect(score.flags).toHaveLength(1);
    expect(score.flags[0]).toMatchObject({
      kind,
      audience: 'patient-and-clinician',
      itemIds: [itemId],
    });
    expect(score.flags[0]?.patientText).toMatch(/emergency number/);
  });

  it('tells the patient not to stop diazepam alone with the withdrawal red flags', () => {
    for (const kind of ['seizure', 'confusion', 'psychosis'] as const) {
      expect(WITHDRAWAL_RED_FLAGS[kind].patientText).toContain(DO_NOT_STOP_SUDDENLY);
    }
  });

  it('raises red flags from an incomplete form, without a score', () => {
    const out = WD.score({ 'wd-seizure': 2, 'wd-suicidality': 1 });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.safetyFlags.map((f) => f.id)).toEqual([
        'withdrawal.red-flag.seizure',
        'withdrawal.red-flag.suicidality',
      ]);
      expect(out.errors).toHaveLength(29);
    }
  });
});
