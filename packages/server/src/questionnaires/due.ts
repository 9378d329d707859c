/**
 * When an assigned questionnaire is due: pure date arithmetic on the patient's local dates.
 * Due dates step by `cadenceDays` from `startDate`; an assignment is due once its current due
 * date has come and no answer to the instrument was given on or after it. Missed due dates
 * collapse into one due item (`dueSince` is the first of them), never a pile-up.
 */
import { addDays, daysBetween, type LocalDate } from '@steady/core';

export interface DueInput {
  /** The first due date (patient's local date). */
  readonly startDate: LocalDate;
  /** Days between due dates, 1 or more. */
  readonly cadenceDays: number;
  /** The patient's local date now. */
  readonly today: LocalDate;
  /** The local date of the latest answer to the instrument (any time), or null. */
  readonly lastAnsweredOn: LocalDate | null;
}

export interface DueState {
  /** True when an answer is expected now (due today or overdue). */
  readonly due: boolean;
  /** The earliest due date not answered since, when due. */
  readonly dueSince: LocalDate | null;
  /** When an answer is next expected: `dueSince` when due, else the next due date. */
  readonly nextDue: LocalDate;
}

/** The due date `n` steps after the start. */
const step = (input: DueInput, n: number): LocalDate =>
  addDays(input.startDate, n * input.cadenceDays);

/** The index of the latest due date on or before `date` (-1 before the start). */
function stepIndexOn(input: DueInput, date: LocalDate): number {
  const days = daysBetween(input.startDate, date);
  return days < 0 ? -1 : Math.floor(days / input.cadenceDays);
}

/**
 * The due state of one assignment.
 * @example dueState({ startDate: '2026-03-02', cadenceDays: 7, today: '2026-03-12', lastAnsweredOn: '2026-03-03' })
 * // { due: true, dueSince: '2026-03-09', nextDue: '2026-03-09' }
 */
export function dueState(input: DueInput): DueState {
  if (!Number.isInteger(input.cadenceDays) || input.cadenceDays < 1) {
    throw new RangeError(
      `cadenceDays must be a whole number ≥ 1, not ${String(input.cadenceDays)}`,
    );
  }
  const current = stepIndexOn(input, input.today);
  if (current < 0) return { due: false, dueSince: null, nextDue: input.startDate };
  // The first due date after the latest answer (answering on a due date counts for it).
  const answered = input.lastAnsweredOn === null ? -1 : stepIndexOn(input, input.lastAnsweredOn);
  const firstOpen = answered + 1;
  if (firstOpen > current) return { due: false, dueSince: null, nextDue: step(input, current + 1) };
  const dueSince = step(input, firstOpen);
  return { due: true, dueSince, nextDue: dueSince };
}
