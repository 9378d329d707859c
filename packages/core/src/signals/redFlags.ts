/**
 * SIG-RED-FLAG: crisis and emergency answers that come first (PRODUCT safety principle 4):
 * PHQ-9 item 9 > 0, slow or shallow breathing / could not be woken, seizure, severe confusion,
 * extreme sleepiness with an opioid or gabapentinoid, red-flag items of the withdrawal checklist
 * (suicidality, seizure, confusion, psychosis), and a newly started opioid.
 */
import { WITHDRAWAL_RED_FLAGS } from '../instruments/withdrawalItems.js';
import { cite, type SourceRef } from '../sources.js';
import { DONT_STOP, EMERGENCY, makeSignal, plural } from './build.js';
import { newOpioids, medicationsIn } from './comedication.js';
import { contextOf, recentCheckIns, recentQuestionnaires, type SignalContext } from './context.js';
import { mentions } from './text.js';
import type { Signal, SignalInput, SignalQuestionnaire } from './types.js';

/** Item keys accepted for PHQ-9 item 9: plain numbers, "item9"-style keys and its LOINC code. */
export const PHQ9_ITEM9_KEYS: readonly string[] = [
  '9',
  'item9',
  'item_9',
  'item-9',
  'q9',
  'phq9_9',
  'phq9-9',
  'phq9.9',
  '44260-8',
];

/** The PHQ-9 item 9 score (0–3) of an answer set, or null when it is not there. */
export function phq9Item9(q: SignalQuestionnaire): number | null {
  for (const key of PHQ9_ITEM9_KEYS) {
    const v = q.itemScores[key];
    if (v !== undefined && Number.isFinite(v)) return v;
  }
  return null;
}

const SELF_HARM_PATIENT =
  'You said you have had thoughts that you would be better off dead or of hurting yourself. You are not alone, ' +
  'and help is available now. If you might act on these thoughts or are in danger, call your local emergency ' +
  'number (for example 911 in the US or 112 in Europe) or go to the nearest emergency department now. In the US you can also call or text 988 ' +
  '(Suicide & Crisis Lifeline) at any time. Please also tell your care team.';

/** Sources of the breathing red flag (also used by check-in guidance). */
export const BREATHING_SOURCES: readonly SourceRef[] = [
  cite(
    'LABEL-TAB',
    'C',
    'Boxed Warning: profound sedation, respiratory depression, coma and death (REFERENCE §4.1)',
  ),
  cite('FDA-DSC-2019-GABA', 'C', 'slowed, shallow or difficult breathing (REFERENCE §4.4)'),
  cite('JCPG-2025', 'C', 'Rec 5 (REFERENCE §6.1)'),
];

/** Sources of the severe-confusion red flag (also used by check-in guidance). */
export const SEVERE_CONFUSION_SOURCES: readonly SourceRef[] = [
  cite('JCPG-2025', 'C', 'Table 3: confusion or delirium (REFERENCE §6.3)'),
  cite('FDA-DSC-2019-GABA', 'C', 'confusion (REFERENCE §4.4)'),
];

const SEIZURE_RE = /\b(seizures?|seizing|convulsions?|convulsing)\b/i;

function selfHarm(ctx: SignalContext): Signal[] {
  const recent = recentQuestionnaires(ctx);
  const hits = recent.filter((q) => q.instrumentId === 'phq9' && (phq9Item9(q) ?? 0) > 0);
  const latest = hits.at(-1);
  if (latest === undefined) return [];
  return [
    makeSignal(ctx, {
      id: 'SIG-RED-FLAG/self-harm',
      severity: 'urgent',
      audience: 'both',
      title: 'PHQ-9 item 9: thoughts of death or self-harm',
      evidence: hits.map((q) => ({
        kind: 'questionnaire',
        ids: q.id === undefined ? [] : [q.id],
        dates: [q.at],
        values: { item9: phq9Item9(q), total: q.total },
      })),
      sources: [
        cite('HL7-PCO-IG', 'C', 'PHQ-9 item 9; safety workflow (REFERENCE §7)'),
        cite('KROENKE-2001', 'C', 'PHQ-9 (REFERENCE §7)'),
        cite(
          'JCPG-2025',
          'C',
          'Rec 5 (suicidality); Table 3 (suicidality and self-harm) (REFERENCE §6.1, §6.3)',
        ),
      ],
      patientText: SELF_HARM_PATIENT,
      clinicianText:
        `PHQ-9 item 9 answered ${phq9Item9(latest) ?? ''} (0–3) on ${ctx.dayOf(latest.at)}` +
        (hits.length > 1
          ? ` (${plural(hits.length, 'positive answer')} in the last ${ctx.settings.recentDays} days)`
          : '') +
        '. Follow the clinic’s suicide-risk safety workflow now. Joint CPG Rec 5 considers inpatient care for ' +
        'suicidality; suicidality and self-harm are also listed among withdrawal symptoms (Table 3), so consider any ' +
        'recent dose reduction or missed doses.',
      settingKeys: ['recentDays'],
    }),
  ];
}

