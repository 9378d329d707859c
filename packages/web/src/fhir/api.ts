/**
 * FHIR import of other medications: preview, then import. The server answers a bundle with
 * problems with a FHIR OperationOutcome (not Steady's JSON error), so this uses fetch directly
 * (as portability/api.ts does) with the session's CSRF token, and keeps every issue.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiPath, CLIENT_ERROR, postJson } from '../shared/api/client';
import { pharmacyKeys, type InteractionFlag } from '../pharmacy/api';
import { queryKeys } from '../shared/queryKeys';
import { useSessionQuery } from '../shared/session';

export interface ImportedMedication {
  readonly index: number;
  readonly id: string | null;
  readonly name: string;
  readonly dose: string | null;
  readonly frequency: string | null;
  readonly flags: readonly InteractionFlag[];
}

export type SkipReason = 'not-current' | 'diazepam' | 'duplicate' | 'already-listed' | 'other-type';

export interface ImportAnswer {
  readonly saved: boolean;
  readonly added: readonly ImportedMedication[];
  readonly skipped: readonly { index: number; name: string | null; reason: SkipReason }[];
}

/** One problem of a refused bundle: where (FHIRPath) and what. */
export interface BundleIssue {
  readonly expression: string | null;
  readonly diagnostics: string;
}

/** The bundle was refused: every problem the server found, nothing saved. */
export class BundleRefused extends Error {
  constructor(readonly issues: readonly BundleIssue[]) {
    super('bundle refused');
    this.name = 'BundleRefused';
  }
}

interface OutcomeIssue {
  expression?: string[];
  diagnostics?: string;
  details?: { text?: string };
}

function outcomeIssues(body: unknown): BundleIssue[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const { resourceType, issue } = body as { resourceType?: unknown; issue?: unknown };
  if (resourceType !== 'OperationOutcome' || !Array.isArray(issue)) return null;
  return (issue as OutcomeIssue[]).map((i) => ({
    expression: i.expression?.[0] ?? null,
    diagnostics: i.diagnostics ?? i.details?.text ?? '',
  }));
}

async function send(url: string, csrfToken: string, bundle: unknown): Promise<ImportAnswer> {
  let response: Response;
  try {
    response = await postJson(url, csrfToken, bundle);
  } catch {
    throw new ApiError(0, CLIENT_ERROR.network, '');
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as ImportAnswer;
  const issues = outcomeIssues(body);
  if (issues !== null) throw new BundleRefused(issues);
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)
    ?.error;
  throw new ApiError(
    response.status,
    error?.code ?? CLIENT_ERROR.unexpected,
    error?.message ?? '',
    error?.details,
  );
}

/** Preview (nothing saved) and import (all or nothing) of a bundle for one patient. */
export function useFhirImport(patientId: string) {
  const csrfToken = useSessionQuery().data?.csrfToken ?? '';
  const client = useQueryClient();
  const base = apiPath`/api/patients/${patientId}/medications/fhir-import`;
  const preview = useMutation({
    mutationFn: (bundle: unknown) => send(`${base}/preview`, csrfToken, bundle),
  });
  const confirm = useMutation({
    mutationFn: (bundle: unknown) => send(base, csrfToken, bundle),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.medications(patientId) }),
        client.invalidateQueries({ queryKey: pharmacyKeys.all(patientId) }),
        client.invalidateQueries({ queryKey: queryKeys.alerts(patientId) }),
      ]),
  });
  return { preview, confirm };
}

/** "Bundle.entry[3].resource.status" → entry 4 (people count from 1), field "status". */
export function issuePlace(expression: string | null): { entry: number | null; field: string } {
  if (expression === null) return { entry: null, field: '' };
  const match = /^Bundle\.entry\[(\d+)\](?:\.resource)?\.?(.*)$/.exec(expression);
  if (match === null) return { entry: null, field: expression.replace(/^Bundle\.?/, '') };
  return { entry: Number(match[1]) + 1, field: match[2] ?? '' };
}
