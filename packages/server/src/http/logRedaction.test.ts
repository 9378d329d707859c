import { describe, expect, it } from 'vitest';
import { logError, logUrl } from './logRedaction.js';
import { findNulByte } from './nulBytes.js';

describe('logUrl', () => {
  it('hides credentials carried in paths', () => {
    expect(logUrl('/calendar/abc-DEF_123.ics')).toBe('/calendar/[redacted].ics');
    expect(logUrl('/api/invitations/Q3CM-JH97-UG')).toBe('/api/invitations/[redacted]');
    expect(logUrl('/api/invitations/Q3CM-JH97-UG/accept')).toBe(
      '/api/invitations/[redacted]/accept',
    );
  });

  it('keeps query keys and drops their values', () => {
    expect(logUrl('/api/clinician/patients?q=Ann+Smith&alert=red')).toBe(
      '/api/clinician/patients?q=[redacted]&alert=[redacted]',
    );
    expect(logUrl('/calendar/tok.ics?x=1')).toBe('/calendar/[redacted].ics?x=[redacted]');
    expect(logUrl('/api/session?')).toBe('/api/session');
  });

  it('leaves ordinary paths alone', () => {
    expect(logUrl('/api/patients/6d0f/doses')).toBe('/api/patients/6d0f/doses');
    expect(logUrl('/api/invitations')).toBe('/api/invitations');
  });
});

describe('logError', () => {
  it('drops query parameters and quoted values, keeps the type, SQL text and frames', () => {
    const cause = Object.assign(new Error('invalid input: "Ann"'), { detail: 'Key (n)=(Ann)' });
    const error = Object.assign(
      new Error('Failed query: select $1\nparams: Ann,secret note', { cause }),
      { query: 'select $1', params: ['Ann', 'secret note'] },
    );
    const logged = logError(error);
    const text = JSON.stringify(logged);
    expect(text).not.toMatch(/Ann|secret note/);
    expect(logged.message).toBe('Failed query: select $1');
    expect(logged.type).toBe('Error');
    expect(logged.stack).toMatch(/^Error\n\s+at /);
    expect(logged.stack).toContain('caused by: Error');
  });
});

describe('findNulByte', () => {
  it('finds a NUL in a value or a key, as a JSON pointer', () => {
    expect(findNulByte({ a: ['x', 'y\u0000'] }, '/body')).toBe('/body/a/1');
    expect(findNulByte({ 'k\u0000': 1 }, '/body')).toBe('/body');
    expect(findNulByte({ 'a/b': { '~': 'z\u0000' } }, '/body')).toBe('/body/a~1b/~0');
    expect(findNulByte({ a: 'fine', b: [1, null, true] }, '/body')).toBeNull();
  });

  it('walks a deeply nested body without exhausting the stack', () => {
    const deep = JSON.parse(`${'['.repeat(50_000)}"\\u0000"${']'.repeat(50_000)}`) as unknown;
    expect(findNulByte(deep, '/body')).toMatch(/^\/body(\/0)+$/);
  });
});
