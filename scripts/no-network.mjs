/**
 * Preload (`node --import ./scripts/no-network.mjs …`) that blocks and records every outbound
 * network connection a process attempts, for the "no data leaves without being asked" test
 * (outbound.e2e.test.ts, docs/security-tests.md).
 *
 * Allowed: loopback (127.0.0.0/8, ::1, localhost), Unix sockets (a local PostgreSQL), and the
 * hosts named in STEADY_NO_NETWORK_ALLOW (comma-separated: the configured push and SMTP hosts).
 * Anything else is refused — the socket fails as if the host were unreachable — and appended as
 * one JSON line to the file STEADY_NO_NETWORK_LOG, with the stack of the code that tried.
 *
 * It patches the lowest shared layer: `net.Socket.prototype.connect` (used by http, https, tls,
 * undici's fetch, node-postgres, nodemailer, web-push) and DNS look-ups (`dns.lookup`,
 * `dns.resolve*` and their promise forms), so a name is never even resolved.
 */
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const logFile = process.env.STEADY_NO_NETWORK_LOG;
const extra = (process.env.STEADY_NO_NETWORK_ALLOW ?? '')
  .split(',')
  .map((h) => h.trim().toLowerCase())
  .filter((h) => h !== '');
const allowedNames = new Set(['localhost', ...extra]);

// Every guarded process leaves its pid next to the log, so a test can tell the guard was on.
if (logFile !== undefined) appendFileSync(`${logFile}.pids`, `${String(process.pid)}\n`);

function allowed(host) {
  const name = String(host ?? 'localhost')
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (allowedNames.has(name)) return true;
  if (name === '::1' || name === '::ffff:127.0.0.1') return true;
  return /^127(\.\d{1,3}){3}$/.test(name);
}

function record(kind, destination) {
  const stack = (new Error().stack ?? '')
    .split('\n')
    .slice(3, 12)
    .map((l) => l.trim());
  const line = JSON.stringify({ kind, destination, pid: process.pid, stack });
  if (logFile !== undefined) appendFileSync(logFile, `${line}\n`);
  else process.stderr.write(`noNetwork: blocked ${line}\n`);
}

function blocked(destination) {
  const error = new Error(`Outbound connection to ${destination} blocked by noNetwork.mjs`);
  error.code = 'ENETUNREACH';
  return error;
}

/** The connect target from any of connect's call forms, or null for a Unix socket. */
function target(args) {
  let [first, second] = args;
  // net.connect() hands the socket its already normalized [options, callback] array.
  if (Array.isArray(first)) [first, second] = first;
  if (first !== null && typeof first === 'object') {
    if (first.path !== undefined) return null;
    return { host: first.host ?? 'localhost', port: first.port };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return null; // a socket path
  return { host: typeof second === 'string' ? second : 'localhost', port: first };
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const to = target(args);
  if (to !== null && !allowed(to.host)) {
    const destination = `${to.host}:${String(to.port)}`;
    record('connect', destination);
    process.nextTick(() => this.destroy(blocked(destination)));
    return this;
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (!allowed(hostname) && net.isIP(String(hostname)) === 0) {
    record('dns', String(hostname));
    const error = blocked(String(hostname));
    error.code = 'ENOTFOUND';
    process.nextTick(() => done(error));
    return {};
  }
  return lookup.call(this, hostname, options, callback);
};
const promiseLookup = dns.promises.lookup;
dns.promises.lookup = function guardedPromiseLookup(hostname, options) {
  if (!allowed(hostname) && net.isIP(String(hostname)) === 0) {
    record('dns', String(hostname));
    return Promise.reject(blocked(String(hostname)));
  }
  return promiseLookup.call(this, hostname, options);
};
for (const name of Object.keys(dns)) {
  if (!name.startsWith('resolve') || typeof dns[name] !== 'function') continue;
  const original = dns[name];
  dns[name] = function guardedResolve(hostname, ...rest) {
    if (!allowed(hostname)) {
      record('dns', String(hostname));
      const done = rest.at(-1);
      if (typeof done === 'function') process.nextTick(() => done(blocked(String(hostname))));
      return undefined;
    }
    return original.call(this, hostname, ...rest);
  };
}
// ES modules that imported these functions by name see the guarded versions too.
syncBuiltinESMExports();
