import { describe, expect, it } from 'vitest';
import type { OtherMedication } from '../regimen/types.js';
import { INTERACTION_CLASS_IDS } from './interactionTypes.js';
import {
  buildMatcher,
  checkMedications,
  matchMedication,
  parseMedicationNameLines,
  tokenizeMedicationText,
} from './matcher.js';
import { CLASS_NAME_LINES } from './medicationNames.js';

const classes = (text: string): string[] => matchMedication(text).map((m) => m.interactionClass.id);
const names = (text: string): string[] =>
  matchMedication(text).flatMap((m) => m.names.map((n) => n.name));

describe('tokenizeMedicationText', () => {
  it('splits words from numbers and on separators, folding case and accents', () => {
    expect(tokenizeMedicationText('OxyContin 10mg ER').map((t) => t.norm)).toEqual([
      'oxycontin',
      '10',
      'mg',
      'er',
    ]);
    expect(tokenizeMedicationText('hydrocodone/APAP 5-325+x').map((t) => t.norm)).toEqual([
      'hydrocodone',
      'apap',
      '5',
      '325',
      'x',
    ]);
    expect(tokenizeMedicationText('Tégrétol').map((t) => t.norm)).toEqual(['tegretol']);
    expect(tokenizeMedicationText('  ')).toEqual([]);
  });

  it('keeps offsets into the original text', () => {
    expect(tokenizeMedicationText('a Norco')[1]).toEqual({ norm: 'norco', start: 2, end: 7 });
  });
});

