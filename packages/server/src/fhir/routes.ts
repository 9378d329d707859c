/**
 * FHIR R4 (issue 6): `GET /fhir/metadata`, `GET /fhir/Patient/:patientId/$everything` and
 * reads by id, in their own Fastify scope so that every error under /fhir leaves as an
 * OperationOutcome (outcome.ts) with `application/fhir+json`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isInstrumentId } from '@steady/core';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import { callerOf, patientOf } from '../http/policy.js';
import { patientParams } from '../http/types.js';
import { capabilityStatement } from './capability.js';
import { everything } from './everything.js';
import { ID_KINDS, type ReadableType } from './ids.js';
import { FHIR_JSON, installOperationOutcomes } from './outcome.js';
import { instrumentQuestionnaire } from './questionnaires.js';
import { readResource } from './read.js';
import { EVERYTHING_CATEGORIES, SECTION_LOADERS } from './sections.js';

const idParams = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'not a FHIR id') });
const TAGS = ['fhir'];

/** The FHIR base URL the caller reached (or the configured public origin). */
export function fhirBase(ctx: AppContext, request: FastifyRequest): string {
  return `${ctx.config.publicUrl ?? `${request.protocol}://${request.host}`}/fhir`;
}

export async function fhirRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    (plain, _opts, done) => {
      const scope = plain.withTypeProvider<ZodTypeProvider>();
      installOperationOutcomes(plain);
      scope.setNotFoundHandler(() => {
        throw new AppError('STEADY_ERR_NOT_FOUND');
      });

      scope.get(
        '/metadata',
        {
          config: { policy: { kind: 'public' } },
          schema: { tags: TAGS, summary: 'FHIR CapabilityStatement' },
        },
        async (request, reply) =>
          reply
            .type(FHIR_JSON)
            .send(capabilityStatement(fhirBase(ctx, request), ctx.now().toISOString())),
      );

      scope.get(
        '/Patient/:patientId/$everything',
        {
          config: {
            policy: { kind: 'patient-data', category: EVERYTHING_CATEGORIES, access: 'read' },
          },
          schema: {
            tags: TAGS,
            summary: "Everything the caller may see of the patient's record (FHIR Bundle)",
            params: patientParams,
          },
        },
        async (request, reply) => {
          const access = patientOf(request);
          const result = await everything(ctx, access, fhirBase(ctx, request));
          await audit(
            ctx.db,
            {
              actorId: access.user.id,
              patientId: access.patientId,
              action: 'fhir.everything',
              details: { sections: result.included, omitted: result.omitted, count: result.count },
            },
            ctx.now(),
          );
          return reply.type(FHIR_JSON).send(result.bundle);
        },
      );

      scope.get(
        '/Patient/:patientId',
        {
          config: { policy: { kind: 'patient-data', category: 'care-team', access: 'read' } },
          schema: { tags: TAGS, summary: 'The patient (FHIR Patient)', params: patientParams },
        },
        async (request, reply) => {
          const access = patientOf(request);
          const [patient] = await SECTION_LOADERS.patient(ctx, access);
          if (patient === undefined) throw new AppError('STEADY_ERR_NOT_FOUND');
          return reply.type(FHIR_JSON).send(patient);
        },
      );

      scope.get(
        '/Questionnaire/:id',
        {
          config: { policy: { kind: 'signed-in' } },
          schema: { tags: TAGS, summary: 'An instrument (FHIR Questionnaire)', params: idParams },
        },
        async (request, reply) => {
          const match = /^steady-(.+)$/.exec(request.params.id);
          const instrument = match?.[1];
          if (instrument === undefined || !isInstrumentId(instrument)) {
            throw new AppError('STEADY_ERR_NOT_FOUND');
          }
          return reply.type(FHIR_JSON).send(instrumentQuestionnaire(instrument));
        },
      );

      for (const type of Object.keys(ID_KINDS) as ReadableType[]) {
        scope.get(
          `/${type}/:id`,
          {
            // Authorized in the handler against the record's patient (read.ts).
            config: { policy: { kind: 'signed-in' } },
            schema: { tags: TAGS, summary: `One ${type} by id`, params: idParams },
          },
          async (request, reply) => {
            const { resource, patientId } = await readResource(
              ctx,
              request,
              type,
              request.params.id,
            );
            await audit(
              ctx.db,
              {
                actorId: callerOf(request).id,
                patientId,
                action: 'fhir.read',
                entityId: `${type}/${request.params.id}`,
              },
              ctx.now(),
            );
            return reply.type(FHIR_JSON).send(resource);
          },
        );
      }
      done();
    },
    { prefix: '/fhir' },
  );
}
