/**
 * The route-wide suites' fixtures contributed by each feature: what to add to the seeded
 * patient (records and the ids their routes take), and valid sample bodies and queries. A
 * feature registers its `samples.test-helpers.ts` here once; its routes are then covered by the
 * isolation, malformed-input, guard and authorization suites.
 */
import type { Client, Harness } from '../testing/harness.js';
import * as mfa from '../auth/mfa/samples.test-helpers.js';
import * as calendar from '../calendar/samples.test-helpers.js';
import * as chart from '../chart/samples.test-helpers.js';
import * as checkups from '../checkups/samples.test-helpers.js';
import * as exercises from '../exercises/samples.test-helpers.js';
import * as fhir from '../fhir/samples.test-helpers.js';
import * as goals from '../goals/samples.test-helpers.js';
import * as insights from '../insights/samples.test-helpers.js';
import * as messages from '../messages/samples.test-helpers.js';
import * as pharmacy from '../pharmacy/samples.test-helpers.js';
import * as portability from '../portability/samples.test-helpers.js';
import * as preferences from '../preferences/samples.test-helpers.js';
import * as questionnaires from '../questionnaires/samples.test-helpers.js';
import * as reports from '../reports/samples.test-helpers.js';
import * as supply from '../supply/samples.test-helpers.js';
import * as reminders from '../reminders/samples.test-helpers.js';
import * as push from '../reminders/pushSamples.test-helpers.js';
import * as techniques from '../techniques/samples.test-helpers.js';
import * as taper from '../taper/samples.test-helpers.js';
import * as taperCheckIns from '../taper/checkInSamples.test-helpers.js';
import type { RouteIds } from './routes.test-helpers.js';

export interface FeatureSeedContext {
  readonly h: Harness;
  /** The seeded patient. */
  readonly client: Client;
  /** A caregiver linked to the patient with the caregiver's default consent. */
  readonly caregiver: Client;
  /** A string that must never leak to anyone but the patient's care team: put it in text. */
  readonly marker: string;
  /** A clinic (not linked to the patient) the seed may add clinicians to. */
  readonly clinicId: string;
}

export interface FeatureSeed {
  /** Ids of the records made, by the path parameter name that addresses them. */
  readonly ids: RouteIds;
  /** Ids and strings found only in this patient's data. */
  readonly secrets: readonly string[];
}

export type FeatureSeeder = (ctx: FeatureSeedContext) => Promise<FeatureSeed>;

export interface FeatureSamples {
  readonly seed: FeatureSeeder;
  /** `METHOD /url` → a valid body, given the seeded patient's ids. */
  readonly bodies: Readonly<Record<string, (ids: RouteIds) => object>>;
  /** `METHOD /url` → a valid query string ('?from=…'), for routes that require one. */
  readonly queries: Readonly<Record<string, string>>;
}

const FEATURES: readonly FeatureSamples[] = [
  questionnaires,
  messages,
  checkups,
  pharmacy,
  chart,
  techniques,
  goals,
  exercises,
  insights,
  preferences,
  supply,
  portability,
  calendar,
  taper,
  taperCheckIns,
  fhir,
  reports,
  reminders,
  push,
  mfa,
];

export const FEATURE_SEEDS: readonly FeatureSeeder[] = FEATURES.map((f) => f.seed);
export const FEATURE_SAMPLE_BODIES = Object.assign(
  {},
  ...FEATURES.map((f) => f.bodies),
) as Readonly<Record<string, (ids: RouteIds) => object>>;
export const FEATURE_SAMPLE_QUERIES = Object.assign(
  {},
  ...FEATURES.map((f) => f.queries),
) as Readonly<Record<string, string>>;
