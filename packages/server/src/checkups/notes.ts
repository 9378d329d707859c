/**
 * Clinician notes on the patient's chart: open notes, read by the patient and the linked
 * clinicians (not caregivers), written by clinicians. Never edited or deleted: a correction is
 * a new note that names the one it amends, written by that note's author.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { DISCIPLINES } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { clinicianNotes, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { reloaded } from './reloaded.js';
import { noteBody, noteSchema, type NoteView } from './schemas.js';

/** Notes of a patient, newest first, each with its author and the notes amending it. */
export async function loadNotes(db: Db, patientId: string, id?: string): Promise<NoteView[]> {
  const rows = await db
    .select({ n: clinicianNotes, name: users.displayName, discipline: users.discipline })
    .from(clinicianNotes)
    .innerJoin(users, eq(users.id, clinicianNotes.authorId))
    .where(
      and(
        eq(clinicianNotes.patientId, patientId),
        id === undefined ? undefined : eq(clinicianNotes.id, id),
      ),
    )
    .orderBy(desc(clinicianNotes.createdAt), desc(clinicianNotes.id));
  const ids = rows.map((r) => r.n.id);
  const amendments =
    ids.length === 0
      ? []
      : await db
          .select({ id: clinicianNotes.id, amends: clinicianNotes.amends })
          .from(clinicianNotes)
          .where(
            and(
              eq(clinicianNotes.patientId, patientId),
              isNotNull(clinicianNotes.amends),
              inArray(clinicianNotes.amends, ids),
            ),
          )
          .orderBy(asc(clinicianNotes.createdAt), asc(clinicianNotes.id));
  return rows.map(({ n, name, discipline }) => ({
    id: n.id,
    body: n.body,
    author: { id: n.authorId, displayName: name, discipline },
    amends: n.amends,
    amendedBy: amendments.filter((a) => a.amends === n.id).map((a) => a.id),
    createdAt: n.createdAt.toISOString(),
  }));
}

export function clinicianNoteRoutes(app: TypedApp, ctx: AppContext): void {
  const policy = (access: 'read' | 'write') =>
    ({ kind: 'patient-data', category: 'care-team', access, members: DISCIPLINES }) as const;

  app.get(
    '/api/patients/:patientId/notes',
    {
      config: { policy: policy('read') },
      schema: {
        tags: ['checkups'],
        summary: 'Clinician notes on the chart, newest first (the patient and linked clinicians)',
        params: patientParams,
        response: { 200: z.object({ notes: z.array(noteSchema) }) },
      },
    },
    async (request) => ({ notes: await loadNotes(ctx.db, patientOf(request).patientId) }),
  );

  app.post(
    '/api/patients/:patientId/notes',
    {
      config: { policy: policy('write') },
      schema: {
        tags: ['checkups'],
        summary: 'Add a note, or an amendment of one of your notes (a linked clinician)',
        params: patientParams,
        body: noteBody,
        response: { 201: z.object({ note: noteSchema }) },
      },
    },
    async (request, reply) => {
      const access = patientOf(request);
      const { user, patientId } = access;
      if (access.as === 'patient') throw new AppError('STEADY_ERR_FORBIDDEN');
      const amends = request.body.amends ?? null;
      if (amends !== null) {
        const [original] = await loadNotes(ctx.db, patientId, amends);
        if (original === undefined) {
          throw new AppError('STEADY_ERR_VALIDATION', [
            { path: '/body/amends', message: 'not a note of this patient' },
          ]);
        }
        if (original.author.id !== user.id) throw new AppError('STEADY_ERR_FORBIDDEN');
      }
      const now = ctx.now();
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.insert(clinicianNotes).values({
          id,
          patientId,
          authorId: user.id,
          body: request.body.body,
          amends,
          createdAt: now,
        });
        await audit(
          tx,
          {
            actorId: user.id,
            patientId,
            action: 'clinician-note.create',
            entityId: id,
            details: { amends },
          },
          now,
        );
      });
      const created = await reloaded(loadNotes(ctx.db, patientId, id));
      return reply.status(201).send({ note: created });
    },
  );
}
