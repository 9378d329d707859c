/**
 * Errors under /fhir are OperationOutcomes. Steady keeps one error currency (AppError → the
 * JSON error body, see http/errorHandler.ts); the FHIR scope translates that body on its way
 * out (`onSend`), so every error — the guard's 401/404, validation, unknown paths, a 500 —
 * becomes an OperationOutcome with the same status, the Steady code as the issue's coding and
 * the validation paths as its expressions.
 */
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { STEADY_CS } from './codes.js';

export const FHIR_JSON = 'application/fhir+json';
export const ERROR_CODE_SYSTEM = `${STEADY_CS}/error`;

type IssueCode = OperationOutcomeIssue['code'];

/** The FHIR issue type for a Steady error code (by its HTTP status). */
function issueCode(status: number): IssueCode {
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too-costly';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'exception';
  return 'invalid';
}

interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: unknown;
  };
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof (value as ErrorBody).error.code === 'string';

interface Detail {
  readonly path: string;
  readonly message: string;
}
const isDetail = (d: unknown): d is Detail =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as Detail).path === 'string' &&
  typeof (d as Detail).message === 'string';

/** An issue of an OperationOutcome: FHIRPath-style expression and a plain message. */
export function issue(
  code: IssueCode,
  diagnostics: string,
  expression?: string,
  severity: OperationOutcomeIssue['severity'] = 'error',
): OperationOutcomeIssue {
  return {
    severity,
    code,
    diagnostics,
    ...(expression === undefined ? {} : { expression: [expression] }),
  };
}

export const operationOutcome = (issues: OperationOutcomeIssue[]): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: issues,
});

/** A Steady error body as an OperationOutcome: one issue per detail, or one for the error. */
export function outcomeOfError(body: ErrorBody, status: number): OperationOutcome {
  const details = {
    coding: [{ system: ERROR_CODE_SYSTEM, code: body.error.code }],
    text: body.error.message,
  };
  const listed = Array.isArray(body.error.details) ? body.error.details.filter(isDetail) : [];
  if (listed.length === 0) {
    return operationOutcome([{ severity: 'error', code: issueCode(status), details }]);
  }
  return operationOutcome(
    listed.map((d) => ({
      ...issue(issueCode(status), d.message, d.path),
      details,
    })),
  );
}

/** Installs the translation on a scope (the /fhir plugin): errors leave as OperationOutcome. */
export function installOperationOutcomes(scope: FastifyInstance): void {
  scope.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return payload;
    }
    if (!isErrorBody(parsed)) return payload;
    void reply.type(FHIR_JSON);
    return JSON.stringify(outcomeOfError(parsed, reply.statusCode));
  });
}
