import { cite } from '../sources.js';
import type { SourceRef } from '../sources.js';

/** A caveat the UI shows next to every PK curve (REFERENCE §5.5, §1 rule 4). */
export interface PkCaveat {
  readonly id: 'illustrative' | 'variability' | 'one-compartment' | 'relative' | 'delayed-change';
  readonly text: string;
  readonly sources: readonly SourceRef[];
}

export const PK_CAVEATS: readonly PkCaveat[] = [
  {
    id: 'illustrative',
    text:
      'Illustrative only. These curves are modelled from small, mostly healthy-volunteer ' +
      'studies and are never a basis for a dose; dose decisions belong to the prescriber.',
    sources: [cite('MANDELLI-1978', 'C')],
  },
  {
    id: 'variability',
    text:
      'People differ widely: up to 30-fold variation in dose/blood level ratios, and no clear ' +
      'relationship between the plasma level and the clinical effect.',
    sources: [cite('MANDELLI-1978', 'C')],
  },
  {
    id: 'one-compartment',
    text:
      'Diazepam distributes in two phases (about 1 h, then a long terminal phase). This ' +
      'one-compartment model misrepresents the first hours after a dose but suits relative ' +
      'levels over days to weeks (accumulation, washout, taper).',
    sources: [cite('SEC-LABEL', 'P', 'biphasic disposition')],
  },
  {
    id: 'relative',
    text:
      'Each level is relative to its own average at steady state on the prescribed regimen ' +
      '(1.0 = that average), not a blood concentration. Volumes, bioavailability and the ' +
      'unconfirmed fraction converted to nordiazepam cancel out.',
    sources: [cite('EPK-MODULE', 'C'), cite('GREENBLATT-2021', 'C')],
  },
  {
    id: 'delayed-change',
    text:
      'After a dose change diazepam and especially nordiazepam change over days to weeks ' +
      '(longer in older adults and CYP2C19 poor metabolisers); withdrawal symptoms from a ' +
      'long-acting benzodiazepine may not begin for 1–2 days or longer.',
    sources: [cite('GREENBLATT-2021', 'C'), cite('ZHANG-1990', 'C'), cite('SEC-WEB', 'P')],
  },
];