describe('matchMedication: what people type', () => {
  it.each([
    ['OxyContin 10mg ER', 'opioids', 'OxyContin', 'oxycodone'],
    ['oxycodone/acetaminophen', 'opioids', 'oxycodone', 'oxycodone'],
    ['Percocet', 'opioids', 'Percocet', 'oxycodone'],
    ['Norco', 'opioids', 'Norco', 'hydrocodone'],
    ['tramadol 50 mg', 'opioids', 'tramadol', 'tramadol'],
    ['Neurontin', 'gabapentinoids', 'Neurontin', 'gabapentin'],
    ['Lyrica', 'gabapentinoids', 'Lyrica', 'pregabalin'],
    ['omeprazole 20mg', 'cyp-inhibitors-label', 'omeprazole', 'omeprazole'],
    ['Tegretol', 'enzyme-inducers', 'Tegretol', 'carbamazepine'],
    ['Tylenol with codeine', 'opioids', 'codeine', 'codeine'],
    ['Tylenol #3', 'opioids', 'Tylenol 3', 'codeine'],
    ['Tylenol No. 3', 'opioids', 'Tylenol No 3', 'codeine'],
    ['hydrocodone-APAP 5-325', 'opioids', 'hydrocodone', 'hydrocodone'],
    ['oxycodone+naloxone', 'opioids', 'oxycodone', 'oxycodone'],
    ['oxycodone10mg', 'opioids', 'oxycodone', 'oxycodone'],
    ['MS Contin 15 mg', 'opioids', 'MS Contin', 'morphine'],
    ['Suboxone 8-2 film', 'opioids', 'Suboxone', 'buprenorphine'],
    ['fentanyl 25 mcg/hr patch', 'opioids', 'fentanyl', 'fentanyl'],
    ['Tylenol PM', 'cns-sedating-antihistamines', 'Tylenol PM', 'diphenhydramine'],
    ['Benadryl 25', 'cns-sedating-antihistamines', 'Benadryl', 'diphenhydramine'],
    ['Xanax XR 1mg', 'benzodiazepines', 'Xanax', 'alprazolam'],
    ['Ambien CR', 'cns-hypnotics', 'Ambien', 'zolpidem'],
    ['Seroquel 25mg at night', 'cns-antipsychotics', 'Seroquel', 'quetiapine'],
    ['Cymbalta 60', 'cns-antidepressants', 'Cymbalta', 'duloxetine'],
    ['Paxlovid', 'cyp-inhibitors-smpc', 'Paxlovid', 'ritonavir'],
    ['Cardizem CD', 'cyp-inhibitors-smpc', 'Cardizem', 'diltiazem'],
    ['rifampicin 600 mg', 'rifampin', 'rifampicin', 'rifampicin'],
    ['Dilantin', 'phenytoin-levels', 'Dilantin', 'phenytoin'],
    ['warfarin 5mg', 'cyp-substrates', 'warfarin', 'warfarin'],
    ['isoniazid 300', 'isoniazid', 'isoniazid', 'isoniazid'],
    ['red wine', 'alcohol', 'wine', 'wine'],
  ])('%s → %s (%s)', (text, classId, name, generic) => {
    const m = matchMedication(text).find((x) => x.interactionClass.id === classId);
    expect(m, `${text} should match ${classId}`).toBeDefined();
    expect(m?.names).toContainEqual(expect.objectContaining({ name, generic }));
  });

  it('matches any case and returns the words as typed', () => {
    expect(classes('OXYCONTIN')).toEqual(['opioids']);
    expect(classes('oxycontin')).toEqual(['opioids']);
    expect(matchMedication('OxyContin 10mg ER')[0]?.names[0]?.text).toBe('OxyContin');
    expect(matchMedication('take Tylenol #3 for pain')[0]?.names[0]?.text).toBe('Tylenol #3');
  });

  it('accepts plurals of longer names', () => {
    expect(names('Percocets')).toEqual(['Percocet']);
    expect(names('norcos')).toEqual(['Norco']);
  });

  it('finds every class a medicine belongs to, most severe first', () => {
    expect(classes('omeprazole 20mg')).toEqual(['cyp-inhibitors-label', 'cyp-substrates']);
    expect(classes('Tegretol')).toEqual(['cns-anticonvulsants', 'enzyme-inducers']);
    expect(classes('Prozac')).toEqual(['cyp-inhibitors-label', 'cns-antidepressants']);
    expect(classes('Fioricet with codeine')).toEqual([
      'opioids',
      'cns-barbiturates',
      'enzyme-inducers',
    ]);
    expect(classes('Xanax and Norco')).toEqual(['opioids', 'benzodiazepines']);
  });

  it('lists each name once per class, brand and generic both', () => {
    expect(names('oxycodone oxycodone')).toEqual(['oxycodone']);
    expect(names('Percocet (oxycodone-acetaminophen)')).toEqual(['Percocet', 'oxycodone']);
  });

  it.each([
    'Tylenol',
    'Tylenol 325 mg',
    'Tylenol 3 times a day',
    'Tylenol 2 tablets',
    'acetaminophen 500mg',
    'Advil',
    'ibuprofen 400 mg',
    'Claritin',
    'loratadine 10mg',
    'metformin 500mg',
    'lisinopril',
    'Lipitor',
    'Norvasc',
    'Oxytrol patch',
    'naloxone',
    'Narcan nasal spray (opioid overdose)',
    'isopropyl alcohol swabs',
    'alcohol-free mouthwash',
    'non-alcoholic beer',
    'hydroxychloroquine',
    'codeine-free cough syrup',
    '',
    '10 mg',
  ])('does not match %j', (text) => {
    expect(matchMedication(text)).toEqual([]);
  });

  it('knows a name for every class, and every listed line parses', () => {
    for (const id of INTERACTION_CLASS_IDS) {
      const entries = parseMedicationNameLines(CLASS_NAME_LINES[id]);
      expect(entries.length, id).toBeGreaterThan(0);
      for (const e of entries) expect(e.name, id).toMatch(/\w/);
    }
  });

  it('matches the reference examples to their classes', () => {
    for (const n of ['cimetidine', 'ketoconazole', 'fluvoxamine', 'fluoxetine', 'omeprazole']) {
      expect(classes(n)).toContain('cyp-inhibitors-label');
    }
    for (const n of [
      'clarithromycin',
      'erythromycin',
      'ritonavir',
      'verapamil',
      'diltiazem',
      'idelalisib',
    ]) {
      expect(classes(n)).toContain('cyp-inhibitors-smpc');
    }
    for (const n of ['carbamazepine', 'phenytoin', 'phenobarbital'])
      expect(classes(n)).toContain('enzyme-inducers');
    for (const n of [
      'propranolol',
      'imipramine',
      'cyclosporine',
      'paclitaxel',
      'terfenadine',
      'theophylline',
    ]) {
      expect(classes(n)).toContain('cyp-substrates');
    }
    expect(classes('gabapentin')).toEqual(['gabapentinoids']);
    expect(classes('pregabalin')).toEqual(['gabapentinoids']);
  });
});

