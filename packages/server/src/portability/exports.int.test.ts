/**
 * CSV and JSON exports: RFC 4180 files with local and UTC times and no formula a spreadsheet
 * would run; a JSON document with every table of the patient and no secrets; only the patient
 * may export, and every export is audited.
 */
import { randomUUID } from 'node:crypto';
import { localDateOf, localTimeOf } from '@steady/core';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog } from '../db/schema.js';
import { addClinician, createClinicFixture, link } from '../testing/careteam.js';
import {
  checkInBody,
  regimenBody,
  registerPatient,
  type Client,
  type Harness,
} from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { patientTables } from './account.js';

/** An RFC 4180 reader, enough for the files under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  expect(cell, 'the file ends with CRLF').toBe('');
  return rows;
}

/** The rows of a CSV as objects keyed by the header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) throw new Error('no header row');
  for (const r of rows) expect(r.length).toBe(header.length);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const ZONE = 'America/New_York';
const NASTY_NOTE = '=HYPERLINK("http://evil.example","click"), then\nsecond line';

describeOnDatabases('data exports', (harness) => {
  let h: Harness;
  let p: Client;
  let other: Client;
  let base: string;
  let doseTakenAt: string;

  const exportAs = (client: Client, kind: string, patientId = p.userId) =>
    client.post(`/api/patients/${patientId}/exports`, { kind });

  beforeAll(async () => {
    h = harness();
    p = await registerPatient(h.app, { timeZone: ZONE, displayName: 'Export Patient' });
    other = await registerPatient(h.app, { displayName: 'Other Patient' });
    base = `/api/patients/${p.userId}`;
    expect((await p.post(`${base}/regimen`, regimenBody('2026-03-01'))).statusCode).toBe(201);
    const dose = await p.post(`${base}/doses`, {
      idempotencyKey: randomUUID(),
      kind: 'taken',
      slotKey: '2026-03-10T08:00',
      takenAt: '2026-03-10T12:05:00.000Z',
    });
    expect(dose.statusCode, dose.body).toBe(201);
    doseTakenAt = dose.json<{ event: { takenAt: string } }>().event.takenAt;
    const checkIn = await p.post(`${base}/checkins`, checkInBody({ note: NASTY_NOTE, pain: 7 }));
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    const session = await p.post(`${base}/technique-sessions`, {
      idempotencyKey: randomUUID(),
      techniqueId: 'acupuncture',
      kind: 'elsewhere',
      startedAt: '2026-03-09T15:00:00.000Z',
      durationMinutes: 30,
      painBefore: 6,
      painAfter: 4,
      provider: '+Riverside, "east"',
    });
    expect(session.statusCode, session.body).toBe(201);
    await other.post(
      `/api/patients/${other.userId}/checkins`,
      checkInBody({ note: 'OTHER-SECRET' }),
    );
    await p.post(`${base}/calendar-feed`);
  });

  it('exports doses as CSV with the local time in the patient zone and the UTC instant', async () => {
    const res = await exportAs(p, 'doses');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="steady-doses-2026-03-10.csv"',
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const [dose, ...rest] = records(res.body);
    expect(rest).toEqual([]);
    expect(dose).toMatchObject({
      local_date: localDateOf(doseTakenAt, ZONE),
      local_time: localTimeOf(doseTakenAt, ZONE),
      time_zone: ZONE,
      taken_at_utc: doseTakenAt,
      kind: 'taken',
      scheduled_slot: '2026-03-10T08:00',
      amount_mg: '5',
      status: 'current',
    });
    // 12:05 UTC is 08:05 in New York on 10 March 2026 (EDT since the 8th).
    expect([dose?.local_date, dose?.local_time]).toEqual(['2026-03-10', '08:05']);
  });

  it('quotes and neutralises free text in the check-ins CSV', async () => {
    const res = await exportAs(p, 'checkins');
    expect(res.statusCode).toBe(200);
    expect(res.body.split('\r\n')[0]).toBe(
      'local_date,local_time,time_zone,at_utc,pain_0_10,spasm_0_10,sleep_quality,anxiety,mood,' +
        'drowsiness,dizziness,unsteadiness,confusion,fall,breathing_problem,other_side_effect,' +
        'other_side_effect_severity,activities,note,id',
    );
    const [row] = records(res.body);
    expect(row?.note).toBe(`'${NASTY_NOTE}`);
    expect(row?.pain_0_10).toBe('7');
    expect(row?.breathing_problem).toBe('no');
    expect(res.body).not.toContain('OTHER-SECRET');
  });

  it('exports techniques and questionnaires with a header even when empty', async () => {
    const techniques = records((await exportAs(p, 'techniques')).body);
    expect(techniques).toHaveLength(1);
    expect(techniques[0]).toMatchObject({
      local_date: '2026-03-09',
      local_time: '11:00',
      started_at_utc: '2026-03-09T15:00:00.000Z',
      technique: 'acupuncture',
      pain_before: '6',
      pain_after: '4',
      provider: `'+Riverside, "east"`,
    });
    const questionnaires = await exportAs(p, 'questionnaires');
    expect(questionnaires.statusCode).toBe(200);
    expect(parseCsv(questionnaires.body)).toEqual([
      [
        'local_date',
        'local_time',
        'time_zone',
        'at_utc',
        'instrument',
        'instrument_version',
        'total',
        'band',
        'taper_step',
        'answers',
        'assignment_id',
        'id',
      ],
    ]);
  });

  it('exports the whole account as versioned JSON, every patient table, no secrets', async () => {
    const res = await exportAs(p, 'account');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="steady-account-2026-03-10.json"',
    );
    const doc = res.json<{
      format: string;
      version: number;
      exportedAt: string;
      timeZone: string;
      account: { id: string; email: string };
      tables: Record<string, Record<string, unknown>[]>;
    }>();
    expect(doc.format).toBe('steady.account-export');
    expect(doc.version).toBe(1);
    expect(doc.exportedAt).toBe(h.clock.now().toISOString());
    expect(doc.timeZone).toBe(ZONE);
    expect(doc.account.id).toBe(p.userId);
    const names = patientTables().map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['check_ins', 'dose_events', 'regimen_versions', 'calendar_feeds']),
    );
    expect(Object.keys(doc.tables).sort()).toEqual(
      [...names, 'messages', 'message_participants'].sort(),
    );
    expect(doc.tables.check_ins?.[0]?.note).toBe(NASTY_NOTE);
    expect(doc.tables.dose_events).toHaveLength(1);
    expect(doc.tables.technique_sessions).toHaveLength(1);
    expect(doc.tables.calendar_feeds).toHaveLength(1);
    expect(Object.keys(doc.tables.calendar_feeds?.[0] ?? {})).not.toContain('tokenHash');
    expect(res.body).not.toMatch(/passwordHash|tokenHash|codeHash|csrfToken|argon2/);
    expect(res.body).not.toContain('OTHER-SECRET');
    expect(res.body).not.toContain(other.userId);
  });

  it('audits every export with ids and counts only', async () => {
    const rows = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, p.userId), eq(auditLog.actorId, p.userId)));
    const exportsDone = rows.filter((r) => r.action.startsWith('export.'));
    expect(exportsDone.map((r) => r.details)).toEqual(
      expect.arrayContaining([
        { kind: 'doses', rows: 1 },
        { kind: 'checkins', rows: 1 },
        { kind: 'techniques', rows: 1 },
        { kind: 'questionnaires', rows: 0 },
        expect.objectContaining({ kind: 'account' }) as unknown,
      ]),
    );
    expect(JSON.stringify(exportsDone)).not.toContain('HYPERLINK');
  });

  it('keeps a corrected dose and its correction, each marked', async () => {
    const [original] = records((await exportAs(p, 'doses')).body);
    const fix = await p.post(`${base}/doses/${original?.id ?? ''}/correct`, {
      idempotencyKey: randomUUID(),
      amountMg: 2.5,
      reason: 'Took half',
    });
    expect(fix.statusCode, fix.body).toBe(201);
    const rows = records((await exportAs(p, 'doses')).body);
    expect(rows.map((r) => [r.id, r.status, r.corrects_entry, r.amount_mg])).toEqual(
      expect.arrayContaining([
        [original?.id, 'corrected', '', '5'],
        [expect.any(String), 'current', original?.id, '2.5'],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('lets nobody but the patient export, not even a fully consented clinician', async () => {
    const clinic = await createClinicFixture(h, 'Export clinic');
    const doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Export');
    await link(p, doctor);
    for (const kind of ['doses', 'account']) {
      expect((await exportAs(doctor, kind)).statusCode).toBe(404);
      expect((await exportAs(other, kind)).statusCode).toBe(404);
    }
    const anonymous = await h.app.inject({
      method: 'POST',
      url: `${base}/exports`,
      payload: { kind: 'doses' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await exportAs(p, 'everything')).statusCode).toBe(400);
  });
});
