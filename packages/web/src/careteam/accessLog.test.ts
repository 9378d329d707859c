import { describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '../shared/api/types';
import { collapseEntries, isView } from './accessLog';

type Actor = AccessLogEntry['actor'];
const rivera: Actor = {
  id: 'r',
  displayName: 'Dr. Rivera',
  role: 'clinician',
  discipline: 'prescriber',
};
const lee: Actor = { id: 'l', displayName: 'Lee', role: 'caregiver', discipline: null };
const entry = (
  at: string,
  action: string,
  category: AccessLogEntry['category'],
  actor: Actor = rivera,
): AccessLogEntry => ({ at, actor, action, category });

describe('isView', () => {
  it('treats reads as views and everything else as changes', () => {
    expect(isView('regimen.read')).toBe(true);
    expect(isView('history.read')).toBe(true);
    expect(isView('regimen.write')).toBe(false);
    expect(isView('regimen.create')).toBe(false);
  });
});

describe('collapseEntries', () => {
  it('merges a run of the same access within a minute, newest first', () => {
    const rows = collapseEntries([
      entry('2026-03-03T10:00:05Z', 'regimen.read', 'medications'),
      entry('2026-03-03T10:00:09Z', 'today.read', 'medications'),
      entry('2026-03-03T10:00:10Z', 'history.read', 'checkins'),
    ]);
    expect(rows.map((r) => [r.entry.category, r.count])).toEqual([
      ['checkins', 1],
      ['medications', 2],
    ]);
  });

  it('keeps views, changes, people and minutes apart', () => {
    const rows = collapseEntries([
      entry('2026-03-03T10:00:01Z', 'regimen.read', 'medications'),
      entry('2026-03-03T10:00:02Z', 'regimen.write', 'medications'),
      entry('2026-03-03T10:00:03Z', 'regimen.read', 'medications', lee),
      entry('2026-03-03T10:01:00Z', 'regimen.read', 'medications'),
    ]);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.count === 1)).toBe(true);
  });
});
