import { describe, expect, it } from 'vitest';
import { precachePaths, shellCacheName, strategyFor, type ManifestEntry } from './swRoutes';

const origin = 'https://steady.example.org';
const manifest: ManifestEntry[] = [
  { url: 'index.html', revision: 'r1' },
  { url: 'assets/index-abc.js', revision: null },
];
const precached = precachePaths(manifest);

function strategy(path: string, method = 'GET', mode = 'cors') {
  return strategyFor({ method, url: new URL(path, origin), mode, origin }, precached);
}

describe('strategyFor', () => {
  it("answers the session and the patient's Today network first, with the saved copy offline", () => {
    expect(strategy('/api/session')).toBe('api-network-first');
    expect(strategy('/api/patients/p-1/today')).toBe('api-network-first');
  });

  it('leaves every other API call, and any write, to the network', () => {
    expect(strategy('/api/patients/p-1/today/extra')).toBe('network');
    expect(strategy('/api/patients/p-1/history')).toBe('network');
    expect(strategy('/api/patients/p-1/today?x=1')).toBe('network');
    expect(strategy('/api/patients/p-1/doses', 'POST')).toBe('network');
    expect(strategy('/api/session', 'DELETE')).toBe('network');
    expect(strategy('/fhir/Patient/p-1')).toBe('network');
    expect(strategy('/healthz', 'GET', 'navigate')).toBe('network');
  });

  it('drops the saved answers when the patient signs out', () => {
    expect(strategy('/api/auth/logout', 'POST')).toBe('sign-out');
    expect(strategy('/api/me/sessions/revoke-all', 'POST')).toBe('sign-out');
  });

  it('opens pages from the app shell and built files from the precache', () => {
    expect(strategy('/history', 'GET', 'navigate')).toBe('page');
    expect(strategy('/assets/index-abc.js')).toBe('precached');
    expect(strategy('/assets/unknown.js')).toBe('network');
  });

  it('never touches other origins', () => {
    const url = new URL('https://elsewhere.example.com/api/session');
    expect(strategyFor({ method: 'GET', url, mode: 'cors', origin }, precached)).toBe('network');
  });
});

describe('shellCacheName', () => {
  it('changes when any built file changes, so an old shell is replaced', () => {
    const name = shellCacheName(manifest);
    expect(name).toMatch(/^steady-shell-[0-9a-f]{8}$/);
    expect(shellCacheName([...manifest])).toBe(name);
    expect(shellCacheName([{ url: 'index.html', revision: 'r2' }, manifest[1]!])).not.toBe(name);
  });

  it('knows precached files by absolute path', () => {
    expect([...precached]).toEqual(['/index.html', '/assets/index-abc.js']);
  });
});
