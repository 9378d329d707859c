/**
 * Withdrawal check-ins of a taper (issue 5): on chosen days after every step, and in a
 * follow-up phase after the last step. Pure: dates in, dates out; "today" is passed in.
 *
 * Why days after a step, not on the day: diazepam and especially its metabolite nordiazepam
 * fall over days to weeks after a reduction, and withdrawal from a long-acting drug "may not
 * begin for 1–2 days or longer" (REFERENCE §5.5), while the guideline asks clinicians to
 * "evaluate taper-related signs and symptoms with each dose reduction" (JCPG-2025 Rec 9). The
 * exact days ([2, 5, 10]), the follow-up spacing (30 days) and length (6 months) and how long a
 * check-in stays open are Steady defaults, adjustable per taper: no source gives numbers.
 */
import { cite, type Parameter } from '../sources.js';
import { addDays, daysBetween, localDateOf } from '../regimen/slots.js';
import { addMonths } from '../signals/context.js';
import type { Instant, LocalDate } from '../regimen/types.js';
import { currentStep } from './query.js';
import type { TaperPlan, TaperStep } from './types.js';

const DELAYED_ONSET = cite(
  'SEC-WEB',
  'P',
  'Long-acting withdrawal "may not begin for 1–2 days or longer"; diazepam and DMDZ fall over days to weeks (REFERENCE §5.5)',
);
const REC9 = cite(
  'JCPG-2025',
  'C',
  'Rec 9: evaluate taper-related signs and symptoms with each dose reduction',
);
const PROTRACTED = cite(
  'SEC-LABEL',
  'P',
  'Protracted withdrawal lasting weeks to more than 12 months (REFERENCE §4.3)',
);
const ASHTON = cite(
  'ASHTON-1995',
  'P',
  '"perhaps 10% to 15%" post-withdrawal syndrome (REFERENCE §6.6)',
);

const STEADY_DEFAULT = 'Steady default, adjustable per taper: the sources give no number.';

/** Days after each step's start on which a withdrawal check-in is due. */
export const TAPER_CHECK_IN_DAYS: Parameter<readonly number[]> = {
  name: 'taper.checkInDays',
  value: [2, 5, 10],
  unit: 'd',
  confirmed: false,
  sources: [DELAYED_ONSET, REC9],
  note: `Early, middle and late in the slow fall after a step. ${STEADY_DEFAULT}`,
};

/** Spacing of the low-effort check-ins after the last step. */
export const TAPER_FOLLOW_UP_INTERVAL_DAYS: Parameter<number> = {
  name: 'taper.followUpIntervalDays',
  value: 30,
  unit: 'd',
  confirmed: false,
  sources: [PROTRACTED, ASHTON],
  note: `Monthly. ${STEADY_DEFAULT}`,
};

/** Length of the follow-up phase after the last step. */
export const TAPER_FOLLOW_UP_MONTHS: Parameter<number> = {
  name: 'taper.followUpMonths',
  value: 6,
  unit: 'months',
  confirmed: false,
  sources: [PROTRACTED, ASHTON, cite('JCPG-2025', 'C', 'Recs 9, 11')],
  note: `Protracted symptoms can last weeks to more than a year; 6 months is ${STEADY_DEFAULT}`,
};

/** How many days a check-in stays open (unless the next one comes first). */
export const TAPER_CHECK_IN_OPEN_DAYS: Parameter<number> = {
  name: 'taper.checkInOpenDays',
  value: 7,
  unit: 'd',
  confirmed: false,
  sources: [],
  note: STEADY_DEFAULT,
};

export interface TaperCheckInSettings {
  readonly checkInDays: readonly number[];
  readonly followUpMonths: number;
  readonly followUpIntervalDays: number;
  readonly openDays: number;
}