describe('parseMedicationNameLines', () => {
  it('reads generic lines, brand lines and comma lists', () => {
    expect(parseMedicationNameLines('\n a, b \ncodeine: Tylenol 3, Tuzistra\n')).toEqual([
      { name: 'a', generic: 'a' },
      { name: 'b', generic: 'b' },
      { name: 'codeine', generic: 'codeine' },
      { name: 'Tylenol 3', generic: 'codeine' },
      { name: 'Tuzistra', generic: 'codeine' },
    ]);
  });
});

describe('clinic extra names', () => {
  it('adds names to a class through buildMatcher', () => {
    const matcher = buildMatcher({
      'cns-anxiolytics-sedatives': ['carisoprodol', { name: 'Soma', generic: 'carisoprodol' }],
    });
    expect(matcher.match('Soma 350 mg')[0]).toMatchObject({
      interactionClass: { id: 'cns-anxiolytics-sedatives' },
      names: [{ name: 'Soma', generic: 'carisoprodol', text: 'Soma' }],
    });
    expect(matcher.match('carisoprodol')[0]?.names[0]).toMatchObject({
      name: 'carisoprodol',
      generic: null,
    });
    expect(matchMedication('Soma')).toEqual([]);
  });

  it('accepts extra names per call or a prebuilt matcher', () => {
    const extra = { opioids: ['kratom'] };
    expect(matchMedication('Kratom capsules', { extraNames: extra })[0]?.interactionClass.id).toBe(
      'opioids',
    );
    const matcher = buildMatcher(extra);
    expect(matchMedication('kratom', { matcher, extraNames: {} })).toHaveLength(1);
  });

  it('ignores undefined entries and rejects bad configuration', () => {
    expect(() => buildMatcher({ opioids: undefined })).not.toThrow();
    expect(() => buildMatcher({ 'muscle-relaxants': ['Soma'] } as never)).toThrow(RangeError);
    expect(() => buildMatcher({ opioids: ['  '] })).toThrow(RangeError);
  });
});

describe('checkMedications', () => {
  const med = (id: string, name: string, active = true): OtherMedication => ({
    id,
    name,
    dose: null,
    frequency: null,
    active,
  });

  it('summarises findings per medication and per class', () => {
    const r = checkMedications([
      med('a', 'Norco 10/325'),
      med('b', 'Prozac'),
      med('c', 'metformin'),
      med('d', 'Percocet'),
    ]);
    expect(r.findings.map((f) => f.medication.id)).toEqual(['a', 'b', 'd']);
    expect(r.classes.map((c) => [c.interactionClass.id, c.medicationIds])).toEqual([
      ['opioids', ['a', 'd']],
      ['cyp-inhibitors-label', ['b']],
      ['cns-antidepressants', ['b']],
    ]);
    expect(r.highestSeverity).toBe('critical');
  });

  it('skips inactive medications unless asked', () => {
    const meds = [med('a', 'Norco', false)];
    expect(checkMedications(meds).findings).toEqual([]);
    expect(checkMedications(meds, { includeInactive: true }).findings).toHaveLength(1);
  });

  it('reports no graded severity when only ungraded classes or nothing match', () => {
    expect(checkMedications([med('a', 'Seroquel')]).highestSeverity).toBeNull();
    expect(checkMedications([])).toEqual({ findings: [], classes: [], highestSeverity: null });
  });

  it('uses clinic names', () => {
    const r = checkMedications([med('a', 'Soma')], {
      extraNames: { 'cns-anxiolytics-sedatives': ['Soma'] },
    });
    expect(r.classes[0]?.interactionClass.id).toBe('cns-anxiolytics-sedatives');
  });
});
