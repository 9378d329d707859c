/** The worker side of `load.ts`: sends the requests of one job and posts back what it measured. */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadJob, LoadResult, RequestSpec } from './load.js';

interface Tally {
  latenciesMs: number[];
  ok: number;
  unexpected: Record<string, number>;
  firstUnexpected: string | null;
}

type Answer = { status: number; text: string };

/**
 * node:http with a keep-alive agent (one socket per lane) rather than fetch: on this machine
 * fetch's own cost capped the bare-Fastify baseline at a quarter of what node:http reaches,
 * which would have made the Steady/bare ratio look better than it is.
 */
function requestMaker(spec: RequestSpec, sockets: number): () => Promise<Answer> {
  let counter = 0;
  const url = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  const options: http.RequestOptions = {
    host: url.hostname,
    port: url.port,
    path: `${url.pathname}${url.search}`,
    method: spec.method,
    agent,
  };
  return () => {
    counter += 1;
    let body: string | undefined;
    if (spec.body !== undefined) {
      const fields: Record<string, unknown> = { ...spec.body };
      if (spec.uniqueField !== undefined) {
        fields[spec.uniqueField] = `${spec.uniquePrefix ?? 'bench'}-${String(counter)}`;
      }
      body = JSON.stringify(fields);
    }
    return new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          ...options,
          headers:
            body === undefined
              ? headers
              : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          // Read the whole answer: the socket is reused only once the body is consumed.
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}

async function timed(send: () => Promise<Answer>) {
  const start = performance.now();
  try {
    const { status, text } = await send();
    return { ms: performance.now() - start, status: String(status), text, end: performance.now() };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { ms: performance.now() - start, status: 'error', text, end: performance.now() };
  }
}

function record(tally: Tally, expect: number, r: Awaited<ReturnType<typeof timed>>): void {
  tally.latenciesMs.push(r.ms);
  if (r.status === String(expect)) {
    tally.ok += 1;
    return;
  }
  tally.unexpected[r.status] = (tally.unexpected[r.status] ?? 0) + 1;
  tally.firstUnexpected ??= r.text.slice(0, 500);
}

const newTally = (): Tally => ({ latenciesMs: [], ok: 0, unexpected: {}, firstUnexpected: null });

function result(tally: Tally, elapsedMs: number): LoadResult {
  return {
    ...tally,
    elapsedMs,
    requestsPerSecond: (tally.latenciesMs.length / elapsedMs) * 1000,
  };
}

async function sequential(job: Extract<LoadJob, { kind: 'sequential' }>): Promise<LoadResult> {
  const send = requestMaker(job.spec, 1);
  for (let i = 0; i < job.warmup; i++) await timed(send);
  const tally = newTally();
  const start = performance.now();
  for (let i = 0; i < job.count; i++) record(tally, job.spec.expectStatus, await timed(send));
  return result(tally, performance.now() - start);
}

async function throughput(job: Extract<LoadJob, { kind: 'throughput' }>): Promise<LoadResult> {
  const send = requestMaker(job.spec, job.concurrency);
  const tally = newTally();
  const measureFrom = performance.now() + job.warmupMs;
  const stopAt = measureFrom + job.durationMs;
  let lastEnd = measureFrom;
  // Each lane keeps one request in flight; answers to requests sent before `measureFrom`
  // (the warm-up) or after `stopAt` are not counted.
  const lane = async () => {
    for (;;) {
      const sentAt = performance.now();
      if (sentAt >= stopAt) return;
      const r = await timed(send);
      if (sentAt >= measureFrom) {
        record(tally, job.spec.expectStatus, r);
        lastEnd = Math.max(lastEnd, r.end);
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, lane));
  return result(tally, lastEnd - measureFrom);
}

async function main(): Promise<void> {
  const job = workerData as LoadJob;
  try {
    const measured = job.kind === 'sequential' ? await sequential(job) : await throughput(job);
    parentPort?.postMessage({ result: measured });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}

await main();
