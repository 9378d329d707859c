/**
 * SIG-OTHER-PURPOSE: alcohol logged alongside diazepam (`/alcohol`) and dose reasons outside the
 * prescribed indication (`/reason`).
 */
import { interactionClass } from '../clinical/interactions.js';
import type { CheckIn } from '../regimen/types.js';
import { cite } from '../sources.js';
import { DONT_STOP, makeSignal, NEUTRAL, plural, uniqueSources } from './build.js';
import { medicationsIn } from './comedication.js';
import { contextOf, daysAgo, inDays, type SignalContext } from './context.js';
import { mentions } from './text.js';
import type { Signal, SignalInput, SignalMedication, SignalQuestionnaire } from './types.js';

/** Words that count as alcohol in activities and notes (not negated; see `mentions`). */
export const ALCOHOL_RE =
  /\b(alcohol|alcoholic|beers?|wines?|vodka|whiske?y|gin|rum|tequila|cocktails?|liquor|booze|hangover|pints?)\b/i;

export interface LoggedAlcohol {
  readonly checkIns: readonly CheckIn[];
  /** Answers of an alcohol item (`instrumentId: 'alcohol'`) with a total above 0. */
  readonly questionnaires: readonly SignalQuestionnaire[];
  /** Active medication-list entries in the alcohol class. */
  readonly medications: readonly SignalMedication[];
  readonly count: number;
}

/** Alcohol logged in the last `otherPurposeWindowDays`. */
export function loggedAlcohol(ctx: SignalContext): LoggedAlcohol {
  const from = daysAgo(ctx, ctx.settings.otherPurposeWindowDays - 1);
  const checkIns = inDays(ctx, ctx.checkIns, (c) => c.at, from, ctx.today).filter(
    (c) => c.activities.some((a) => mentions(a, ALCOHOL_RE)) || mentions(c.note ?? '', ALCOHOL_RE),
  );
  const questionnaires = inDays(ctx, ctx.questionnaires, (q) => q.at, from, ctx.today).filter(
    (q) => q.instrumentId === 'alcohol' && q.total > 0,
  );
  const medications = medicationsIn(ctx, ['alcohol']);
  return {
    checkIns,
    questionnaires,
    medications,
    count: checkIns.length + questionnaires.length + medications.length,
  };
}

/**
 * SIG-OTHER-PURPOSE/alcohol: alcohol in a check-in's activities or note, an alcohol item
 * answered above 0, or alcohol on the medication list, in the last `otherPurposeWindowDays`.
 * Caution; the patient sees the label's alcohol advice, the clinician the evidence.
 *
 * @example alcoholSignal(inputWithWine)[0]?.id // → 'SIG-OTHER-PURPOSE/alcohol'
 */
export function alcoholSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const a = loggedAlcohol(ctx);
  if (a.count === 0) return [];
  const alcohol = interactionClass('alcohol');
  const w = ctx.settings.otherPurposeWindowDays;
  return [
    makeSignal(ctx, {
      id: 'SIG-OTHER-PURPOSE/alcohol',
      severity: 'caution',
      audience: 'both',
      title: 'Alcohol logged while taking diazepam',
      evidence: [
        ...(a.checkIns.length > 0
          ? [
              {
                kind: 'checkIn' as const,
                ids: a.checkIns.map((c) => c.id),
                dates: a.checkIns.map((c) => c.at),
              },
            ]
          : []),
        ...(a.questionnaires.length > 0
          ? [
              {
                kind: 'questionnaire' as const,
                dates: a.questionnaires.map((q) => q.at),
                values: { answers: a.questionnaires.length },
              },
            ]
          : []),
        ...(a.medications.length > 0
          ? [{ kind: 'medication' as const, ids: a.medications.map((m) => m.id) }]
          : []),
      ],
      sources: uniqueSources([
        ...alcohol.sources,
        cite(
          'SEC-LABEL',
          'P',
          'falls risk increased with concomitant sedatives including alcohol (REFERENCE §4.3)',
        ),
      ]),
      patientText: `You logged alcohol ${plural(a.count, 'time')} in the last ${w} days. ${alcohol.patientText} ${DONT_STOP}`,
      clinicianText:
        `Alcohol logged ${plural(a.count, 'time')} in the last ${w} days (check-ins, alcohol items, medication list; ` +
        `keyword match on free text). ${alcohol.clinicianText} Falls risk is also higher with alcohol. Self-reported; ` +
        'for discussion with the patient.',
      settingKeys: ['otherPurposeWindowDays'],
    }),
  ];
}