export const DEFAULT_TAPER_CHECK_IN_SETTINGS: TaperCheckInSettings = {
  checkInDays: TAPER_CHECK_IN_DAYS.value,
  followUpMonths: TAPER_FOLLOW_UP_MONTHS.value,
  followUpIntervalDays: TAPER_FOLLOW_UP_INTERVAL_DAYS.value,
  openDays: TAPER_CHECK_IN_OPEN_DAYS.value,
};

export type TaperCheckInKind = 'step' | 'followUp';

/** One scheduled check-in. */
export interface TaperCheckInSlot {
  readonly date: LocalDate;
  readonly kind: TaperCheckInKind;
  /** The step it follows; for follow-up check-ins, the last step. */
  readonly stepIndex: number;
  readonly daysAfterStep: number;
}

export interface TaperFollowUp {
  readonly startDate: LocalDate;
  /** Last day of the follow-up phase (inclusive): `followUpMonths` after the start. */
  readonly endDate: LocalDate;
  readonly intervalDays: number;
}

function resolve(settings: Partial<TaperCheckInSettings>): TaperCheckInSettings {
  const s = { ...DEFAULT_TAPER_CHECK_IN_SETTINGS, ...settings };
  const whole = (n: number, min: number) => Number.isInteger(n) && n >= min;
  if (!s.checkInDays.every((d) => whole(d, 0)))
    throw new RangeError('checkInDays must be whole numbers >= 0');
  if (!whole(s.followUpMonths, 0))
    throw new RangeError('followUpMonths must be a whole number >= 0');
  if (!whole(s.followUpIntervalDays, 1))
    throw new RangeError('followUpIntervalDays must be a whole number >= 1');
  if (!whole(s.openDays, 1)) throw new RangeError('openDays must be a whole number >= 1');
  return s;
}

/**
 * The follow-up phase: from the first day of 0 mg (a plan that stops) for `followUpMonths`
 * months; null while the plan is paused, ends at a maintenance dose or has not reached 0 mg.
 *
 * @example taperFollowUp(plan)  // { startDate: '2026-09-07', endDate: '2027-03-06', intervalDays: 30 }
 */
export function taperFollowUp(
  plan: TaperPlan,
  settings: Partial<TaperCheckInSettings> = {},
): TaperFollowUp | null {
  const s = resolve(settings);
  const start = plan.projectedEndDate;
  if (plan.status !== 'active' || plan.inputs.goal.kind !== 'stop' || start === null) return null;
  return {
    startDate: start,
    endDate: addMonths(start, s.followUpMonths),
    intervalDays: s.followUpIntervalDays,
  };
}

function stepSlots(step: TaperStep, days: readonly number[]): TaperCheckInSlot[] {
  return [...new Set(days)]
    .sort((a, b) => a - b)
    .map((d) => ({ date: addDays(step.startDate, d), d }))
    .filter(({ date }) => step.endDate === null || date <= step.endDate)
    .map(({ date, d }) => ({ date, kind: 'step', stepIndex: step.index, daysAfterStep: d }));
}

/**
 * Every check-in of the plan, by date: `checkInDays` after each step's start while the step
 * lasts (a held step, open-ended, gets its own days and no more), then the follow-up check-ins
 * every `followUpIntervalDays` after the last step until the follow-up ends. One per date.
 *
 * @example taperCheckInSchedule(plan)[0] // { date: '2026-03-04', kind: 'step', stepIndex: 0, daysAfterStep: 2 }
 */
