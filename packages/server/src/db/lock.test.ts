import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

/** A pid that surely belongs to no running process: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

/** A child process that stays alive until killed (another "Steady"). */
function liveProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  if (child.pid === undefined) throw new Error('no pid');
  return {
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
        child.kill();
      }),
  };
}

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'steady-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const lockFile = () => path.join(dir, 'steady.lock');

  const ownerPid = async () => Number.parseInt(await readFile(lockFile(), 'utf8'), 10);

  it('writes this process id into steady.lock, and release removes it', async () => {
    const lock = await lockDataDir(dir);
    expect(await ownerPid()).toBe(process.pid);
    await lock.release();
    expect(existsSync(lockFile())).toBe(false);
    // Released: the directory can be locked again.
    await (await lockDataDir(dir)).release();
  });

  it('creates the data directory when it does not exist yet', async () => {
    const nested = path.join(dir, 'a', 'b');
    const lock = await lockDataDir(nested);
    expect(existsSync(path.join(nested, 'steady.lock'))).toBe(true);
    await lock.release();
  });

  it('refuses a directory locked by another running process, with a clear message', async () => {
    const other = liveProcess();
    try {
      await writeFile(lockFile(), String(other.pid));
      const attempt = lockDataDir(dir);
      await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(attempt).rejects.toThrow(
        `Another Steady instance (pid ${String(other.pid)}) is already using the data directory ${dir}`,
      );
      await expect(attempt).rejects.toThrow(/STEADY_DATA_DIR/);
      // The other process's lock is left alone.
      expect(await readFile(lockFile(), 'utf8')).toBe(String(other.pid));
    } finally {
      await other.stop();
    }
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    const pid = await deadPid();
    await writeFile(lockFile(), String(pid));
    const lock = await lockDataDir(dir);
    expect(await ownerPid()).toBe(process.pid);
    await lock.release();
  });

  it.each([[''], ['garbage'], ['-1'], ['0']])(
    'takes over an unreadable lock file %j',
    async (content) => {
      await writeFile(lockFile(), content);
      const lock = await lockDataDir(dir);
      expect(await ownerPid()).toBe(process.pid);
      await lock.release();
    },
  );

  it('refuses a second lock by this same process until the first is released', async () => {
    const first = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirLockedError);
    await expect(lockDataDir(dir)).rejects.toThrow(
      `Another Steady instance (pid ${String(process.pid)}) is already using the data directory ${dir}`,
    );
    await first.release();
    await (await lockDataDir(dir)).release();
  });

  it('takes over a lock with this pid left by an earlier process (container restart)', async () => {
    // Same pid, written by a process that started at another time.
    await writeFile(lockFile(), `${String(process.pid)}\n12345.678`);
    const lock = await lockDataDir(dir);
    expect(await ownerPid()).toBe(process.pid);
    await lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('does not release a lock that another process has taken since', async () => {
    const lock = await lockDataDir(dir);
    // A later owner (e.g. after this process was presumed dead) now holds the directory.
    const other = liveProcess();
    try {
      await writeFile(lockFile(), String(other.pid));
      await lock.release();
      expect(await readFile(lockFile(), 'utf8')).toBe(String(other.pid));
    } finally {
      await other.stop();
    }
  });
});
