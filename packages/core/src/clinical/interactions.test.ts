import { describe, expect, it } from 'vitest';
import { DOSE_CHANGE_WORDING, expectValidSources } from './clinical.test-helpers.js';
import {
  INTERACTION_CLASSES,
  interactionClass,
  isInteractionClassId,
  severityRank,
} from './interactions.js';
import { GRADED_NOTE, INTERACTION_CLASS_IDS, NOT_GRADED_NOTE } from './interactionTypes.js';
import type { InteractionClassId } from './interactionTypes.js';

describe('interaction classes', () => {
  it('has one class per id, in id order', () => {
    expect(INTERACTION_CLASSES.map((c) => c.id)).toEqual([...INTERACTION_CLASS_IDS]);
  });

  it('grades only the rows the reference grades', () => {
    const graded = Object.fromEntries(
      INTERACTION_CLASSES.filter((c) => c.severity !== null).map((c) => [c.id, c.severity]),
    );
    expect(graded).toEqual({
      opioids: 'critical',
      alcohol: 'high',
      gabapentinoids: 'high',
      'cyp-inhibitors-label': 'moderate',
    });
    for (const c of INTERACTION_CLASSES) {
      expect(c.severityNote).toBe(c.severity === null ? NOT_GRADED_NOTE : GRADED_NOTE);
    }
  });

  it('cites the reference sources for each class', () => {
    for (const c of INTERACTION_CLASSES) expectValidSources(c.sources);
    const ids = (id: InteractionClassId): string[] => interactionClass(id).sources.map((s) => s.id);
    expect(ids('opioids')).toEqual(['LABEL-TAB', 'FDA-DSC-2016', 'VADOD-OPIOID-2017', 'JCPG-2025']);
    expect(ids('gabapentinoids')).toEqual(['FDA-DSC-2019-GABA']);
    expect(ids('cyp-inhibitors-label')).toEqual(['MGS-CYP2C19', 'ZOMORODI-1996']);
    expect(ids('cns-hypnotics')).toEqual(['SEC-MONO']);
    expect(interactionClass('cyp-inhibitors-smpc').sources[0]?.status).toBe('P');
    expect(interactionClass('rifampin').sources.map((s) => s.status)).toEqual(['C', 'P']);
  });

  it('lists the reference examples', () => {
    expect(interactionClass('cyp-inhibitors-label').referenceExamples).toEqual([
      'cimetidine',
      'ketoconazole',
      'fluvoxamine',
      'fluoxetine',
      'omeprazole',
    ]);
    expect(interactionClass('cyp-inhibitors-smpc').referenceExamples).toEqual([
      'clarithromycin',
      'erythromycin',
      'ritonavir',
      'verapamil',
      'diltiazem',
      'idelalisib',
    ]);
  });

  it('describes the direction of metabolic effects', () => {
    expect(interactionClass('cyp-inhibitors-label').effectKind).toBe('raises-diazepam-exposure');
    expect(interactionClass('isoniazid').effectKind).toBe('raises-diazepam-exposure');
    expect(interactionClass('rifampin').effectKind).toBe('lowers-diazepam-exposure');
    expect(interactionClass('enzyme-inducers').effectKind).toBe('lowers-diazepam-exposure');
    expect(interactionClass('cyp-substrates').effectKind).toBe('diazepam-affects-other');
    expect(interactionClass('benzodiazepines').effectKind).toBe('duplication');
  });

  it('patient text points to the prescriber or pharmacist and never suggests a dose change', () => {
    for (const c of INTERACTION_CLASSES) {
      expect(c.patientText, c.id).toMatch(/prescriber|pharmacist/);
      expect(c.patientText, c.id).not.toMatch(DOSE_CHANGE_WORDING);
      expect(c.clinicianText.length).toBeGreaterThan(20);
    }
    expect(interactionClass('opioids').patientText).toContain(
      'Do not stop or change either medicine',
    );
    expect(interactionClass('opioids').patientText).toContain('call emergency services');
  });

  it('the dose-change detector itself catches dose-change wording', () => {
    expect('Reduce your dose of diazepam').toMatch(DOSE_CHANGE_WORDING);
    expect('You may take more when needed').toMatch(DOSE_CHANGE_WORDING);
    expect('Do not stop or change either medicine on your own.').not.toMatch(DOSE_CHANGE_WORDING);
    expect('do not stop or change diazepam on your own').not.toMatch(DOSE_CHANGE_WORDING);
    expect('You can change your dose').toMatch(DOSE_CHANGE_WORDING);
    expect('stop taking it').toMatch(DOSE_CHANGE_WORDING);
  });

  it('looks classes up by id and validates ids', () => {
    expect(interactionClass('alcohol').name).toBe('Alcohol');
    expect(() => interactionClass('nope' as InteractionClassId)).toThrow(RangeError);
    expect(isInteractionClassId('opioids')).toBe(true);
    expect(isInteractionClassId('muscle-relaxants')).toBe(false);
  });

  it('ranks severities with ungraded last', () => {
    expect(
      [null, 'low', 'critical', 'moderate', 'high'].map((s) => severityRank(s as never)),
    ).toEqual([4, 3, 0, 2, 1]);
  });
});
