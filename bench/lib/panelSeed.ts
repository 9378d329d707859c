/**
 * Bulk seeding for the panel benchmark: N patients linked to one clinician, each with a year of
 * doses (three slots a day, ~92 % taken), a daily check-in, one regimen version, a few alerts and
 * the panel's activity row. All in set-based SQL (generate_series), batch by batch, so the
 * database does the work; the figures it produces are about the panel query, not the seeding.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../packages/server/src/db/client.js';

export const SEED_ZONE = 'America/New_York';

export interface PanelSeed {
  readonly patients: number;
  readonly doseEvents: number;
  readonly checkIns: number;
  readonly alerts: number;
  readonly seconds: number;
}

const count = async (db: Db, table: string): Promise<number> => {
  const raw: unknown = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (raw as { rows: { n: number }[] }).rows[0]?.n ?? 0;
};

/** One batch of patients `from`..`to` (1-based numbers), a year up to `today` (local date). */
async function seedBatch(db: Db, clinicianId: string, from: number, to: number, today: string) {
  const zone = SEED_ZONE;
  await db.execute(sql`
    insert into users (id, email, password_hash, display_name, role, time_zone, active, created_at)
    select md5('bench-patient-' || i)::uuid, 'bench-' || i || '@example.org', 'x',
      'Patient ' || lpad(i::text, 6, '0'), 'patient', ${zone}, true, now()
    from generate_series(${from}::int, ${to}::int) i`);
  // Every 10th patient keeps check-ins from the clinician.
  await db.execute(sql`
    insert into care_links (id, patient_id, member_id, member_kind, status, consent, since, consent_updated_at)
    select md5('bench-link-' || i)::uuid, md5('bench-patient-' || i)::uuid, ${clinicianId}::uuid,
      'prescriber', 'active',
      jsonb_build_object('medications', true, 'checkins', i % 10 <> 0, 'questionnaires', true,
        'notes', false, 'techniques', true, 'messages', true),
      now(), now()
    from generate_series(${from}::int, ${to}::int) i`);
  await db.execute(sql`
    insert into regimen_versions (id, patient_id, version, formulation, doses, as_needed, start_date,
      reason, entered_by, created_at)
    select md5('bench-regimen-' || i)::uuid, md5('bench-patient-' || i)::uuid, 1, 'tab5',
      '[{"time":"08:00","amountMg":5},{"time":"14:00","amountMg":5},{"time":"20:00","amountMg":5}]'::jsonb,
      null, ${today}::date - 365, 'Bench', md5('bench-patient-' || i)::uuid,
      ((${today}::date - 365)::timestamp at time zone ${zone})
    from generate_series(${from}::int, ${to}::int) i`);
  await db.execute(sql`
    insert into dose_events (id, patient_id, kind, slot_key, taken_at, amount_mg, idempotency_key,
      recorded_by, created_at)
    select gen_random_uuid(), p, 'taken', to_char(d, 'YYYY-MM-DD') || 'T' || s,
      ((d + s::time + make_interval(mins => (random() * 40)::int)) at time zone ${zone}), 5,
      to_char(d, 'YYYY-MM-DD') || 'T' || s, p,
      ((d + s::time + make_interval(mins => 45)) at time zone ${zone})
    from generate_series(${from}::int, ${to}::int) i
      cross join lateral (select md5('bench-patient-' || i)::uuid as p) who
      cross join generate_series(${today}::date - 364, ${today}::date - 1, interval '1 day') d
      cross join unnest(array['08:00', '14:00', '20:00']) s
    where random() < 0.92`);
  await db.execute(sql`
    insert into check_ins (id, patient_id, at, pain, spasm, side_effects, fall, breathing_problem,
      activities, idempotency_key, created_at)
    select gen_random_uuid(), p, ((d + time '19:30') at time zone ${zone}),
      greatest(0, least(10, 5 + (i % 3) + (random() * 3)::int - 1)), 4,
      '{"drowsiness":"none","dizziness":"none","unsteadiness":"none","confusion":"none"}'::jsonb,
      'none', false, '[]'::jsonb, to_char(d, 'YYYY-MM-DD'),
      ((d + time '19:30') at time zone ${zone})
    from generate_series(${from}::int, ${to}::int) i
      cross join lateral (select md5('bench-patient-' || i)::uuid as p) who
      cross join generate_series(${today}::date - 364, ${today}::date - 1, interval '1 day') d`);
  // Alerts: withdrawal risk for all; an opioid for every 5th; a severe side effect for every
  // 7th; a crisis (breathing) for every 100th.
  const alert = (
    signal: string,
    severity: string,
    rank: number,
    audience: string,
    cats: string,
    every: number,
  ) => sql`
    insert into alerts (id, patient_id, signal_id, severity, severity_rank, audience, dedupe_key,
      fingerprint, categories, title, evidence, sources, clinician_text, patient_text, status,
      present, first_seen, last_seen)
    select gen_random_uuid(), md5('bench-patient-' || i)::uuid, ${signal}, ${severity}, ${rank},
      ${audience}, ${signal}, '[]'::jsonb, ${cats}::jsonb, ${`Bench ${signal}`}, '[]'::jsonb,
      '[]'::jsonb, 'Bench alert', null, 'open', true,
      now() - make_interval(hours => i % 500), now() - make_interval(hours => i % 200)
    from generate_series(${from}::int, ${to}::int) i where i % ${every} = 0`;
  await db.execute(alert('SIG-WD-RISK', 'caution', 2, 'clinician', '["medications"]', 1));
  await db.execute(alert('SIG-RISK-MOD/opioid', 'warning', 3, 'clinician', '["medications"]', 5));
  await db.execute(alert('SIG-SIDE-EFFECT', 'caution', 2, 'both', '["checkins"]', 7));
  await db.execute(alert('SIG-RED-FLAG/breathing', 'urgent', 4, 'both', '["checkins"]', 100));
  await db.execute(sql`
    insert into patient_activity (patient_id, last_dose_at, last_check_in_at, computed_at)
    select md5('bench-patient-' || i)::uuid,
      (select max(taken_at) from dose_events e where e.patient_id = md5('bench-patient-' || i)::uuid),
      (select max(at) from check_ins c where c.patient_id = md5('bench-patient-' || i)::uuid),
      now()
    from generate_series(${from}::int, ${to}::int) i`);
}

export async function seedPanel(
  db: Db,
  clinicianId: string,
  patients: number,
  today: string,
  log: (line: string) => void,
): Promise<PanelSeed> {
  const started = performance.now();
  const batch = 250;
  for (let from = 1; from <= patients; from += batch) {
    const to = Math.min(patients, from + batch - 1);
    await seedBatch(db, clinicianId, from, to, today);
    if (to % 2500 === 0 || to === patients) {
      log(
        `    ${String(to)} patients seeded (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  }
  await db.execute(sql`analyze`);
  return {
    patients,
    doseEvents: await count(db, 'dose_events'),
    checkIns: await count(db, 'check_ins'),
    alerts: await count(db, 'alerts'),
    seconds: (performance.now() - started) / 1000,
  };
}
