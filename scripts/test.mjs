#!/usr/bin/env node
// Runs every Vitest suite and sums the results.
//
//   1. unit + integration: `vitest run` with the root vitest.config.ts (integration tests use
//      TEST_DATABASE_URL themselves when it is set);
//   2. end-to-end: `npm run build`, then `vitest run --config e2e/vitest.config.ts`. Runs when
//      STEADY_E2E=required or when Chromium is installed; STEADY_E2E=required without Chromium
//      is a failure, STEADY_E2E=skip skips it.
//
// The last line printed is always exactly `N passed, N failed`. Exit code 0 only when nothing failed.
// Plain Node ESM, no dependencies: it runs before anything is built.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const reportDir = path.join(root, 'test-artifacts', 'vitest');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const e2eMode = process.env.STEADY_E2E ?? 'auto'; // required | auto | skip

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 24) {
  console.error(
    `Node ${process.versions.node} is too old for the test suites: run \`npm test\`, which uses the pinned Node 24.`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** @typedef {{ name: string, passed: number, failed: number, skipped: number, note?: string }} RunResult */

/** @returns {Promise<number>} the exit code (1 when killed by a signal) */
function exec(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => {
      resolve(code ?? 1);
    });
  });
}

/** `npm run <script>`, with the npm that started us when there is one (so the pinned Node is kept). */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  if (npmCli !== undefined && npmCli.endsWith('.js')) {
    return exec(process.execPath, [npmCli, 'run', script]);
  }
  return exec(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script]);
}

/** Counts from Vitest's JSON report. A file that failed to load counts as one failed test. */
function readReport(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let failed = report.numFailedTests ?? 0;
  for (const suite of report.testResults ?? []) {
    const failedInside = (suite.assertionResults ?? []).some((a) => a.status === 'failed');
    if (suite.status === 'failed' && !failedInside) failed += 1;
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** @returns {Promise<RunResult>} */
async function vitest(name, slug, extraArgs) {
  mkdirSync(reportDir, { recursive: true });
  const reportFile = path.join(reportDir, `${slug}.json`);
  rmSync(reportFile, { force: true });
  console.log(`\n=== ${name} ===\n`);
  const code = await exec(process.execPath, [
    vitestBin,
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ]);
  if (!existsSync(reportFile)) {
    return {
      name,
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `vitest exited with ${code} and wrote no report`,
    };
  }
  const counts = readReport(reportFile);
  if (code !== 0 && counts.failed === 0) {
    // e.g. an unhandled error outside any test: Vitest fails the run without failing a test.
    return {
      name,
      ...counts,
      failed: 1,
      note: `vitest exited with ${code} (errors outside tests)`,
    };
  }
  return { name, ...counts };
}

/** @returns {Promise<RunResult | null>} null when skipped */
async function e2e() {
  const name = 'end-to-end (Chromium)';
  if (e2eMode === 'skip') {
    console.log('\nEnd-to-end tests skipped: STEADY_E2E=skip.');
    return null;
  }
  const haveChromium = existsSync(chromiumPath);
  if (!haveChromium) {
    if (e2eMode === 'required') {
      console.error(
        `\nEnd-to-end tests are required (STEADY_E2E=required) but Chromium is missing at ${chromiumPath}.` +
          '\nInstall it with: apt-get update && apt-get install -y chromium',
      );
      return {
        name,
        passed: 0,
        failed: 1,
        skipped: 0,
        note: `Chromium missing at ${chromiumPath}`,
      };
    }
    console.log(
      `\nEnd-to-end tests skipped: Chromium not found at ${chromiumPath}` +
        ' (install it, or set STEADY_E2E=required to make this an error).',
    );
    return null;
  }
  console.log('\n=== build (for end-to-end tests) ===\n');
  const built = await npmRun('build');
  if (built !== 0) {
    return { name, passed: 0, failed: 1, skipped: 0, note: `npm run build failed (exit ${built})` };
  }
  return vitest(name, 'e2e', ['--config', 'e2e/vitest.config.ts']);
}

const results = [];
results.push(await vitest('unit + integration', 'unit', []));
const e2eResult = await e2e();
if (e2eResult !== null) results.push(e2eResult);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);

console.log('\n=== Summary ===');
for (const r of results) {
  const note = r.note === undefined ? '' : ` — ${r.note}`;
  console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${note}`);
}
if (e2eResult === null) console.log('  end-to-end: skipped (see above)');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
