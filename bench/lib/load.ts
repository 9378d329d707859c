/**
 * An HTTP load client that runs in a worker thread, so that on a small machine the client and
 * the in-process server do not share one event loop (the server keeps the main thread; the
 * client takes the other core). Requests go through node:http with a keep-alive agent (see loadWorker.ts for why not fetch).
 */
import { Worker } from 'node:worker_threads';

export interface RequestSpec {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  /** JSON body, sent as application/json. */
  readonly body?: Readonly<Record<string, unknown>>;
  /** A body field set to a fresh value on every request (e.g. an idempotency key). */
  readonly uniqueField?: string;
  /** Prefix of the unique values; give each job its own so that runs never collide. */
  readonly uniquePrefix?: string;
  /** The answer counted as success; anything else is counted by status under `unexpected`. */
  readonly expectStatus: number;
}

export interface SequentialJob {
  readonly kind: 'sequential';
  readonly spec: RequestSpec;
  /** Requests sent first and not measured (JIT, connection, caches). */
  readonly warmup: number;
  readonly count: number;
}

export interface ThroughputJob {
  readonly kind: 'throughput';
  readonly spec: RequestSpec;
  /** Requests in flight at any time (one keep-alive connection each). */
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

export type LoadJob = SequentialJob | ThroughputJob;

export interface LoadResult {
  /** Latency of each measured request, in the order sent (milliseconds, client side). */
  readonly latenciesMs: readonly number[];
  /** Measured requests that got the expected status. */
  readonly ok: number;
  /** Measured requests with another status (or "error" for a failed connection), by status. */
  readonly unexpected: Readonly<Record<string, number>>;
  /** From the start of measurement to the last measured answer. */
  readonly elapsedMs: number;
  /** Measured requests (any status) per second of `elapsedMs`. */
  readonly requestsPerSecond: number;
  /** First unexpected answer body (truncated), to explain failures. */
  readonly firstUnexpected: string | null;
}

type WorkerAnswer = { readonly result: LoadResult } | { readonly error: string };

/**
 * Run one load job in a fresh worker thread and return what it measured.
 *
 * @example
 * const r = await runLoad({ kind: 'sequential', warmup: 50, count: 300,
 *   spec: { url, method: 'GET', headers: { cookie }, expectStatus: 200 } });
 * median(r.latenciesMs);
 */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { workerData: job });
    let settled = false;
    worker.once('message', (answer: WorkerAnswer) => {
      settled = true;
      void worker.terminate();
      if ('error' in answer) reject(new Error(`load worker: ${answer.error}`));
      else resolve(answer.result);
    });
    worker.once('error', (error: unknown) => {
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`load worker exited with code ${String(code)}`));
    });
  });
}