export function taperCheckInSchedule(
  plan: TaperPlan,
  settings: Partial<TaperCheckInSettings> = {},
): TaperCheckInSlot[] {
  const s = resolve(settings);
  const slots = plan.steps.flatMap((step) => stepSlots(step, s.checkInDays));
  const followUp = taperFollowUp(plan, s);
  const last = plan.steps.at(-1);
  if (followUp !== null && last !== undefined) {
    for (let d = s.followUpIntervalDays; ; d += s.followUpIntervalDays) {
      const date = addDays(followUp.startDate, d);
      if (date > followUp.endDate) break;
      slots.push({
        date,
        kind: 'followUp',
        stepIndex: last.index,
        daysAfterStep: daysBetween(last.startDate, date),
      });
    }
  }
  const byDate = new Map<LocalDate, TaperCheckInSlot>();
  for (const slot of slots) if (!byDate.has(slot.date)) byDate.set(slot.date, slot);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export type TaperCheckInStatus = 'due' | 'answered' | 'upcoming' | 'missed';

/** A withdrawal-checklist answer, by its id and the patient's local date. */
export interface TaperCheckInAnswer {
  readonly id: string;
  readonly date: LocalDate;
}

export interface TaperCheckInState extends TaperCheckInSlot {
  readonly status: TaperCheckInStatus;
  /** Last day the check-in can be answered. */
  readonly openUntil: LocalDate;
  readonly responseId: string | null;
}

/**
 * Each check-in's state on `today`: open from its date for `openDays` days or until the next
 * check-in, whichever is first; answered by the first checklist answered in that window;
 * otherwise upcoming, due (open today) or missed. At most one check-in is due.
 *
 * @example taperCheckInStates(slots, [{ id: 'r1', date: '2026-03-05' }], '2026-03-08')[0]?.status // 'answered'
 */
export function taperCheckInStates(
  slots: readonly TaperCheckInSlot[],
  answers: readonly TaperCheckInAnswer[],
  today: LocalDate,
  openDays: number = TAPER_CHECK_IN_OPEN_DAYS.value,
): TaperCheckInState[] {
  const used = new Set<string>();
  const sorted = [...answers].sort((a, b) => a.date.localeCompare(b.date));
  return slots.map((slot, i) => {
    const next = slots[i + 1];
    const byOpen = addDays(slot.date, openDays - 1);
    const openUntil =
      next !== undefined && addDays(next.date, -1) < byOpen ? addDays(next.date, -1) : byOpen;
    const answer = sorted.find(
      (a) => !used.has(a.id) && a.date >= slot.date && a.date <= openUntil,
    );
    if (answer !== undefined) used.add(answer.id);
    const status: TaperCheckInStatus =
      answer !== undefined
        ? 'answered'
        : today < slot.date
          ? 'upcoming'
          : today <= openUntil
            ? 'due'
            : 'missed';
    return { ...slot, status, openUntil, responseId: answer?.id ?? null };
  });
}

/** A scored withdrawal checklist, with the step it was collected for. */
export interface TaperCheckInScoreInput {
  readonly at: Instant;
  readonly total: number;
  readonly taperStepIndex: number | null;
}

export interface TaperStepScores {
  readonly stepIndex: number;
  readonly startDate: LocalDate;
  readonly dailyTotalMg: number;
  readonly scores: readonly {
    readonly at: Instant;
    readonly total: number;
    readonly daysAfterStep: number;
  }[];
}

/**
 * Checklist totals grouped by the step they were collected for (a checklist answered outside a
 * check-in counts for the step in force that day), for every step started by `today` (steps
 * without answers included, so the dose line is complete), oldest first.
 *
 * @example withdrawalByStep(plan, responses, 'Europe/Berlin', '2026-04-01')[1]?.scores
 */
export function withdrawalByStep(
  plan: TaperPlan,
  responses: readonly TaperCheckInScoreInput[],
  timeZone: string,
  today: LocalDate,
): TaperStepScores[] {
  const stepIndexOf = (r: TaperCheckInScoreInput): number | null =>
    r.taperStepIndex ?? currentStep(plan, localDateOf(r.at, timeZone))?.index ?? null;
  return plan.steps
    .filter((step) => step.startDate <= today)
    .map((step) => ({
      stepIndex: step.index,
      startDate: step.startDate,
      dailyTotalMg: step.dailyTotalMg,
      scores: responses
        .filter((r) => stepIndexOf(r) === step.index)
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((r) => ({
          at: r.at,
          total: r.total,
          daysAfterStep: daysBetween(step.startDate, localDateOf(r.at, timeZone)),
        })),
    }));
}
