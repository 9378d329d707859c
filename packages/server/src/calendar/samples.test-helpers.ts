/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/**
 * A live calendar feed; its token fills `/calendar/:token.ics`. Fetched once here, so later
 * fetches by the suites (same clock) leave the patient's view of the feed unchanged.
 */
export const seed: FeatureSeeder = async ({ client }) => {
  const res = await client.post(`/api/patients/${client.userId}/calendar-feed`);
  if (res.statusCode !== 201)
    throw new Error(`calendar feed: ${String(res.statusCode)} ${res.body}`);
  const { feed, url } = res.json<{ feed: { id: string }; url: string }>();
  const token = /\/calendar\/([^/]+)\.ics$/.exec(url)?.[1];
  if (token === undefined) throw new Error(`calendar feed URL ${url}`);
  const fetched = await client.get(`/calendar/${token}.ics`);
  if (fetched.statusCode !== 200) throw new Error(`calendar fetch: ${String(fetched.statusCode)}`);
  return { ids: { token }, secrets: [token, feed.id] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {};

export const queries: Readonly<Record<string, string>> = {};