function coDepressants(ctx: SignalContext): string {
  const meds = medicationsIn(ctx, ['opioids', 'gabapentinoids']);
  return meds.length === 0
    ? ''
    : ` Opioid/gabapentinoid on the medication list: ${meds.map((m) => m.name).join(', ')}.`;
}

function checkInFlags(ctx: SignalContext): Signal[] {
  const recent = recentCheckIns(ctx);
  const out: Signal[] = [];
  const flag = (
    sub: string,
    severity: 'urgent' | 'warning',
    title: string,
    ids: readonly string[],
    dates: readonly string[],
    sources: Signal['sources'],
    patientText: string,
    clinicianText: string,
  ): void => {
    if (ids.length === 0) return;
    out.push(
      makeSignal(ctx, {
        id: `SIG-RED-FLAG/${sub}`,
        severity,
        audience: 'both',
        title,
        evidence: [{ kind: 'checkIn', ids, dates }],
        sources,
        patientText,
        clinicianText: `${clinicianText} Reported in ${plural(ids.length, 'check-in')} (latest ${ctx.dayOf(dates.at(-1) ?? ctx.now)}).${coDepressants(ctx)}`,
        settingKeys: ['recentDays'],
      }),
    );
  };
  const pick = (pred: (c: (typeof recent)[number]) => boolean): [string[], string[]] => {
    const hits = recent.filter(pred);
    return [hits.map((c) => c.id), hits.map((c) => c.at)];
  };

  const [bIds, bDates] = pick((c) => c.breathingProblem);
  flag(
    'breathing',
    'urgent',
    'Slow or shallow breathing, or could not be woken',
    bIds,
    bDates,
    BREATHING_SOURCES,
    `You reported slow or shallow breathing, or that someone could not wake you. This can be an emergency. ${EMERGENCY} ` +
      'Tell your prescriber about it as soon as possible.',
    'Check-in reported slow or shallow breathing or unresponsiveness: assess for respiratory depression and sedation now.',
  );

  const [sIds, sDates] = pick(
    (c) =>
      mentions(c.otherSideEffect?.text ?? '', SEIZURE_RE) || mentions(c.note ?? '', SEIZURE_RE),
  );
  flag(
    'seizure',
    'urgent',
    'Possible seizure reported',
    sIds,
    sDates,
    [
      cite('FDA-DSC-2020', 'C', 'withdrawal reactions including seizures (REFERENCE §4.1)'),
      cite('JCPG-2025', 'C', 'Table 3: seizures (REFERENCE §6.3)'),
      cite('SEC-MONO', 'P', 'seizure disorders (REFERENCE §4.3)'),
    ],
    'Your check-in mentions a seizure. If a seizure is happening now or has just happened, call your local ' +
      'emergency number (for example 911 in the US or 112 in Europe). Otherwise contact your prescriber today. ' +
      DONT_STOP,
    'A check-in text mentions a seizure (keyword match on the free text; confirm with the patient). Seizures can ' +
      'follow abrupt reduction or missed doses (Table 3) and the drug may change seizure frequency.',
  );

  const [cIds, cDates] = pick((c) => c.sideEffects.confusion === 'severe');
  flag(
    'confusion',
    'warning',
    'Severe confusion',
    cIds,
    cDates,
    SEVERE_CONFUSION_SOURCES,
    'You reported severe confusion. Please contact your prescriber today. If it is getting worse, or comes with extreme ' +
      `sleepiness or breathing problems, get medical help right away. ${DONT_STOP}`,
    'Severe confusion reported: consider oversedation, interaction, delirium, or withdrawal (confusion/delirium, Table 3).',
  );

  if (medicationsIn(ctx, ['opioids', 'gabapentinoids']).length > 0) {
    const [dIds, dDates] = pick((c) => c.sideEffects.drowsiness === 'severe');
    flag(
      'extreme-sleepiness',
      'urgent',
      'Extreme sleepiness with an opioid or gabapentinoid',
      dIds,
      dDates,
      [
        cite('FDA-DSC-2019-GABA', 'C', 'extreme sleepiness (REFERENCE §4.4)'),
        cite('LABEL-TAB', 'C', 'Boxed Warning: opioids (REFERENCE §4.1)'),
      ],
      'You reported severe sleepiness while taking diazepam with an opioid or with gabapentin or pregabalin. Get medical ' +
        `help right away if you are extremely sleepy, confused, or your breathing is slow or shallow. ${EMERGENCY}`,
      'Severe drowsiness with opioid/gabapentinoid co-use (FDA 2019 symptom list): assess for oversedation and respiratory depression.',
    );
  }
  return out;
}

