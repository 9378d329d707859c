/**
 * Fixtures of the visit summary suites: a patient with three weeks of doses, check-ins, PEG
 * answers, technique sessions, a question for the visit and a signed taper, and helpers to
 * read a PDF's text and page size with poppler (pdftotext, pdfinfo).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, localToInstant, type LocalDate } from '@steady/core';
import { expect } from 'vitest';
import { insertSignedTaper } from '../taper/taper.test-helpers.js';
import { checkInBody, regimenBody, type Client, type Harness } from '../testing/harness.js';

export const ZONE = 'Europe/Paris';
export const FROM: LocalDate = '2026-03-01';
export const TO: LocalDate = '2026-03-21';
/** Words only the patient's own data holds, to find (or not) in the PDF's text. */
export const MARKERS = {
  question: 'Can I drive after the evening dose',
  otherSideEffect: 'ringing ears',
  regimenReason: 'Spasm worse at night',
  taperReason: 'Agreed slow reduction',
} as const;

const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 201) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
};

/** Three weeks of the patient's life, logged through the API as the app would. */
export async function seedPatientMonth(
  h: Harness,
  patient: Client,
  prescriberId: string,
): Promise<void> {
  const base = `/api/patients/${patient.userId}`;
  const at = (date: LocalDate, time: string) => localToInstant(date, time, ZONE);
  h.clock.set(at('2026-02-20', '10:00'));
  await ok(
    patient.post(
      `${base}/regimen`,
      regimenBody('2026-02-20', {
        doses: [
          { time: '08:00', amountMg: 5 },
          { time: '20:00', amountMg: 5 },
        ],
        asNeeded: { amountMg: 2, minIntervalHours: 6, maxPerDay: 1 },
        formulation: 'tab2',
      }),
    ),
  );
  h.clock.set(at('2026-03-05', '09:00'));
  await ok(
    patient.post(
      `${base}/regimen`,
      regimenBody('2026-03-05', {
        doses: [
          { time: '08:00', amountMg: 4 },
          { time: '20:00', amountMg: 6 },
        ],
        asNeeded: null,
        formulation: 'tab2',
        reason: MARKERS.regimenReason,
      }),
    ),
  );
  for (let date = FROM; date <= TO; date = addDays(date, 1)) {
    const day = Number(date.slice(8));
    for (const time of ['08:00', '20:00']) {
      h.clock.set(at(date, time === '08:00' ? '08:10' : '20:15'));
      const skipped = time === '20:00' && day % 6 === 0;
      await ok(
        patient.post(`${base}/doses`, {
          idempotencyKey: randomUUID(),
          kind: skipped ? 'skipped' : 'taken',
          slotKey: `${date}T${time}`,
        }),
      );
    }
    if (day % 7 === 3) {
      h.clock.set(at(date, '15:00'));
      await ok(
        patient.post(`${base}/doses`, {
          idempotencyKey: randomUUID(),
          kind: 'extra',
          slotKey: null,
          amountMg: 2,
          reason: 'Spasm flare',
        }),
      );
    }
    h.clock.set(at(date, '19:00'));
    await ok(
      patient.post(
        `${base}/checkins`,
        checkInBody({
          pain: 7 - Math.floor(day / 5),
          sideEffects: {
            drowsiness: day % 4 === 0 ? 'moderate' : 'mild',
            dizziness: 'none',
            unsteadiness: day === 9 ? 'severe' : 'none',
            confusion: 'none',
          },
          otherSideEffect: day === 12 ? { text: MARKERS.otherSideEffect, severity: 'mild' } : null,
          fall: day === 9 ? 'near_fall' : 'none',
        }),
      ),
    );
    if (day % 7 === 1) {
      await ok(
        patient.post(`${base}/questionnaire-responses`, {
          idempotencyKey: randomUUID(),
          instrumentId: 'peg',
          answers: { 'peg-p': 7 - Math.floor(day / 7), 'peg-e': 6, 'peg-g': 5 },
        }),
      );
      await ok(
        patient.post(`${base}/technique-sessions`, {
          idempotencyKey: randomUUID(),
          techniqueId: 'paced-breathing',
          kind: 'guided',
          startedAt: at(date, '18:30'),
          durationMinutes: 10,
          painBefore: 6,
          painAfter: 4,
          tensionBefore: 5,
          tensionAfter: 3,
        }),
      );
    }
  }
  h.clock.set(at(TO, '21:00'));
  await ok(patient.post(`${base}/visit-questions`, { text: MARKERS.question }));
  await insertSignedTaper(
    h,
    { patientId: patient.userId, prescriberId },
    '2026-03-10',
    MARKERS.taperReason,
  );
  h.clock.set(at('2026-03-22', '09:00'));
}

/** The URL of a visit summary of the seeded period. */
export const reportUrl = (patientId: string, query = '') =>
  `/api/patients/${patientId}/reports/visit-summary.pdf?from=${FROM}&to=${TO}${query}`;

/** A PDF's text (pdftotext -layout, white space collapsed) and its first page's size in points (pdfinfo). */
export function readPdf(bytes: Buffer): { text: string; pages: number; size: [number, number] } {
  const dir = mkdtempSync(join(tmpdir(), 'steady-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    const pages = /Pages:\s+(\d+)/.exec(info);
    return {
      // Lines wrap wherever the layout put them: compare words, not line breaks.
      text: text.replace(/\s+/g, ' '),
      pages: Number(pages?.[1] ?? 0),
      size: [Number(size?.[1] ?? 0), Number(size?.[2] ?? 0)],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
