import { describe, expect, it } from 'vitest';
import { expectValidSources } from './clinical.test-helpers.js';
import {
  DIAZEPAM_CONCENTRATE,
  DIAZEPAM_INGREDIENT_RXCUI,
  DIAZEPAM_PRODUCTS,
  DIAZEPAM_SCHEDULE,
  FORMULATION_IDS,
  WRONG_TABLET_RXCUIS,
  formulationForRxcui,
} from './product.js';
import {
  BOXED_WARNING,
  DURATION_NOTE,
  GERIATRIC_INITIAL_DOSE,
  NO_FIXED_MAXIMUM,
  SPASM_INDICATION,
  SPASM_USUAL_DOSE,
} from './labelFacts.js';

describe('diazepam product profile', () => {
  it('offers 2, 5 and 10 mg tablets and the 1 mg/mL solution', () => {
    expect(DIAZEPAM_PRODUCTS.tab2.strengthMg).toBe(2);
    expect(DIAZEPAM_PRODUCTS.tab5.strengthMg).toBe(5);
    expect(DIAZEPAM_PRODUCTS.tab10.strengthMg).toBe(10);
    expect(DIAZEPAM_PRODUCTS.sol1.concentrationMgPerMl).toBe(1);
    expect(FORMULATION_IDS).toEqual(['tab10', 'tab5', 'tab2', 'sol1']);
    expect(DIAZEPAM_PRODUCTS.tab5.label).toBe('Diazepam 5 mg tablet');
  });

  it('records the label dyes (2 mg none, 5 mg yellow, 10 mg blue)', () => {
    expect(DIAZEPAM_PRODUCTS.tab2.dye).toBe('none');
    expect(DIAZEPAM_PRODUCTS.tab5.dye).toBe('yellow');
    expect(DIAZEPAM_PRODUCTS.tab10.dye).toBe('blue');
    expect(DIAZEPAM_PRODUCTS.tab2.example).toEqual({
      manufacturer: 'Teva',
      code: '3925',
      colour: 'white',
      imprint: '3925;TEVA',
    });
  });

  it('uses exactly the RxNorm codes of REFERENCE §8.2', () => {
    expect(DIAZEPAM_PRODUCTS.tab2.rxnorm).toEqual({ scd: '197590', sbdValium: '104699' });
    expect(DIAZEPAM_PRODUCTS.tab5.rxnorm).toEqual({ scd: '197591', sbdValium: '104700' });
    expect(DIAZEPAM_PRODUCTS.tab10.rxnorm).toEqual({ scd: '197589', sbdValium: '104701' });
    expect(DIAZEPAM_PRODUCTS.sol1.rxnorm).toEqual({ scd: '309843' });
    expect(DIAZEPAM_CONCENTRATE.rxnorm.scd).toBe('309844');
  });

  it('never uses a code from the wrong-code list for a formulation', () => {
    const used = FORMULATION_IDS.flatMap((id) => Object.values(DIAZEPAM_PRODUCTS[id].rxnorm));
    for (const code of WRONG_TABLET_RXCUIS) expect(used).not.toContain(code);
  });

  it('maps SCD and SBD codes back to formulations', () => {
    expect(formulationForRxcui('197590')).toBe('tab2');
    expect(formulationForRxcui('197591')).toBe('tab5');
    expect(formulationForRxcui('197589')).toBe('tab10');
    expect(formulationForRxcui('104700')).toBe('tab5');
    expect(formulationForRxcui('104701')).toBe('tab10');
    expect(formulationForRxcui('309843')).toBe('sol1');
    // concentrate, injectable, ingredient and wrong codes are not schedulable formulations
    for (const code of ['309844', '309845', '3322', '314249', '197593', '']) {
      expect(formulationForRxcui(code)).toBeNull();
    }
  });

  it('knows the concentrate but does not offer it for tapering by default', () => {
    expect(DIAZEPAM_CONCENTRATE.concentrationMgPerMl).toBe(5);
    expect(DIAZEPAM_CONCENTRATE.offeredForTaperingByDefault).toBe(false);
    expectValidSources(DIAZEPAM_CONCENTRATE.sources);
  });

  it('is Schedule IV', () => {
    expect(DIAZEPAM_SCHEDULE.us).toBe('C-IV');
    expect(DIAZEPAM_SCHEDULE.sources.map((s) => s.id)).toEqual(['OPENFDA-NDC']);
  });

  it('keeps the partly confirmed ingredient code as an unconfirmed parameter', () => {
    expect(DIAZEPAM_INGREDIENT_RXCUI.value).toBe('3322');
    expect(DIAZEPAM_INGREDIENT_RXCUI.confirmed).toBe(false);
    expect(DIAZEPAM_INGREDIENT_RXCUI.sources[0]).toMatchObject({ id: 'SEC-CODE', status: 'P' });
  });

  it('cites valid sources for every product', () => {
    for (const id of FORMULATION_IDS) expectValidSources(DIAZEPAM_PRODUCTS[id].sources);
    expect(DIAZEPAM_PRODUCTS.tab2.sources.map((s) => s.id)).toContain('CDC-OPIOIDCDS');
  });
});

describe('label facts', () => {
  it('gives the usual spasm dose 2–10 mg 3–4 times daily', () => {
    expect(SPASM_USUAL_DOSE).toMatchObject({
      minMgPerDose: 2,
      maxMgPerDose: 10,
      minTimesPerDay: 3,
      maxTimesPerDay: 4,
    });
    expect(SPASM_USUAL_DOSE.sources.every((s) => s.status === 'C')).toBe(true);
  });

  it('gives the geriatric initial dose 2–2.5 mg 1–2 times daily with a partly confirmed source', () => {
    expect(GERIATRIC_INITIAL_DOSE).toMatchObject({
      minMgPerDose: 2,
      maxMgPerDose: 2.5,
      minTimesPerDay: 1,
      maxTimesPerDay: 2,
    });
    expect(GERIATRIC_INITIAL_DOSE.sources.map((s) => s.status)).toEqual(['C', 'P']);
  });

  it('states no fixed maximum; 40 mg/day is arithmetic only', () => {
    expect(NO_FIXED_MAXIMUM.labelMaximumMgPerDay).toBeNull();
    expect(NO_FIXED_MAXIMUM.usualSpasmTopMgPerDay).toBe(
      SPASM_USUAL_DOSE.maxMgPerDose * SPASM_USUAL_DOSE.maxTimesPerDay,
    );
  });

  it('summarises the three parts of the boxed warning', () => {
    expect(BOXED_WARNING.items.map((i) => i.id)).toEqual([
      'opioids',
      'abuse-misuse-addiction',
      'dependence-withdrawal',
    ]);
    expect(BOXED_WARNING.items[0]?.summary).toContain('respiratory depression');
    expect(BOXED_WARNING.versionNote).toContain('2016');
  });

  it('cites valid sources for every fact', () => {
    for (const f of [
      SPASM_INDICATION,
      SPASM_USUAL_DOSE,
      GERIATRIC_INITIAL_DOSE,
      NO_FIXED_MAXIMUM,
      DURATION_NOTE,
      BOXED_WARNING,
    ]) {
      expectValidSources(f.sources);
    }
  });
});
