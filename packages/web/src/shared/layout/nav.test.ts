import { describe, expect, it } from 'vitest';
import enLearn from '../../i18n/en-learn.json';
import enTaperPatient from '../../i18n/en-taperpatient.json';
import enPortability from '../../i18n/en-portability.json';
import en from '../../i18n/en.json';
import type { Role, SessionUser } from '../api/types';
import {
  headerLinksFor,
  homeFor,
  isCurrent,
  labelKeyOf,
  MORE_ITEMS,
  summaryKeyOf,
  tabsFor,
} from './nav';
import { routes } from './routes';

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
const tab = (role: Role, key: string) => {
  const found = tabsFor(user(role)).find((t) => t.key === key);
  if (found === undefined) throw new Error(`no ${key} tab`);
  return found;
};

const lookup = (key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      { ...en, ...enLearn, ...enTaperPatient, ...enPortability },
    );

describe('tabsFor', () => {
  it('gives patients five tabs that fit a 360 px phone, the rest under More', () => {
    expect(keys('patient')).toEqual(['today', 'checkin', 'techniques', 'messages', 'more']);
    expect(MORE_ITEMS.map((i) => i.key)).toEqual([
      'history',
      'medications',
      'taper',
      'goals',
      'insights',
      'learn',
      'checkups',
      'careTeam',
      'profile',
      'myData',
    ]);
    expect(MORE_ITEMS.map((i) => i.href)).toEqual([
      '/history',
      '/medications',
      '/taper',
      '/goals',
      '/insights',
      '/learn',
      '/check-ups',
      '/care-team',
      '/profile',
      '/my-data',
    ]);
    // Profile moved into More: the header keeps only the low-energy switch and sign-out.
    expect(headerLinksFor(user('patient'))).toEqual([]);
    expect(headerLinksFor(user('clinician'))).toEqual([]);
  });

  it('gives the workspace to everyone else, as far as the API lets them', () => {
    expect(keys('clinician')).toEqual(['patients', 'messages', 'invitePatient', 'account']);
    expect(keys('caregiver')).toEqual(['patients', 'messages', 'account']);
    expect(keys('admin')).toEqual(['clinic', 'account']);
    expect(homeFor(user('admin'))).toBe('/clinic');
    expect(homeFor(user('caregiver'))).toBe('/patients');
    expect(homeFor(user('patient'))).toBe('/');
  });

  it('has an English label for every tab and More row', () => {
    const navKeys = [
      ...(['patient', 'clinician', 'caregiver', 'admin'] as const).flatMap((r) =>
        tabsFor(user(r))
          .filter((t) => t.Label === undefined)
          .map((t) => t.key),
      ),
      ...MORE_ITEMS.map((i) => i.key),
    ];
    for (const key of navKeys) {
      expect(typeof lookup(labelKeyOf(key)), key).toBe('string');
    }
    for (const item of MORE_ITEMS) {
      expect(typeof lookup(summaryKeyOf(item.key)), item.key).toBe('string');
    }
  });
});

describe('isCurrent', () => {
  it('marks Patients on a patient page, and Today only on the root', () => {
    expect(isCurrent(tab('clinician', 'patients'), '/patients/abc')).toBe(true);
    expect(isCurrent(tab('patient', 'today'), '/care-team')).toBe(false);
    expect(isCurrent(tab('patient', 'today'), '/')).toBe(true);
  });

  it('marks More on the More page and on every page listed there', () => {
    const more = tab('patient', 'more');
    for (const path of [
      '/more',
      '/learn',
      '/learn/tapering',
      '/history',
      '/profile',
      '/check-ups',
    ]) {
      expect(isCurrent(more, path), path).toBe(true);
    }
    expect(isCurrent(more, '/')).toBe(false);
    expect(isCurrent(more, '/techniques')).toBe(false);
    expect(isCurrent(more, '/learning')).toBe(false);
  });

  it('marks Check in on a questionnaire, and Techniques under /techniques', () => {
    expect(isCurrent(tab('patient', 'checkin'), '/questionnaires/phq9')).toBe(true);
    expect(isCurrent(tab('patient', 'techniques'), '/techniques/paced-breathing')).toBe(true);
    expect(isCurrent(tab('patient', 'checkin'), '/check-ups')).toBe(false);
    expect(routes.more).toBe('/more');
  });
});
