import http from 'node:http';
import { bareApp, listenLocal } from './lib/http.js';
import { runLoad } from './lib/load.js';
const app = await bareApp();
const base = await listenLocal(app);
const spec = { url: `${base}/api/patients/bare/doses`, method: 'POST' as const, headers: {}, body: { kind: 'extra', slotKey: null, amountMg: 2.5, reason: 'x' }, uniqueField: 'idempotencyKey', uniquePrefix: 'b', expectStatus: 201 };
for (const c of [1, 16, 64]) {
  const r = await runLoad({ kind: 'throughput', spec, concurrency: c, warmupMs: 500, durationMs: 2000 });
  console.log('fetch-worker c', c, r.requestsPerSecond.toFixed(0));
}
// node:http in main thread (same loop as server) for reference
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const u = new URL(spec.url);
const one = () => new Promise<void>((res, rej) => {
  const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (r) => { r.resume(); r.on('end', () => res()); });
  req.on('error', rej); req.end(JSON.stringify({ ...spec.body, idempotencyKey: 'k' }));
});
let n = 0; const end = performance.now() + 2000;
await Promise.all(Array.from({ length: 16 }, async () => { while (performance.now() < end) { await one(); n++; } }));
console.log('node:http same-thread c16', (n / 2).toFixed(0));
await app.close();
