/**
 * Falls and severe side effects reported in check-ins (project ids SIG-FALL and SIG-SIDE-EFFECT;
 * the reference's signal table has no id for them). Severe confusion, breathing problems and
 * seizures are red flags (redFlags.ts).
 */
import { SIDE_EFFECT_KEYS, type CheckIn } from '../regimen/types.js';
import { cite, type SourceRef } from '../sources.js';
import { DONT_STOP, makeSignal, plural } from './build.js';
import { isOlderAdult } from './comedication.js';
import { contextOf, recentCheckIns, type SignalContext } from './context.js';
import { loggedAlcohol } from './otherPurpose.js';
import type { Signal, SignalInput } from './types.js';

/** Sources of SIG-FALL (also used by check-in guidance). */
export const FALL_SOURCES: readonly SourceRef[] = [
  cite(
    'SEC-LABEL',
    'P',
    'Postmarketing: falls and fractures; risk increased with concomitant sedatives (including alcohol) and in the elderly (REFERENCE §4.3)',
  ),
  cite('JCPG-2025', 'C', 'Rec 5: falls among serious harms (REFERENCE §6.1)'),
];

/** Sources of SIG-SIDE-EFFECT (also used by check-in guidance). */
export const SIDE_EFFECT_SOURCES: readonly SourceRef[] = [
  cite(
    'SEC-LABEL',
    'P',
    'common adverse reactions: drowsiness, fatigue, muscle weakness, ataxia (REFERENCE §4.3)',
  ),
  cite('LABEL-TAB', 'C', 'Warnings: CNS depression (REFERENCE §4.3)'),
  cite('SEC-MONO', 'P', 'driving and hazardous occupations (REFERENCE §4.3)'),
];

const CNS_CLASSES = ['opioids', 'gabapentinoids', 'benzodiazepines', 'alcohol'];

function fallFactors(ctx: SignalContext, falls: readonly CheckIn[]): string[] {
  const factors: string[] = [];
  if (isOlderAdult(ctx)) factors.push('age ≥ 65');
  const sedating = ctx
    .medicationClasses()
    .filter(
      (m) =>
        CNS_CLASSES.some((c) => m.classIds.has(c)) ||
        [...m.classIds].some((c) => c.startsWith('cns-')),
    );
  if (sedating.length > 0)
    factors.push(`sedating co-medication (${sedating.map((m) => m.medication.name).join(', ')})`);
  if (loggedAlcohol(ctx).count > 0) factors.push('alcohol logged');
  if (
    falls.some((c) =>
      SIDE_EFFECT_KEYS.some(
        (k) => c.sideEffects[k] === 'moderate' || c.sideEffects[k] === 'severe',
      ),
    )
  ) {
    factors.push(
      'moderate or severe drowsiness, dizziness, unsteadiness or confusion reported with the fall',
    );
  }
  return factors;
}

/**
 * SIG-FALL: a fall (warning) or near-fall (caution) reported in the last `recentDays`, with the
 * risk factors the label names (age, sedatives including alcohol) listed for the clinician.
 * Patient + clinician.
 *
 * @example fallSignal(inputWithFall)[0]?.severity // → 'warning'
 */
export function fallSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const events = recentCheckIns(ctx).filter((c) => c.fall !== 'none');
  if (events.length === 0) return [];
  const falls = events.filter((c) => c.fall === 'fall').length;
  const near = events.length - falls;
  const what = [falls > 0 ? plural(falls, 'fall') : '', near > 0 ? plural(near, 'near-fall') : '']
    .filter((x) => x !== '')
    .join(' and ');
  const factors = fallFactors(ctx, events);
  return [
    makeSignal(ctx, {
      id: 'SIG-FALL',
      severity: falls > 0 ? 'warning' : 'caution',
      audience: 'both',
      title: falls > 0 ? 'Fall reported' : 'Near-fall reported',
      evidence: [
        {
          kind: 'checkIn',
          ids: events.map((c) => c.id),
          dates: events.map((c) => c.at),
          values: { falls, nearFalls: near },
        },
      ],
      sources: FALL_SOURCES,
      patientText:
        `You reported ${what} recently. Diazepam can cause drowsiness, dizziness and unsteadiness, and falls are more ` +
        'likely with alcohol, other sedating medicines and in older age. Please tell your prescriber. If you were hurt, ' +
        `hit your head, or feel unwell, get medical help. ${DONT_STOP}`,
      clinicianText:
        `${what} reported in the last ${ctx.settings.recentDays} days.` +
        (factors.length > 0 ? ` Risk factors present: ${factors.join('; ')}.` : '') +
        ' Label (postmarketing): falls and fractures in benzodiazepine users, risk increased with concomitant sedatives ' +
        '(including alcohol) and in the elderly. Rec 5 lists falls among harms that may need closer care.',
      settingKeys: ['recentDays'],
    }),
  ];
}

const LABEL: Readonly<Record<(typeof SIDE_EFFECT_KEYS)[number], string>> = {
  drowsiness: 'drowsiness',
  dizziness: 'dizziness',
  unsteadiness: 'unsteadiness',
  confusion: 'confusion',
};

/** Severe drowsiness, dizziness or unsteadiness, moderate confusion, or a severe other side effect. */
function severeEffects(c: CheckIn): string[] {
  const found: string[] = SIDE_EFFECT_KEYS.filter((k) =>
    k === 'confusion' ? c.sideEffects[k] === 'moderate' : c.sideEffects[k] === 'severe',
  ).map((k) => `${c.sideEffects[k]} ${LABEL[k]}`);
  if (c.otherSideEffect?.severity === 'severe') found.push(`severe ${c.otherSideEffect.text}`);
  return found;
}

/**
 * SIG-SIDE-EFFECT: in the last `recentDays`, a check-in with severe drowsiness, dizziness or
 * unsteadiness, moderate confusion (severe confusion is a red flag), or a severe other side
 * effect. Caution; patient (driving/alertness advice, tell the prescriber) + clinician.
 *
 * @example sideEffectSignal(input)[0]?.evidence[0]?.values // → { c12: 'severe drowsiness' }
 */
export function sideEffectSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const hits = recentCheckIns(ctx)
    .map((c) => ({ c, effects: severeEffects(c) }))
    .filter((h) => h.effects.length > 0);
  if (hits.length === 0) return [];
  const kinds = [...new Set(hits.flatMap((h) => h.effects))];
  return [
    makeSignal(ctx, {
      id: 'SIG-SIDE-EFFECT',
      severity: 'caution',
      audience: 'both',
      title: 'Severe side effects reported',
      evidence: [
        {
          kind: 'checkIn',
          ids: hits.map((h) => h.c.id),
          dates: hits.map((h) => h.c.at),
          values: Object.fromEntries(hits.map((h) => [h.c.id, h.effects.join(', ')])),
        },
      ],
      sources: SIDE_EFFECT_SOURCES,
      patientText:
        `You reported ${kinds.join(', ')}. While you feel this way, do not drive or do things that need full ` +
        `alertness, and tell your prescriber so they can review it with you. ${DONT_STOP}`,
      clinicianText:
        `${plural(hits.length, 'check-in')} in the last ${ctx.settings.recentDays} days reported ${kinds.join(', ')}. ` +
        'Review for oversedation, interactions and timing relative to doses.',
      settingKeys: ['recentDays'],
    }),
  ];
}
