/**
 * `POST /api/patients/:patientId/medications/fhir-import`: a Bundle of MedicationRequest /
 * MedicationStatement into the other-medication list, in one transaction; `…/preview` answers
 * what would be added without saving. A body that is not a Bundle at all gets the
 * usual validation error; a Bundle with problems gets 400 with an OperationOutcome listing
 * each one, and nothing is saved. Interaction checks are the list's own (pharmacy/flags.ts).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import type { AppContext } from '../../context.js';
import { medications } from '../../db/schema.js';
import { patientOf, type PatientAccess } from '../../http/policy.js';
import { patientParams, type TypedApp } from '../../http/types.js';
import { addMedication, medicationView } from '../../medications/service.js';
import { audienceOf, flagsFor } from '../../pharmacy/flags.js';
import { FHIR_JSON, operationOutcome } from '../outcome.js';
import { MAX_ENTRIES, parseMedicationBundle, type ParsedBundle } from './parse.js';

/** Only the envelope is checked here; the entries are judged one by one (parse.ts). */
const bundleBody = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string().max(40).optional(),
  entry: z
    .array(z.unknown())
    .max(MAX_ENTRIES * 5)
    .optional(),
});
const IMPORT_POLICY = {
  kind: 'patient-data',
  category: 'medications',
  access: 'write',
  members: ['pharmacist'],
} as const;

export function fhirImportRoutes(app: TypedApp, ctx: AppContext): void {
  // FHIR clients post `application/fhir+json`; it is JSON like any other body.
  app.addContentTypeParser(
    'application/fhir+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  for (const preview of [false, true]) {
    app.post(
      `/api/patients/:patientId/medications/fhir-import${preview ? '/preview' : ''}`,
      {
        config: { policy: IMPORT_POLICY },
        schema: {
          tags: ['medications', 'fhir'],
          summary: preview
            ? 'What a FHIR Bundle would add to the other medications (nothing saved)'
            : 'Import other medications from a FHIR Bundle',
          params: patientParams,
          body: bundleBody,
        },
      },
      async (request, reply) => {
        const access = patientOf(request);
        const listed = await ctx.db
          .select({ name: medications.name })
          .from(medications)
          .where(and(eq(medications.patientId, access.patientId), isNull(medications.deletedAt)));
        const parsed = parseMedicationBundle(
          request.body.entry ?? [],
          listed.map((m) => m.name),
        );
        if (parsed.issues.length > 0) {
          return reply
            .status(400)
            .type(FHIR_JSON)
            .send(operationOutcome([...parsed.issues]));
        }
        const audience = audienceOf(access);
        if (preview) {
          const added = parsed.medications.map((m) => ({
            ...m,
            id: null,
            flags: flagsFor(m.name, audience),
          }));
          return { saved: false, added, skipped: parsed.skipped };
        }
        const added = await save(ctx, access, parsed);
        return reply.status(201).send({ saved: true, added, skipped: parsed.skipped });
      },
    );
  }
}

/** Adds every medication in one transaction (all or nothing), audited; alerts recomputed. */
async function save(ctx: AppContext, access: PatientAccess, parsed: ParsedBundle) {
  const { patientId, user } = access;
  const audience = audienceOf(access);
  const now = ctx.now();
  const added = await ctx.db.transaction(async (tx) => {
    const rows = [];
    for (const m of parsed.medications) {
      const input = { name: m.name, dose: m.dose, frequency: m.frequency, active: true };
      const row = await addMedication(tx, { userId: user.id, patientId }, input, now);
      rows.push({ ...medicationView(row), index: m.index, flags: flagsFor(m.name, audience) });
    }
    await audit(
      tx,
      {
        actorId: user.id,
        patientId,
        action: 'medication.fhir-import',
        details: { added: rows.length, skipped: parsed.skipped.length },
      },
      now,
    );
    return rows;
  });
  if (added.length > 0) ctx.alerts?.schedule(patientId, now);
  return added;
}
