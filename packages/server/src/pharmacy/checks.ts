/**
 * Checks shared by the records of tablets and mL a patient holds: dispensings (pharmacy) and
 * stock counts (supply).
 */
import { dispensedQuantityProblem, dispensedQuantityStep, type FormulationId } from '@steady/core';
import { AppError } from '../http/errors.js';

/** Clock skew accepted between a device and the server for "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Earliest instant accepted (typing errors such as 1026 for 2026). */
const EARLIEST = new Date('2000-01-01T00:00:00.000Z');

const invalid = (path: string, message: string) =>
  new AppError('STEADY_ERR_VALIDATION', [{ path, message }]);

/** A quantity that can be dispensed (whole or half tablets, mL in steps); 400 otherwise. */
export function checkQuantity(formulation: FormulationId, quantity: number): void {
  if (dispensedQuantityProblem(formulation, quantity) === null) return;
  const step = dispensedQuantityStep(formulation);
  throw invalid(
    '/body/quantity',
    formulation === 'sol1'
      ? `mL in steps of ${String(step)}`
      : step === 1
        ? 'whole tablets'
        : 'whole or half tablets',
  );
}

/** When a record says it happened (`given`, else now): not in the future, not before 2000. */
export function checkRecordedAt(given: string | undefined, now: Date, path: string): Date {
  const at = given === undefined ? now : new Date(given);
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw invalid(path, 'in the future');
  if (at < EARLIEST) throw invalid(path, 'before 2000');
  return at;
}