/** Red-flag items of the withdrawal checklist (instruments/withdrawalItems.ts) answered above "None". */
function checklistFlags(ctx: SignalContext): Signal[] {
  const recent = recentQuestionnaires(ctx).filter((q) => q.instrumentId === 'withdrawal');
  return Object.entries(WITHDRAWAL_RED_FLAGS).flatMap(([kind, flag]) => {
    const hits = recent.filter((q) => flag.itemIds.some((item) => (q.itemScores[item] ?? 0) > 0));
    if (hits.length === 0 || flag.patientText === null) return [];
    return [
      makeSignal(ctx, {
        id: `SIG-RED-FLAG/withdrawal-${kind}`,
        severity: flag.kind === 'crisis' ? 'urgent' : 'warning',
        audience: 'both',
        title: flag.title,
        evidence: hits.map((q) => ({
          kind: 'questionnaire',
          ids: q.id === undefined ? [] : [q.id],
          dates: [q.at],
          values: Object.fromEntries(
            flag.itemIds.map((item) => [item, q.itemScores[item] ?? null]),
          ),
        })),
        sources: flag.sources,
        patientText: flag.patientText,
        clinicianText: `${flag.clinicianText} Reported on ${hits.map((q) => ctx.dayOf(q.at)).join(', ')}.`,
        settingKeys: ['recentDays'],
      }),
    ];
  });
}

function newOpioid(ctx: SignalContext): Signal[] {
  const meds = newOpioids(ctx);
  if (meds.length === 0) return [];
  const names = meds.map((m) => m.name).join(', ');
  return [
    makeSignal(ctx, {
      id: 'SIG-RED-FLAG/new-opioid',
      severity: 'warning',
      audience: 'both',
      title: 'Opioid started recently',
      evidence: [
        {
          kind: 'medication',
          ids: meds.map((m) => m.id),
          dates: meds.map((m) => m.startDate ?? ''),
          values: Object.fromEntries(meds.map((m) => [m.id, m.name])),
        },
      ],
      sources: [
        cite('LABEL-TAB', 'C', 'Boxed Warning: opioids (REFERENCE §4.1)'),
        cite('FDA-DSC-2016', 'C', 'opioid + benzodiazepine boxed warnings (REFERENCE §4.4)'),
        cite('JCPG-2025', 'C', 'Recs 16–17 (REFERENCE §6.1)'),
      ],
      patientText:
        `Your medication list shows an opioid started recently (${names}). Taking an opioid with diazepam can cause ` +
        'dangerous sleepiness and slowed breathing. Make sure the prescribers of both medicines know you take both. ' +
        `${EMERGENCY} ${DONT_STOP}`,
      clinicianText:
        `New opioid co-use: ${names} (started within ${ctx.settings.newMedicationDays} days). Boxed warning: profound ` +
        'sedation, respiratory depression, coma and death. Reassess the combination (Rec 16) and offer naloxone (Rec 17).',
      settingKeys: ['newMedicationDays'],
    }),
  ];
}

/**
 * All SIG-RED-FLAG signals, each with patient text (emergency guidance where it applies) and a
 * clinician text:
 * - `/self-harm` (urgent): a PHQ-9 in the last `recentDays` with item 9 > 0 (see `PHQ9_ITEM9_KEYS`).
 * - `/breathing` (urgent): a check-in with `breathingProblem`.
 * - `/seizure` (urgent): "seizure"/"convulsion" in a check-in's other side effect or note (not negated).
 * - `/confusion` (warning): severe confusion.
 * - `/extreme-sleepiness` (urgent): severe drowsiness while an opioid or gabapentinoid is listed.
 * - `/withdrawal-<kind>` (urgent for suicidality and seizure, warning for confusion and psychosis): a
 *   red-flag item of the withdrawal checklist answered above "None"; wording from the checklist.
 * - `/new-opioid` (warning): an opioid whose `startDate` is within `newMedicationDays`.
 *
 * @example redFlagSignals(inputWithPhq9Item9).map((s) => s.id) // → ['SIG-RED-FLAG/self-harm']
 */
export function redFlagSignals(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  return [...selfHarm(ctx), ...checkInFlags(ctx), ...checklistFlags(ctx), ...newOpioid(ctx)];
}
