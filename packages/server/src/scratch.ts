import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { loadConfig } from './config.js';
import { startServer } from './server.js';
const dataDir = await mkdtemp(path.join(tmpdir(), 'steady-x-'));
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', STEADY_DATA_DIR: dataDir, STEADY_WEB_DIR: dataDir });
let t = Date.now();
const lap = (s: string) => { console.log(s, Date.now() - t); t = Date.now(); };
const server = await startServer(config);
lap('start');
const res = await fetch(`${server.url}/readyz`); await res.text();
console.log(res.headers.get('connection'), res.headers.get('keep-alive'));
lap('fetch');
await server.stop();
lap('stop after fetch');
const s2 = await startServer(config);
lap('start2');
const { port } = s2.app.server.address() as { port: number };
await new Promise<void>((resolve) => {
  const req = http.request({ host: '127.0.0.1', port, path: '/healthz', agent: new http.Agent({ keepAlive: true }) }, (r) => {
    r.resume(); r.on('end', () => { console.log('resp headers', r.headers.connection); resolve(); });
  });
  s2.app.server.once('request', () => { lap('received'); void s2.stop().then(() => lap('stopped (in-flight)')); });
  req.end();
});
lap('response');
await new Promise((r) => setTimeout(r, 8000));
