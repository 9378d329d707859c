/**
 * After a taper reached 0 mg: withdrawal symptoms rising during the follow-up phase, or
 * diazepam logged again (SIG-POST-TAPER). For the prescriber's review, never a diagnosis.
 */
import type { LocalDate } from '../regimen/types.js';
import { cite } from '../sources.js';
import { makeSignal, NEUTRAL, plural } from './build.js';
import { addMonths, contextOf, daysAgo, plusDays, type SignalContext } from './context.js';
import { checklistRise, sortedSteps } from './taper.js';
import type { Signal, SignalEvidence, SignalInput } from './types.js';

const SOURCES = [
  cite('SEC-LABEL', 'P', 'Protracted withdrawal lasting weeks to >12 months (REFERENCE §4.3)'),
  cite(
    'ASHTON-1995',
    'P',
    '"perhaps 10% to 15%" get a post-withdrawal syndrome lasting months or years (REFERENCE §6.6)',
  ),
  cite('JCPG-2025', 'C', 'Rec 9: evaluate taper-related signs and symptoms (REFERENCE §6.1)'),
  cite(
    'JCPG-2025',
    'P',
    'Rec 11: consider pausing or slowing when symptoms appear (REFERENCE §6.1)',
  ),
];

interface FollowUp {
  readonly zeroDate: LocalDate;
  readonly lastIndex: number;
  readonly endDate: LocalDate;
}

/** The follow-up phase in force today, or null (no plan to 0 mg, not reached, or over). */
function followUpToday(ctx: SignalContext): FollowUp | null {
  const last = sortedSteps(ctx.input).at(-1);
  if (last === undefined || last.dailyTotalMg > 0) return null;
  const zeroDate = last.startDate;
  const endDate =
    ctx.input.taper?.followUpEndDate ?? addMonths(zeroDate, ctx.settings.postTaperFollowUpMonths);
  if (ctx.today < zeroDate || ctx.today > endDate) return null;
  return { zeroDate, lastIndex: last.index, endDate };
}

function symptomEvidence(ctx: SignalContext, f: FollowUp): SignalEvidence | null {
  const s = ctx.settings;
  // "The end of the taper": before the last step and the days attributed to it.
  const endOfTaper = plusDays(f.zeroDate, s.wdStepWindowDays);
  const recentFrom = daysAgo(ctx, s.postTaperRecentDays - 1);
  const from = recentFrom > endOfTaper ? recentFrom : plusDays(endOfTaper, 1);
  if (from > ctx.today) return null;
  return checklistRise(
    ctx,
    [plusDays(f.zeroDate, -s.wdStepBaselineDays), endOfTaper],
    [from, ctx.today],
  );
}

function doseEvidence(ctx: SignalContext, f: FollowUp): SignalEvidence | null {
  const again = ctx.doses.filter(
    (e) => e.kind !== 'skipped' && e.amountMg > 0 && ctx.doseDay(e) >= f.zeroDate,
  );
  if (again.length === 0) return null;
  return {
    kind: 'dose',
    ids: again.map((e) => e.id),
    dates: again.map((e) => e.takenAt),
    values: { doses: again.length, totalMg: again.reduce((sum, e) => sum + e.amountMg, 0) },
    note: 'Diazepam logged after the plan reached 0 mg',
  };
}

/**
 * SIG-POST-TAPER, during the follow-up phase after a final step to 0 mg (until the taper's
 * `followUpEndDate`, else `postTaperFollowUpMonths`):
 * - `/symptoms`: the withdrawal-checklist mean of the last `postTaperRecentDays` (after the
 *   last step's own window) rose against the end of the taper (the `wdStepBaselineDays` before
 *   the last step to `wdStepWindowDays` after it), by the SIG-WD-AFTER-STEP thresholds;
 * - `/doses`: diazepam doses logged on or after the day the plan reached 0 mg.
 * Caution, clinician (prescriber) only: a possible protracted withdrawal or relapse to review.
 *
 * @example postTaperSignal(inputWithDosesAfterZero)[0]?.id // → 'SIG-POST-TAPER/doses'
 */
export function postTaperSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const f = followUpToday(ctx);
  if (f === null) return [];
  const step: SignalEvidence = {
    kind: 'taperStep',
    ids: [String(f.lastIndex)],
    dates: [f.zeroDate, f.endDate],
    values: { toMg: 0 },
    note: 'Last step (0 mg) and end of the follow-up phase',
  };
  const out: Signal[] = [];
  const symptoms = symptomEvidence(ctx, f);
  if (symptoms !== null) {
    out.push(
      makeSignal(ctx, {
        id: 'SIG-POST-TAPER/symptoms',
        severity: 'caution',
        audience: 'clinician',
        title: 'Withdrawal symptoms rising after the taper ended',
        evidence: [step, symptoms],
        sources: SOURCES,
        clinicianText:
          `Since the taper reached 0 mg on ${f.zeroDate}, the withdrawal checklist rose from ` +
          `${String(symptoms.values?.['baselineMean'])} (end of the taper) to ` +
          `${String(symptoms.values?.['postStepMean'])} (last ${String(ctx.settings.postTaperRecentDays)} days). ` +
          'Protracted withdrawal can last weeks to more than 12 months [P]; "perhaps 10% to 15%" have a ' +
          'post-withdrawal syndrome lasting months or years [P]. Consider reviewing the symptoms with the ' +
          `patient (Recs 9, 11). ${NEUTRAL}`,
        settingKeys: [
          'postTaperRecentDays',
          'postTaperFollowUpMonths',
          'wdStepBaselineDays',
          'wdStepWindowDays',
          'wdStepMinRisePoints',
          'wdStepMinRiseFraction',
        ],
      }),
    );
  }
  const doses = doseEvidence(ctx, f);
  if (doses !== null) {
    const n = Number(doses.values?.['doses'] ?? 0);
    out.push(
      makeSignal(ctx, {
        id: 'SIG-POST-TAPER/doses',
        severity: 'caution',
        audience: 'clinician',
        title: 'Diazepam logged after the taper reached 0 mg',
        evidence: [step, doses],
        sources: SOURCES,
        clinicianText:
          `${plural(n, 'diazepam dose')} (${String(doses.values?.['totalMg'])} mg in all) logged since the taper ` +
          `reached 0 mg on ${f.zeroDate}. This may reflect returning or protracted withdrawal symptoms ` +
          '(weeks to more than 12 months [P]) or a return to use; review with the patient. ' +
          NEUTRAL,
        settingKeys: ['postTaperFollowUpMonths'],
      }),
    );
  }
  return out;
}
