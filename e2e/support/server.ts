import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
/** The built `steady` command (`npm run build` creates it); STEADY_E2E_SERVER may point elsewhere. */
export const serverEntry =
  process.env.STEADY_E2E_SERVER ?? path.join(repoRoot, 'packages', 'server', 'dist', 'cli.js');

const READY = /Steady is running at (https?:\/\/[^\s"',]+)/;

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:41234". */
  readonly url: string;
  /** Everything the server printed so far (stdout and stderr), for error messages. */
  output(): string;
  /** SIGTERM, wait for the process to exit, remove its data directory (unless given one). */
  stop(): Promise<ExitInfo>;
  /** SIGKILL (a crash), wait for the process to exit; the data directory is kept. */
  kill(): Promise<ExitInfo>;
  /** The data directory, e.g. to start again on it (`StartOptions.dataDir`). */
  readonly dataDir: string;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Run one `steady` command (e.g. `['create-clinic', '--name', …]`) and resolve with its stdout. */
export type SteadyCommand = (args: readonly string[]) => Promise<string>;

export interface StartOptions {
  /** Extra environment variables for the server (and for the commands run by `before`). */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /**
   * Set-up on the fresh data directory before the server starts, e.g. creating a clinic and a
   * clinician with the CLI. It runs first because the embedded database allows one process at a
   * time.
   */
  readonly before?: (steady: SteadyCommand) => Promise<void>;
  /** Use this data directory (e.g. of a killed server) instead of a fresh one; the caller removes it. */
  readonly dataDir?: string;
}

const execFileAsync = promisify(execFile);

/** A `steady` command runner for the given environment; a failing command rejects with its output. */
export function steadyCommand(env: NodeJS.ProcessEnv): SteadyCommand {
  return async (args) => {
    try {
      const { stdout } = await execFileAsync(process.execPath, [serverEntry, ...args], {
        cwd: repoRoot,
        env,
        timeout: 60_000,
      });
      return stdout;
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(
        `\`steady ${args.join(' ')}\` failed: ${failed.message}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
        { cause: error },
      );
    }
  };
}

/**
 * Start the built server on a free port with a fresh embedded database in a temporary directory,
 * and resolve once it prints "Steady is running at <url>".
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  if (!existsSync(serverEntry)) {
    throw new Error(`${serverEntry} does not exist: run \`npm run build\` first.`);
  }
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'steady-e2e-')));
  const removeDir = () => (ownDir ? rm(dataDir, { recursive: true, force: true }) : undefined);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    STEADY_DATA_DIR: dataDir,
    // Suites sign clinicians in with the password alone; e2e/mfa.e2e.test.ts turns this on.
    STEADY_REQUIRE_MFA: 'off',
    ...options.env,
  };
  // The tests own their database: never reuse one configured for something else.
  if (options.env?.DATABASE_URL === undefined) delete env.DATABASE_URL;

  if (options.before !== undefined) {
    try {
      await options.before(steadyCommand(env));
    } catch (error) {
      await removeDir();
      throw error;
    }
  }

  const child = spawn(process.execPath, [serverEntry, 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdoutLine = '';
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    output += chunk;
  });

  const timeoutMs = options.timeoutMs ?? 60_000;
  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}\n--- server output ---\n${output}--- end of server output ---`));
    };
    const timer = setTimeout(() => {
      fail(`The server did not print "Steady is running at …" within ${timeoutMs} ms.`);
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      stdoutLine += chunk;
      const lines = stdoutLine.split('\n');
      stdoutLine = lines.pop() ?? '';
      for (const line of lines) {
        const match = READY.exec(line);
        if (match?.[1] !== undefined && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve(match[1].replace(/[./]+$/, ''));
          return;
        }
      }
    });
    child.once('error', (error) => {
      fail(`Could not start the server: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      fail(
        `The server exited before it was ready (code ${code ?? 'none'}, signal ${signal ?? 'none'}).`,
      );
    });
  }).catch(async (error: unknown) => {
    await removeDir();
    throw error;
  });

  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const info = await exited;
      clearTimeout(killer);
      await removeDir();
      return info;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
    dataDir,
  };
}
