/**
 * The demo care team: "Riverside Pain Clinic" with an administrator and one clinician of each
 * discipline; the demo patient is linked to the prescriber (default consent) and to the
 * physical therapist (default consent, which leaves out medications). Safe to run twice.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { createUser } from '../auth/users.js';
import { CONSENT_DEFAULTS, type Discipline } from '../careteam/consent.js';
import { createLink, isLinked } from '../careteam/service.js';
import { createClinic, findClinicByName } from '../clinics/service.js';
import type { AppContext } from '../context.js';
import { users } from '../db/schema.js';

export const DEMO_CLINIC = 'Riverside Pain Clinic';

export interface DemoAccount {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
}

export const DEMO_ADMIN: DemoAccount = {
  email: 'demo.admin@steady.example',
  password: 'steady-demo-admin',
  displayName: 'Alex Morgan',
};

export const DEMO_CLINICIANS: Readonly<Record<Discipline, DemoAccount>> = {
  prescriber: {
    email: 'demo.prescriber@steady.example',
    password: 'steady-demo-prescriber',
    displayName: 'Dr. Sam Rivera',
  },
  physical_therapist: {
    email: 'demo.physio@steady.example',
    password: 'steady-demo-physio',
    displayName: 'Jordan Lee, PT',
  },
  psychologist: {
    email: 'demo.psychologist@steady.example',
    password: 'steady-demo-psychologist',
    displayName: 'Dr. Priya Shah',
  },
  pharmacist: {
    email: 'demo.pharmacist@steady.example',
    password: 'steady-demo-pharmacist',
    displayName: 'Chris Novak, PharmD',
  },
};

async function userIdByEmail(ctx: AppContext, email: string): Promise<string> {
  const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (row === undefined) throw new Error(`demo account ${email} is missing`);
  return row.id;
}

export async function seedCareTeam(ctx: AppContext, patientId: string, zone: string) {
  const now = ctx.now();
  const clinic =
    (await findClinicByName(ctx, DEMO_CLINIC)) ?? (await createClinic(ctx.db, DEMO_CLINIC, now));
  const account = async (
    who: DemoAccount,
    role: 'admin' | 'clinician',
    discipline: Discipline | null,
  ) => {
    const created = await createUser(
      ctx.db,
      { ...who, role, discipline, timeZone: zone, clinicId: clinic.id },
      now,
    );
    if (created !== null) return created.id;
    // An account from an older demo (before clinics) joins the demo clinic.
    await ctx.db
      .update(users)
      .set({ clinicId: clinic.id })
      .where(and(eq(users.email, who.email), isNull(users.clinicId)));
    return userIdByEmail(ctx, who.email);
  };
  await account(DEMO_ADMIN, 'admin', null);
  const ids: Partial<Record<Discipline, string>> = {};
  for (const [discipline, who] of Object.entries(DEMO_CLINICIANS) as [Discipline, DemoAccount][]) {
    ids[discipline] = await account(who, 'clinician', discipline);
  }
  for (const discipline of ['prescriber', 'physical_therapist'] as const) {
    const memberId = ids[discipline] ?? '';
    if (await isLinked(ctx.db, patientId, memberId)) continue;
    await ctx.db.transaction((tx) =>
      createLink(
        tx,
        {
          patientId,
          memberId,
          memberKind: discipline,
          consent: CONSENT_DEFAULTS[discipline],
          actorId: patientId,
        },
        now,
      ),
    );
  }
}
