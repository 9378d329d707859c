import { describe, expect, it } from 'vitest';
import {
  dispensingFromDraft,
  initialDispensingDraft,
  interactionFromDraft,
  reconciliationFromDraft,
  REGIMEN_KEY,
  type DispensingDraft,
} from './forms';

const NOW = '2026-03-10T14:00:00.000Z';
const nowMs = Date.parse(NOW);
const draft = (o: Partial<DispensingDraft> = {}): DispensingDraft => ({
  formulation: 'tab5',
  quantity: '30',
  date: '2026-03-10',
  time: '09:00',
  daysSupply: '',
  note: '',
  ...o,
});

describe('dispensing form', () => {
  it('starts empty, dated now in the patient’s zone', () => {
    expect(initialDispensingDraft(NOW, 'America/New_York')).toEqual({
      formulation: 'tab5',
      quantity: '',
      date: '2026-03-10',
      time: '10:00',
      daysSupply: '',
      note: '',
    });
    expect(initialDispensingDraft('2026-03-11T02:00:00.000Z', 'America/Los_Angeles').date).toBe(
      '2026-03-10',
    );
  });

  it('turns the local date and time into an instant in the patient’s zone', () => {
    expect(
      dispensingFromDraft(
        draft({ daysSupply: ' 10 ', note: '  Blister pack ' }),
        'America/New_York',
        nowMs,
      ),
    ).toEqual({
      input: {
        formulation: 'tab5',
        quantity: 30,
        dispensedAt: '2026-03-10T13:00:00.000Z',
        daysSupply: 10,
        note: 'Blister pack',
      },
    });
    const solution = dispensingFromDraft(
      draft({ formulation: 'sol1', quantity: '100,5' }),
      'UTC',
      nowMs,
    );
    expect(solution).toMatchObject({ input: { quantity: 100.5, daysSupply: null, note: null } });
  });

  it('names what is wrong with each field', () => {
    const errors = (o: Partial<DispensingDraft>) => {
      const r = dispensingFromDraft(draft(o), 'UTC', nowMs);
      return 'errors' in r ? r.errors : null;
    };
    expect(errors({ quantity: ' ' })).toEqual({ quantity: 'required' });
    expect(errors({ quantity: '-3' })).toEqual({ quantity: 'notPositive' });
    expect(errors({ quantity: 'thirty' })).toEqual({ quantity: 'notPositive' });
    expect(errors({ quantity: '5000' })).toEqual({ quantity: 'tooLarge' });
    expect(errors({ quantity: '2.25' })).toEqual({ quantity: 'step' });
    expect(errors({ quantity: '14.5' })).toBeNull();
    expect(errors({ date: '2026-02-30' })).toEqual({ when: 'invalid' });
    expect(errors({ time: '' })).toEqual({ when: 'invalid' });
    expect(errors({ date: '2026-03-11' })).toEqual({ when: 'future' });
    expect(errors({ time: '14:04' })).toBeNull(); // a few minutes of clock skew
    expect(errors({ daysSupply: '0' })).toEqual({ daysSupply: 'invalid' });
    expect(errors({ daysSupply: '7.5' })).toEqual({ daysSupply: 'invalid' });
    expect(errors({ daysSupply: '400' })).toEqual({ daysSupply: 'invalid' });
    expect(errors({ quantity: '', daysSupply: 'x', time: '25:00' })).toEqual({
      quantity: 'required',
      when: 'invalid',
      daysSupply: 'invalid',
    });
  });
});

describe('reconciliation checklist', () => {
  const keys = [REGIMEN_KEY, 'med-1', 'med-2'];

  it('needs a decision on every row, and a note for a change', () => {
    const r = reconciliationFromDraft(
      keys,
      {
        [REGIMEN_KEY]: { decision: 'confirmed', note: '' },
        'med-1': { decision: 'changed', note: ' ' },
      },
      [{ name: ' ', dose: '', frequency: '' }],
      '',
    );
    expect(r).toEqual({
      errors: { rows: { 'med-1': 'note', 'med-2': 'decision' }, added: { 0: 'name' } },
    });
  });

  it('builds the items: the regimen without an id, added medications with their entry', () => {
    const r = reconciliationFromDraft(
      keys,
      {
        [REGIMEN_KEY]: { decision: 'confirmed', note: '' },
        'med-1': { decision: 'changed', note: 'Now 10 mg' },
        'med-2': { decision: 'stopped', note: '' },
      },
      [{ name: ' Gabapentin ', dose: '300 mg', frequency: ' ' }],
      ' Checked with the patient ',
    );
    expect(r).toEqual({
      input: {
        kind: 'reconciliation',
        items: [
          { medicationId: null, decision: 'confirmed', note: null },
          { medicationId: 'med-1', decision: 'changed', note: 'Now 10 mg' },
          { medicationId: 'med-2', decision: 'stopped', note: null },
          {
            medicationId: null,
            decision: 'added',
            note: null,
            medication: { name: 'Gabapentin', dose: '300 mg', frequency: null },
          },
        ],
        note: 'Checked with the patient',
      },
    });
  });
});

describe('interaction review', () => {
  it('sends the medications decided on; a referral needs a note', () => {
    const keys = ['opioid', 'gaba', 'ppi'];
    expect(interactionFromDraft(keys, {}, '')).toBeNull();
    expect(interactionFromDraft(keys, { opioid: { decision: 'refer', note: '' } }, '')).toEqual({
      errors: { opioid: 'note' },
    });
    expect(
      interactionFromDraft(
        keys,
        {
          opioid: { decision: 'refer', note: 'Offer naloxone' },
          gaba: { decision: null, note: 'ignored' },
          ppi: { decision: 'acknowledged', note: '' },
        },
        'Reviewed today',
      ),
    ).toEqual({
      input: {
        kind: 'interaction',
        items: [
          { medicationId: 'opioid', decision: 'refer', note: 'Offer naloxone' },
          { medicationId: 'ppi', decision: 'acknowledged', note: null },
        ],
        note: 'Reviewed today',
      },
    });
  });
});
