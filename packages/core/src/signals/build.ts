/** Building signals: one constructor, shared wording, severity order. */
import { DO_NOT_STOP_SUDDENLY } from '../instruments/common.js';
import type { SourceRef } from '../sources.js';
import type { SignalContext } from './context.js';
import { settingValues, type SignalSettingKey } from './settings.js';
import type { Signal, SignalAudience, SignalEvidence, SignalSeverity } from './types.js';

/** Reinforced in every patient text about doses (PRODUCT safety principle 5). */
export const DONT_STOP = DO_NOT_STOP_SUDDENLY;

/** Neutral framing for dependence and tolerance flags (PRODUCT safety principle 3; JCPG-2025). */
export const NEUTRAL =
  'This is a flag for review, not a diagnosis. Physical dependence under a prescription is expected and is not misuse.';

/** Emergency guidance for breathing problems, seizures and unresponsiveness. */
export const EMERGENCY =
  'Call your local emergency number now (for example 911 in the US or 112 in Europe) if breathing is very slow or shallow, if someone ' +
  'cannot be woken, or if there is a seizure.';

export interface SignalSpec {
  readonly id: string;
  readonly severity: SignalSeverity;
  readonly audience: SignalAudience;
  readonly title: string;
  readonly evidence: readonly SignalEvidence[];
  readonly sources: readonly SourceRef[];
  readonly patientText?: string | null;
  readonly clinicianText: string;
  readonly settingKeys?: readonly SignalSettingKey[];
}

/**
 * A signal with `computedAt` and the used settings filled in. A signal whose audience includes
 * the patient must carry patient text; one for the clinician only never does.
 */
export function makeSignal(ctx: SignalContext, spec: SignalSpec): Signal {
  const patientText = spec.audience === 'clinician' ? null : (spec.patientText ?? null);
  if (spec.audience !== 'clinician' && patientText === null) {
    throw new Error(`Signal ${spec.id} is for the patient but has no patient text`);
  }
  return {
    id: spec.id,
    severity: spec.severity,
    audience: spec.audience,
    title: spec.title,
    evidence: spec.evidence,
    sources: spec.sources,
    patientText,
    clinicianText: spec.clinicianText,
    settings: settingValues(ctx.settings, spec.settingKeys ?? []),
    computedAt: ctx.now,
  };
}

const RANK: Readonly<Record<SignalSeverity, number>> = {
  urgent: 0,
  warning: 1,
  caution: 2,
  info: 3,
};

/** Sort key: urgent 0 … info 3. */
export function signalSeverityRank(severity: SignalSeverity): number {
  return RANK[severity];
}

/** Most severe first, then by id. */
export function compareSignals(a: Signal, b: Signal): number {
  return RANK[a.severity] - RANK[b.severity] || a.id.localeCompare(b.id);
}

/** The reference id without its sub-id: 'SIG-RISK-MOD/opioid' → 'SIG-RISK-MOD'. */
export function signalBaseId(id: string): string {
  const slash = id.indexOf('/');
  return slash === -1 ? id : id.slice(0, slash);
}

/** "1 day" / "3 days". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Sources without duplicates (same id and locator). */
export function uniqueSources(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.id}|${s.locator ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
