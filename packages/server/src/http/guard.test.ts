import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/sessions.js';
import { AppError } from './errors.js';
import { isPolicyExempt } from './guard.js';
import { authorize, type RoutePolicy } from './policy.js';

describe('isPolicyExempt', () => {
  it.each([
    ['/', 'GET', true],
    ['/assets/app.js', 'HEAD', true],
    ['/api/docs', 'GET', true],
    ['/api/docs/static/*', ['GET', 'HEAD'], true],
    ['/api/session', 'GET', false],
    ['/api/openapi.json', 'GET', false],
    ['/healthz', 'GET', false],
    ['/readyz', 'HEAD', false],
    // Anything below an API path is API, including FHIR and deeper health checks.
    ['/healthz/deep', 'GET', false],
    ['/fhir/Patient/:id', 'GET', false],
    ['/api/docsx', 'GET', false],
    ['/apidocs', 'GET', true],
    ['/', 'POST', false],
    ['/api/docs', ['GET', 'POST'], false],
  ] as const)('%s %s → %s', (url, method, exempt) => {
    expect(isPolicyExempt(url, method as string | string[])).toBe(exempt);
  });
});

describe('authorize', () => {
  const patient: SessionUser = {
    id: '1a1a1a1a-1111-4111-8111-111111111111',
    email: 'p@example.org',
    displayName: 'P',
    role: 'patient',
    discipline: null,
    timeZone: 'Europe/Paris',
  };
  const clinician: SessionUser = {
    ...patient,
    id: '22222222-2222-4222-8222-222222222222',
    role: 'clinician',
    discipline: 'prescriber',
  };
  const read: RoutePolicy = { kind: 'patient-data', category: 'doses', access: 'read' };
  const codeOf = (run: () => void): string | null => {
    try {
      run();
      return null;
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  };

  it('lets anyone call a public route', () => {
    expect(
      codeOf(() => {
        authorize({ kind: 'public' }, null, undefined);
      }),
    ).toBeNull();
  });

  it('asks anonymous callers to sign in on every other route', () => {
    expect(
      codeOf(() => {
        authorize({ kind: 'signed-in' }, null, undefined);
      }),
    ).toBe('STEADY_ERR_UNAUTHENTICATED');
    expect(
      codeOf(() => {
        authorize(read, null, patient.id);
      }),
    ).toBe('STEADY_ERR_UNAUTHENTICATED');
  });

  it('lets a patient reach only their own data, and hides others behind 404', () => {
    expect(
      codeOf(() => {
        authorize(read, patient, patient.id);
      }),
    ).toBeNull();
    expect(
      codeOf(() => {
        authorize(read, patient, clinician.id);
      }),
    ).toBe('STEADY_ERR_NOT_FOUND');
    expect(
      codeOf(() => {
        authorize(read, patient, undefined);
      }),
    ).toBe('STEADY_ERR_NOT_FOUND');
    expect(
      codeOf(() => {
        authorize(read, patient, patient.id.toUpperCase());
      }),
    ).toBe('STEADY_ERR_NOT_FOUND');
  });

  it('gives clinicians no patient data until consent exists (not even with their own id)', () => {
    expect(
      codeOf(() => {
        authorize(read, clinician, patient.id);
      }),
    ).toBe('STEADY_ERR_NOT_FOUND');
    expect(
      codeOf(() => {
        authorize(read, clinician, clinician.id);
      }),
    ).toBe('STEADY_ERR_NOT_FOUND');
    expect(
      codeOf(() => {
        authorize({ kind: 'signed-in' }, clinician, undefined);
      }),
    ).toBeNull();
  });
});
