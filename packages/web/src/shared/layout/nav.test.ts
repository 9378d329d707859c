import { describe, expect, it } from 'vitest';
import type { Role, SessionUser } from '../api/types';
import { homeFor, isCurrent, tabsFor } from './nav';

const user = (role: Role): SessionUser => ({
  id: 'u',
  email: 'u@example.test',
  displayName: 'U',
  role,
  discipline: role === 'clinician' ? 'prescriber' : null,
  clinicId: role === 'clinician' || role === 'admin' ? 'c' : null,
  timeZone: 'UTC',
});
const keys = (role: Role) => tabsFor(user(role)).map((t) => t.key);

describe('tabsFor', () => {
  it('gives patients their daily tools and the care team', () => {
    expect(keys('patient')).toEqual([
      'today',
      'checkin',
      'history',
      'medications',
      'careTeam',
      'profile',
    ]);
  });

  it('gives the workspace to everyone else, as far as the API lets them', () => {
    expect(keys('clinician')).toEqual(['patients', 'invitePatient', 'account']);
    expect(keys('caregiver')).toEqual(['patients', 'account']);
    expect(keys('admin')).toEqual(['clinic', 'account']);
    expect(homeFor(user('admin'))).toBe('/clinic');
    expect(homeFor(user('caregiver'))).toBe('/patients');
  });
});

describe('isCurrent', () => {
  it('marks Patients on a patient page, and Today only on the root', () => {
    const [patients] = tabsFor(user('clinician'));
    const [today] = tabsFor(user('patient'));
    expect(patients !== undefined && isCurrent(patients, '/patients/abc')).toBe(true);
    expect(today !== undefined && isCurrent(today, '/care-team')).toBe(false);
    expect(today !== undefined && isCurrent(today, '/')).toBe(true);
  });
});