const REASONS: readonly { readonly key: string; readonly re: RegExp }[] = [
  { key: 'sleep', re: /\b(sleep|asleep|insomnia)\b/i },
  { key: 'anxiety', re: /\b(anxiety|anxious|panic|nerves|nervous|stress|stressed|worried)\b/i },
  {
    key: 'feeling',
    re: /\b(feel good|feel nice|relax|relaxed|to relax|high|buzz|euphori\w*|chill|unwind|numb)\b/i,
  },
];

/** Words that tie a reason to the indication (pain, spasm), so "spasm kept me awake" is not flagged. */
const INDICATION_RE =
  /\b(pain|painful|spasms?|cramps?|tension|tight|stiff|stiffness|muscles?|back|neck)\b/i;

/**
 * SIG-OTHER-PURPOSE/reason: at least `otherPurposeMinCount` doses in the last
 * `otherPurposeWindowDays` logged with a reason about sleep, anxiety or the feeling itself
 * ("to relax", "feel good") that neither mentions pain or spasm nor matches the regimen's stated
 * indication. Info, clinician only.
 *
 * @example otherPurposeSignal(input)[0]?.evidence[0]?.values // → { sleep: 3, anxiety: 0, feeling: 1 }
 */
export function otherPurposeSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const from = daysAgo(ctx, ctx.settings.otherPurposeWindowDays - 1);
  const indication = ctx.prescribed(ctx.today).version?.indication ?? '';
  const allowed = REASONS.filter((r) => r.re.test(indication)).map((r) => r.key);
  const counts: Record<string, number> = Object.fromEntries(REASONS.map((r) => [r.key, 0]));
  const ids: string[] = [];
  for (const e of ctx.doses) {
    const reason = e.reason ?? '';
    if (
      e.kind === 'skipped' ||
      reason === '' ||
      ctx.doseDay(e) < from ||
      INDICATION_RE.test(reason)
    )
      continue;
    const hits = REASONS.filter((r) => !allowed.includes(r.key) && mentions(reason, r.re));
    if (hits.length === 0) continue;
    ids.push(e.id);
    for (const h of hits) counts[h.key] = (counts[h.key] ?? 0) + 1;
  }
  if (ids.length < ctx.settings.otherPurposeMinCount || ids.length === 0) return [];
  const summary = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    makeSignal(ctx, {
      id: 'SIG-OTHER-PURPOSE/reason',
      severity: 'info',
      audience: 'clinician',
      title: 'Dose reasons outside the indication',
      evidence: [{ kind: 'dose', ids, values: counts }],
      sources: [
        cite('SEC-LABEL', 'P', 'misuse: use other than as prescribed (REFERENCE §9)'),
        cite('BDEPQ-MANUAL', 'C', 'item 2: use for liking the feeling (REFERENCE §9)'),
        cite(
          'JCPG-2025',
          'C',
          'Table 3: anxiety, insomnia as withdrawal symptoms (REFERENCE §6.3)',
        ),
      ],
      clinicianText:
        `${plural(ids.length, 'dose')} in the last ${ctx.settings.otherPurposeWindowDays} days were logged with a reason ` +
        `outside the stated indication (${summary}). Reasons are free text matched by keyword and may be incomplete; ` +
        `sleep and anxiety problems can also be withdrawal symptoms (Table 3). Discuss with the patient. ${NEUTRAL}`,
      settingKeys: ['otherPurposeWindowDays', 'otherPurposeMinCount'],
    }),
  ];
}
