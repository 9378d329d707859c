import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedDoseEvent } from '../regimen/doseLog.js';
import { twiceDaily } from '../regimen/fixtures.test-helpers.js';
import { addDays, doseSlots, localDateOf, localToInstant } from '../regimen/slots.js';
import type { RegimenVersion } from '../regimen/types.js';
import {
  CAREGIVER_AFTER_MINUTES,
  RECORDED_GRACE_MINUTES,
  REMIND_AGAIN_MINUTES,
  inQuietHours,
  remindersDue,
  type DueReminder,
  type RemindersDueInput,
  type ReminderSettings,
} from './due.js';

const MINUTE = 60_000;

// Zones with the usual one-hour changes, a half-hour change (Lord Howe), a change at midnight
// (Santiago) and none (UTC, Kolkata).
const zones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
] as const;

// Days around the 2026 changes of those zones, and an ordinary one.
const anchors = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-09-06',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
  '2026-06-15',
];

const pad = (n: number) => String(n).padStart(2, '0');
const time = fc.oneof(
  // Times near midnight and in the night hours that the changes skip or repeat.
  fc.constantFrom('00:00', '00:15', '00:30', '01:30', '02:00', '02:30', '03:00', '23:30', '23:59'),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${pad(h)}:${pad(m)}`),
);

const settings: fc.Arbitrary<ReminderSettings> = fc.record({
  enabled: fc.boolean(),
  remindAgainMinutes: fc.option(
    fc.integer({ min: REMIND_AGAIN_MINUTES.min, max: REMIND_AGAIN_MINUTES.max }),
    { nil: null },
  ),
  quietHours: fc.option(fc.record({ start: time, end: time }), { nil: null }),
  caregiverNotice: fc.boolean(),
  caregiverAfterMinutes: fc.integer({
    min: CAREGIVER_AFTER_MINUTES.min,
    max: CAREGIVER_AFTER_MINUTES.max,
  }),
});

interface Case {
  readonly input: RemindersDueInput;
  /** Cut points strictly inside (from, to), ascending. */
  readonly cuts: readonly string[];
}

const scenario: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...zones),
    anchor: fc.constantFrom(...anchors),
    startOffset: fc.integer({ min: -2, max: 1 }),
    days: fc.integer({ min: 1, max: 3 }),
    first: fc.uniqueArray(time, { minLength: 1, maxLength: 4 }),
    // An optional second version (a taper step or a change recorded mid-day).
    second: fc.option(
      fc.record({
        times: fc.uniqueArray(time, { minLength: 0, maxLength: 3 }),
        startOffset: fc.integer({ min: -2, max: 3 }),
        recordedHoursBefore: fc.integer({ min: -30, max: 30 }),
        lasts: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      }),
      { nil: null },
    ),
    settings,
    confirm: fc.array(fc.tuple(fc.nat(40), fc.constantFrom('taken', 'skipped', 'extra')), {
      maxLength: 6,
    }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
  })
  .map((a): Case => {
    const zone = a.zone;
    const firstDay = addDays(a.anchor, a.startOffset);
    const v1: RegimenVersion = {
      ...twiceDaily,
      doses: a.first.map((t) => ({ time: t, amountMg: 5 })),
      startDate: addDays(firstDay, -5),
    };
    const versions = [v1];
    if (a.second !== null) {
      const start = addDays(firstDay, a.second.startOffset);
      versions.push({
        ...twiceDaily,
        id: 'r2',
        version: 2,
        doses: a.second.times.map((t) => ({ time: t, amountMg: 2 })),
        startDate: start,
        endDate: a.second.lasts === null ? null : addDays(start, a.second.lasts),
        createdAt: new Date(
          Date.parse(localToInstant(start, '12:00', zone)) -
            a.second.recordedHoursBefore * 3_600_000,
        ).toISOString(),
      });
    }
    const from = localToInstant(firstDay, '00:00', zone);
    const to = localToInstant(addDays(firstDay, a.days), '00:00', zone);
    const slots = doseSlots(versions, addDays(firstDay, -2), addDays(firstDay, a.days), zone);
    const events: LoggedDoseEvent[] = [];
    a.confirm.forEach(([pick, kind], i) => {
      const slot = slots[pick % Math.max(slots.length, 1)];
      if (slot === undefined) return;
      events.push({
        id: `e${i}`,
        kind,
        slotKey: kind === 'extra' ? null : slot.key,
        takenAt: slot.dueAt,
        amountMg: kind === 'skipped' ? 0 : 5,
        reason: null,
      });
    });
    const span = Date.parse(to) - Date.parse(from);
    const cuts = [...new Set(a.cuts.map((c) => Math.floor(c * span)))]
      .filter((ms) => ms > 0 && ms < span)
      .sort((x, y) => x - y)
      .map((ms) => new Date(Date.parse(from) + ms).toISOString());
    return { input: { versions, timeZone: zone, settings: a.settings, events, from, to }, cuts };
  });

const plus = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * MINUTE).toISOString();

describe('remindersDue (properties)', () => {
  it('planning in consecutive windows yields each reminder exactly once, as one window does', () => {
    fc.assert(
      fc.property(scenario, ({ input, cuts }) => {
        const whole = remindersDue(input);
        const bounds = [input.from, ...cuts, input.to];
        const pieces: DueReminder[] = [];
        for (let i = 0; i + 1 < bounds.length; i += 1) {
          pieces.push(...remindersDue({ ...input, from: bounds[i]!, to: bounds[i + 1]! }));
        }
        expect(pieces).toEqual(whole);
        expect(new Set(whole.map((r) => r.key)).size).toBe(whole.length);
      }),
    );
  });

  it('lists reminders inside the window, sorted, and each kind by its rule', () => {
    const order = { dose: 0, again: 1, caregiver: 2 } as const;
    fc.assert(
      fc.property(scenario, ({ input }) => {
        const { settings: s, timeZone: zone } = input;
        const found = remindersDue(input);
        const confirmed = new Set(
          input.events.filter((e) => e.kind !== 'extra').map((e) => e.slotKey),
        );
        found.forEach((r, i) => {
          expect(r.dueAt > input.from && r.dueAt <= input.to).toBe(true);
          expect(r.key).toBe(`${r.kind}:${r.slot.key}`);
          expect(confirmed.has(r.slot.key)).toBe(false);
          const next = found[i + 1];
          if (next !== undefined) {
            expect(
              r.dueAt < next.dueAt || (r.dueAt === next.dueAt && order[r.kind] <= order[next.kind]),
            ).toBe(true);
          }
          switch (r.kind) {
            case 'dose':
              expect(s.enabled).toBe(true);
              expect(r.dueAt).toBe(r.slot.dueAt);
              expect(r.silent).toBe(inQuietHours(r.dueAt, zone, s.quietHours));
              break;
            case 'again':
              expect(s.enabled).toBe(true);
              expect(s.remindAgainMinutes).not.toBeNull();
              expect(r.dueAt).toBe(plus(r.slot.dueAt, s.remindAgainMinutes ?? 0));
              expect(inQuietHours(r.dueAt, zone, s.quietHours)).toBe(false);
              expect(r.silent).toBe(false);
              break;
            case 'caregiver': {
              expect(s.caregiverNotice).toBe(true);
              const earliest = plus(r.slot.dueAt, s.caregiverAfterMinutes);
              expect(r.dueAt >= earliest).toBe(true);
              // Held only by quiet hours: at most a (25-hour, fall-back) day, or two when a
              // spring-forward jump lands in them again.
              if (r.dueAt !== earliest) {
                expect(inQuietHours(earliest, zone, s.quietHours)).toBe(true);
                // ...and no longer: the minute before it is still quiet.
                expect(inQuietHours(plus(r.dueAt, -1), zone, s.quietHours)).toBe(true);
                expect(Date.parse(r.dueAt) - Date.parse(earliest)).toBeLessThanOrEqual(
                  49 * 60 * MINUTE,
                );
              }
              expect(inQuietHours(r.dueAt, zone, s.quietHours)).toBe(false);
              expect(r.silent).toBe(false);
              break;
            }
          }
        });
      }),
    );
  });

  it('reminds of every unconfirmed slot in the window, repeats before the next dose, notices on time', () => {
    fc.assert(
      fc.property(scenario, ({ input }) => {
        const { timeZone: zone, settings: s } = input;
        const found = new Set(remindersDue(input).map((r) => r.key));
        const confirmed = new Set(
          input.events.filter((e) => e.kind !== 'extra').map((e) => e.slotKey),
        );
        const inWindow = (instant: string) => instant > input.from && instant <= input.to;
        // Every slot that could matter, in due order (stable: same-instant slots by time).
        const slots = doseSlots(
          input.versions,
          addDays(localDateOf(input.from, zone), -3),
          addDays(localDateOf(input.to, zone), 1),
          zone,
        ).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
        const recorded = new Map(input.versions.map((v) => [v.id, v.createdAt]));
        slots.forEach((slot, i) => {
          // Unconfirmed, and not already past when its regimen version was recorded.
          const recordedAt = recorded.get(slot.regimenVersionId) ?? '';
          const open =
            !confirmed.has(slot.key) && slot.dueAt >= plus(recordedAt, -RECORDED_GRACE_MINUTES);
          expect(found.has(`dose:${slot.key}`)).toBe(s.enabled && open && inWindow(slot.dueAt));
          if (s.remindAgainMinutes !== null) {
            const again = plus(slot.dueAt, s.remindAgainMinutes);
            const next = slots[i + 1];
            expect(found.has(`again:${slot.key}`)).toBe(
              s.enabled &&
                open &&
                inWindow(again) &&
                !inQuietHours(again, zone, s.quietHours) &&
                (next === undefined || again < next.dueAt),
            );
          } else {
            expect(found.has(`again:${slot.key}`)).toBe(false);
          }
          const notice = plus(slot.dueAt, s.caregiverAfterMinutes);
          if (!s.caregiverNotice || !open) {
            expect(found.has(`caregiver:${slot.key}`)).toBe(false);
          } else if (!inQuietHours(notice, zone, s.quietHours)) {
            expect(found.has(`caregiver:${slot.key}`)).toBe(inWindow(notice));
          }
        });
      }),
    );
  });
});
