/** Route-suite fixtures of the push device routes (see http/features.test-helpers.ts). */
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

/**
 * A subscription as a browser on Chrome would send it: an FCM endpoint (on the default
 * allow-list) and fresh keys. Nothing is ever pushed to it by the route suites: they never
 * call the test route as the device's owner with a valid id.
 */
export function sampleDevice(label = 'Sample phone'): object {
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/steady-sample-${randomUUID()}`,
    keys: {
      p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
    label,
  };
}

/** The seeded patient registers one device; its id addresses the device routes. */
export const seed: FeatureSeeder = async ({ client, marker }) => {
  const res = await client.post('/api/me/push/devices', sampleDevice(`Phone ${marker}`));
  if (res.statusCode !== 201) throw new Error(`seed push device: ${String(res.statusCode)}`);
  const deviceId = res.json<{ device: { id: string } }>().device.id;
  return { ids: { deviceId }, secrets: [deviceId] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  'POST /api/me/push/devices': () => sampleDevice(),
};

export const queries: Readonly<Record<string, string>> = {};
