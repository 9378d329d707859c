/**
 * `Patient/$everything`: a searchset Bundle of what the caller may see, section by section.
 * Sections left out for lack of consent are named in an OperationOutcome entry (search mode
 * `outcome`), the way the chart and the visit summary name their hidden parts.
 */
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { DataCategory } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import type { PatientAccess } from '../http/policy.js';
import { issue, operationOutcome } from './outcome.js';
import {
  maySeeSection,
  SECTION_CATEGORY,
  SECTION_IDS,
  SECTION_LOADERS,
  type SectionId,
} from './sections.js';

export interface Everything {
  readonly bundle: Bundle;
  readonly included: readonly SectionId[];
  /** Consent categories the caller lacks, whose sections were left out. */
  readonly omitted: readonly DataCategory[];
  readonly count: number;
}

export const fullUrl = (base: string, r: Resource): string =>
  `${base}/${r.resourceType}/${r.id ?? ''}`;

/** Loads the sections the caller may see and returns them as one Bundle. */
export async function everything(
  ctx: AppContext,
  access: PatientAccess,
  base: string,
): Promise<Everything> {
  const included = SECTION_IDS.filter((s) => maySeeSection(access, s));
  const omitted = SECTION_IDS.filter((s) => !included.includes(s)).flatMap((s) => {
    const category = SECTION_CATEGORY[s];
    return category === null ? [] : [category];
  });
  const loaded = await Promise.all(included.map((s) => SECTION_LOADERS[s](ctx, access)));
  const resources = loaded.flat();
  const entry: BundleEntry[] = resources.map((resource) => ({
    fullUrl: fullUrl(base, resource),
    resource,
    search: { mode: 'match' },
  }));
  if (omitted.length > 0) {
    entry.push({
      resource: operationOutcome(
        omitted.map((c) =>
          issue('suppressed', `Not shared with you by the patient: ${c}`, undefined, 'information'),
        ),
      ),
      search: { mode: 'outcome' },
    });
  }
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: ctx.now().toISOString(),
    total: resources.length,
    link: [{ relation: 'self', url: `${base}/Patient/${access.patientId}/$everything` }],
    entry,
  };
  return { bundle, included, omitted, count: resources.length };
}
