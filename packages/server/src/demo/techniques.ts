/**
 * Dana's technique sessions for "What helps me": 90 days, deterministic. Paced breathing on
 * about half the days, rated before and after; walking on some days, without ratings. Enough
 * for the insights to pass the minimum-data rule (core INSIGHT_MINIMUM_DATA).
 */
import { randomUUID } from 'node:crypto';
import { addDays, localToInstant, type LocalDate } from '@steady/core';
import type { AppContext } from '../context.js';
import { techniqueSessions } from '../db/techniquesSchema.js';
import { prng, rating } from './random.js';

export async function seedDanaTechniques(
  ctx: AppContext,
  patientId: string,
  zone: string,
  start: LocalDate,
  today: LocalDate,
): Promise<number> {
  const random = prng(20261125);
  const now = ctx.now().getTime();
  const rows: (typeof techniqueSessions.$inferInsert)[] = [];
  for (let day = start; day <= today; day = addDays(day, 1)) {
    const breathing = random() < 0.5;
    const walking = random() < 0.35;
    if (breathing) {
      const startedAt = new Date(localToInstant(day, random() < 0.5 ? '07:30' : '17:45', zone));
      const painBefore = rating(4 + random() * 3);
      const tensionBefore = rating(4 + random() * 4);
      if (startedAt.getTime() <= now) {
        rows.push({
          id: randomUUID(),
          patientId,
          techniqueId: 'paced-breathing',
          kind: 'guided',
          startedAt,
          durationMinutes: 5,
          painBefore,
          painAfter: rating(painBefore - 1 - Math.floor(random() * 2)),
          tensionBefore,
          tensionAfter: rating(tensionBefore - 1 - Math.floor(random() * 3)),
          note: null,
          idempotencyKey: randomUUID(),
          createdAt: startedAt,
        });
      }
    }
    if (walking) {
      const startedAt = new Date(localToInstant(day, '11:00', zone));
      if (startedAt.getTime() <= now) {
        rows.push({
          id: randomUUID(),
          patientId,
          techniqueId: 'walking-pacing',
          kind: 'self',
          startedAt,
          durationMinutes: 20,
          note: null,
          idempotencyKey: randomUUID(),
          createdAt: startedAt,
        });
      }
    }
  }
  if (rows.length > 0) await ctx.db.insert(techniqueSessions).values(rows);
  return rows.length;
}
