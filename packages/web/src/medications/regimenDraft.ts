import { isLocalDate, isLocalTime, type FormulationId } from '@steady/core';
import type { RegimenInput, RegimenVersionView } from '../shared/api/types';
import { parseAmount } from '../shared/parse';

export interface DoseRow {
  rowId: number;
  time: string;
  amount: string;
}

/** The regimen form's state: strings as typed, converted to a RegimenInput only when valid. */
export interface RegimenDraft {
  formulation: FormulationId;
  doses: DoseRow[];
  hasAsNeeded: boolean;
  asNeededAmount: string;
  asNeededInterval: string;
  asNeededMax: string;
  startDate: string;
  endDate: string;
  prescriber: string;
  indication: string;
  reason: string;
}

export type DraftErrors = Partial<
  Record<'doses' | 'asNeeded' | 'startDate' | 'endDate' | 'reason', true>
> & {
  rows?: Record<number, { time?: true; amount?: true }>;
};

export function draftFrom(current: RegimenVersionView | null, today: string): RegimenDraft {
  if (current === null) {
    return {
      formulation: 'tab5',
      doses: [{ rowId: 1, time: '08:00', amount: '' }],
      hasAsNeeded: false,
      asNeededAmount: '',
      asNeededInterval: '',
      asNeededMax: '',
      startDate: today,
      endDate: '',
      prescriber: '',
      indication: '',
      reason: '',
    };
  }
  return {
    formulation: current.formulation,
    doses: current.doses.map((d, i) => ({
      rowId: i + 1,
      time: d.time,
      amount: String(d.amountMg),
    })),
    hasAsNeeded: current.asNeeded !== null,
    asNeededAmount: current.asNeeded === null ? '' : String(current.asNeeded.amountMg),
    asNeededInterval: current.asNeeded === null ? '' : String(current.asNeeded.minIntervalHours),
    asNeededMax: current.asNeeded === null ? '' : String(current.asNeeded.maxPerDay),
    startDate: today,
    endDate: current.endDate ?? '',
    prescriber: current.prescriber ?? '',
    indication: current.indication ?? '',
    reason: '',
  };
}

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** Validate the draft; returns either the request body or the fields in error. */
export function validateDraft(d: RegimenDraft): { input: RegimenInput } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const rows: NonNullable<DraftErrors['rows']> = {};
  const doses = d.doses.map((row) => {
    const amountMg = parseAmount(row.amount);
    const rowErrors: { time?: true; amount?: true } = {};
    if (!isLocalTime(row.time)) rowErrors.time = true;
    if (amountMg === null) rowErrors.amount = true;
    if (rowErrors.time || rowErrors.amount) rows[row.rowId] = rowErrors;
    return { time: row.time, amountMg: amountMg ?? 0 };
  });
  if (Object.keys(rows).length > 0) errors.rows = rows;

  let asNeeded: RegimenInput['asNeeded'] = null;
  if (d.hasAsNeeded) {
    const amountMg = parseAmount(d.asNeededAmount);
    const minIntervalHours = parseAmount(d.asNeededInterval);
    const maxPerDay = parseAmount(d.asNeededMax);
    if (
      amountMg === null ||
      minIntervalHours === null ||
      maxPerDay === null ||
      !Number.isInteger(maxPerDay)
    ) {
      errors.asNeeded = true;
    } else {
      asNeeded = { amountMg, minIntervalHours, maxPerDay };
    }
  }
  if (doses.length === 0 && !d.hasAsNeeded) errors.doses = true;
  if (!isLocalDate(d.startDate)) errors.startDate = true;
  if (d.endDate !== '' && (!isLocalDate(d.endDate) || d.endDate < d.startDate))
    errors.endDate = true;
  if (d.reason.trim() === '') errors.reason = true;

  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      formulation: d.formulation,
      doses,
      asNeeded,
      startDate: d.startDate,
      endDate: d.endDate === '' ? null : d.endDate,
      prescriber: blankToNull(d.prescriber),
      indication: blankToNull(d.indication),
      reason: d.reason.trim(),
    },
  };
}
