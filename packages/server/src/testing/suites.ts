import { afterAll, beforeAll, describe } from 'vitest';
import { createHarness, DATABASES, type Harness } from './harness.js';

/**
 * Declare a suite once; it runs on in-memory PGlite and, when TEST_DATABASE_URL is set, on
 * PostgreSQL (otherwise that copy is skipped with the reason in its title). Each copy gets its
 * own fresh database and app for the whole suite.
 *
 * @example
 * describeOnDatabases('regimen', (harness) => {
 *   it('creates version 1', async () => { const h = harness(); … });
 * });
 */
export function describeOnDatabases(
  title: string,
  body: (harness: () => Harness) => void,
  env: Record<string, string> = {},
): void {
  for (const { kind, skipReason } of DATABASES) {
    const name =
      skipReason === null ? `${title} on ${kind}` : `${title} on ${kind} (${skipReason})`;
    describe.skipIf(skipReason !== null)(name, () => {
      let current: Harness | null = null;
      beforeAll(async () => {
        current = await createHarness(kind, env);
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (current === null) throw new Error('harness not ready (use it inside tests or hooks)');
        return current;
      });
    });
  }
}
