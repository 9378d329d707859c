import { describe, expect, it } from 'vitest';
import type { CheckInView } from '../shared/api/types';
import type { Message, Participant, Thread } from './api';
import {
  arrivals,
  choosable,
  clip,
  graphemes,
  markReadUpTo,
  reportedSideEffects,
  sortByUnread,
  unreadFirst,
} from './logic';
import { threadPath, threadsPath } from './paths';

const person = (id: string, memberKind: Participant['memberKind'] = 'prescriber'): Participant => ({
  id,
  displayName: id,
  role:
    memberKind === 'patient' ? 'patient' : memberKind === 'caregiver' ? 'caregiver' : 'clinician',
  discipline: null,
  memberKind,
});
const message = (id: string, author: string, createdAt: string): Message => ({
  id,
  body: id,
  createdAt,
  author: person(author),
});
const thread = (over: Partial<Thread> = {}): Thread => ({
  id: 't',
  audience: 'team',
  subject: 's',
  context: null,
  createdAt: '2026-03-10T10:00:00.000Z',
  createdBy: person('p', 'patient'),
  lastMessageAt: '2026-03-10T10:00:00.000Z',
  participants: [],
  lastMessage: null,
  unread: 0,
  lastReadAt: null,
  ...over,
});

describe('markReadUpTo', () => {
  const list = [
    message('a', 'doc', '2026-03-10T10:00:00.000Z'),
    message('b', 'doc', '2026-03-10T11:00:00.000Z'),
  ];
  it('marks up to the newest message shown while something is unread', () => {
    expect(markReadUpTo(thread({ unread: 2 }), list)).toBe('2026-03-10T11:00:00.000Z');
    expect(markReadUpTo(thread({ unread: 1, lastReadAt: '2026-03-10T10:00:00.000Z' }), list)).toBe(
      '2026-03-10T11:00:00.000Z',
    );
  });
  it('does nothing when all is read, or the mark is already there', () => {
    expect(markReadUpTo(thread({ unread: 0 }), list)).toBeNull();
    expect(
      markReadUpTo(thread({ unread: 1, lastReadAt: '2026-03-10T11:00:00.000Z' }), list),
    ).toBeNull();
    expect(markReadUpTo(thread({ unread: 1 }), [])).toBeNull();
  });
});

describe('arrivals', () => {
  const list = [
    message('a', 'doc', '2026-03-10T10:00:00.000Z'),
    message('b', 'me', '2026-03-10T11:00:00.000Z'),
    message('c', 'doc', '2026-03-10T12:00:00.000Z'),
  ];
  it('announces nothing on the first load, then only new messages by others', () => {
    expect(arrivals(null, list, 'me')).toEqual([]);
    expect(arrivals(new Set(['a']), list, 'me').map((m) => m.id)).toEqual(['c']);
    expect(arrivals(new Set(['a', 'b', 'c']), list, 'me')).toEqual([]);
  });
});

describe('choosable', () => {
  it('leaves out the patient and the writer', () => {
    const team = [person('p', 'patient'), person('doc'), person('care', 'caregiver')];
    expect(choosable(team, 'p').map((p) => p.id)).toEqual(['doc', 'care']);
    expect(choosable(team, 'doc').map((p) => p.id)).toEqual(['care']);
  });
});

describe('ordering', () => {
  it('puts unread threads first and keeps the server order otherwise', () => {
    const list = [thread({ id: '1' }), thread({ id: '2', unread: 1 }), thread({ id: '3' })];
    expect(unreadFirst(list).map((t) => t.id)).toEqual(['2', '1', '3']);
  });
  it('sorts patients by unread, then by name', () => {
    const rows = [{ displayName: 'Zoe' }, { displayName: 'Adam' }, { displayName: 'Mia' }];
    const counts: Record<string, number> = { Mia: 3 };
    expect(sortByUnread(rows, (r) => counts[r.displayName] ?? 0).map((r) => r.displayName)).toEqual(
      ['Mia', 'Adam', 'Zoe'],
    );
  });
});

describe('reportedSideEffects', () => {
  const checkIn = (over: Partial<CheckInView>): CheckInView => ({
    id: 'c',
    at: '2026-03-10T10:00:00.000Z',
    pain: 4,
    spasm: 3,
    sleepQuality: null,
    anxiety: null,
    mood: null,
    sideEffects: { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
    fall: 'none',
    breathingProblem: false,
    otherSideEffect: null,
    activities: [],
    note: null,
    ...over,
  });
  it('lists the side effects above none, most severe first, the described one included', () => {
    const reported = reportedSideEffects(
      checkIn({
        sideEffects: {
          drowsiness: 'mild',
          dizziness: 'none',
          unsteadiness: 'severe',
          confusion: 'none',
        },
        otherSideEffect: { text: 'Dry mouth', severity: 'moderate' },
      }),
    );
    expect(reported).toEqual([
      { key: 'unsteadiness', severity: 'severe', text: null },
      { key: 'other', severity: 'moderate', text: 'Dry mouth' },
      { key: 'drowsiness', severity: 'mild', text: null },
    ]);
    expect(reportedSideEffects(checkIn({}))).toEqual([]);
  });
});

describe('clip and paths', () => {
  it('clips on characters, with an ellipsis', () => {
    expect(clip('  short  ', 10)).toBe('short');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    const cut = clip('👍🏽'.repeat(10), 5);
    expect(graphemes(cut)).toHaveLength(5);
    expect(cut.startsWith('👍🏽'.repeat(4))).toBe(true);
  });
  it('leads the patient to their own pages, a member to the patient’s', () => {
    const patient = { id: 'p', role: 'patient' as const };
    const doctor = { id: 'd', role: 'clinician' as const };
    expect(threadsPath(patient, 'p')).toBe('/messages');
    expect(threadPath(patient, 'p', 't')).toBe('/messages/t');
    expect(threadsPath(doctor, 'p')).toBe('/patients/p/messages');
    expect(threadPath(doctor, 'p', 't')).toBe('/patients/p/messages/t');
  });
});
