import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Who holds a lock: the pid, and when this process started. The start time tells a second
 * instance inside this very process (refused) from a stale lock of an earlier process that had
 * the same pid (taken over; common in containers, where Steady is often pid 1).
 */
const OWNER = `${String(process.pid)}\n${String(performance.timeOrigin)}`;

/**
 * Take the data directory for this process. The embedded database must have exactly one
 * writer, so a second Steady on the same directory — in another process or in this one — is
 * refused with a clear message. A lock left by a process that no longer runs (crash, kill -9)
 * is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'steady.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(OWNER);
      await handle.close();
      return {
        // Only our own lock: never one that another process has taken since.
        release: async () => {
          if ((await readFile(file, 'utf8').catch(() => '')) === OWNER)
            await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readFile(file, 'utf8').catch(() => '');
      const pid = Number.parseInt(owner, 10);
      const held =
        owner === OWNER ||
        (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid));
      if (held) {
        throw new DataDirLockedError(
          `Another Steady instance (pid ${String(pid)}) is already using the data directory ${dataDir}. ` +
            'Stop it first, or set STEADY_DATA_DIR to a different directory.',
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dataDir}.`);
}
