/**
 * The pharmacy API as the web app sees it (docs/care-team/pharmacy.md): types, query keys and
 * hooks. Kept here rather than in shared files, like every care-team feature.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormulationId, Instant, SupplyEstimate } from '@steady/core';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { AlertSource } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';

export interface Person {
  readonly id: string;
  readonly displayName: string;
}

export interface Dispensing {
  readonly id: string;
  readonly formulation: FormulationId;
  /** Tablets, or mL of the solution. */
  readonly quantity: number;
  readonly mgPerUnit: number;
  readonly totalMg: number;
  readonly dispensedAt: Instant;
  readonly daysSupply: number | null;
  readonly note: string | null;
  /** The taper (taper id) this dispensing was recorded for, if any. */
  readonly taperPlanId: string | null;
  readonly recordedBy: Person;
  readonly createdAt: Instant;
  readonly voided: { readonly at: Instant; readonly by: Person; readonly reason: string } | null;
}

/** The supply estimate as the server sends it: core's own shape (clinical/supply.ts). */
export type { SupplyEstimate, SupplyProjection } from '@steady/core';

export interface DispensingList {
  /** The patient's zone: dispensing dates are entered and shown in it. */
  readonly timeZone: string;
  readonly dispensings: readonly Dispensing[];
  readonly supply: SupplyEstimate | null;
}

export interface DispensingInput {
  formulation: FormulationId;
  quantity: number;
  dispensedAt: Instant;
  daysSupply: number | null;
  note: string | null;
  /** One of the patient's taper ids, to link the dispensing to the taper. */
  taperPlanId?: string | null;
}

export type InteractionSeverity = 'critical' | 'high' | 'moderate' | 'low';

export interface InteractionFlag {
  readonly classId: string;
  readonly name: string;
  readonly severity: InteractionSeverity | null;
  readonly severityNote: string;
  readonly effect: string;
  readonly advice: string;
  readonly matched: readonly string[];
  readonly sources: readonly AlertSource[];
}

export type ReconciliationDecision = 'confirmed' | 'changed' | 'stopped' | 'added';
export type InteractionDecision = 'acknowledged' | 'refer';
export type ReviewDecision = ReconciliationDecision | InteractionDecision;

export interface ReviewMark {
  readonly reviewId: string;
  readonly decision: ReviewDecision;
  readonly note: string | null;
  readonly classIds: readonly string[];
  readonly at: Instant;
  readonly by: Person;
}

export interface FlaggedMedication {
  readonly id: string;
  readonly name: string;
  readonly dose: string | null;
  readonly frequency: string | null;
  readonly createdAt: Instant;
  readonly flags: readonly InteractionFlag[];
  readonly lastReconciliation: ReviewMark | null;
  readonly lastInteractionReview: ReviewMark | null;
  readonly interactionReviewCurrent: boolean;
}

export interface MedicationReview {
  readonly id: string;
  readonly kind: 'reconciliation' | 'interaction';
  readonly items: readonly {
    readonly medicationId: string | null;
    readonly name: string;
    readonly decision: ReviewDecision;
    readonly classIds: readonly string[];
    readonly note: string | null;
  }[];
  readonly note: string | null;
  readonly reviewedAt: Instant;
  readonly reviewedBy: Person;
}

export interface MedicationReviewList {
  readonly medications: readonly FlaggedMedication[];
  readonly highestSeverity: InteractionSeverity | null;
  readonly regimen: {
    readonly name: string | null;
    readonly lastReconciliation: ReviewMark | null;
  };
  readonly lastReview: MedicationReview | null;
}

export interface ReviewItemInput {
  medicationId: string | null;
  decision: ReviewDecision;
  note: string | null;
  medication?: { name: string; dose: string | null; frequency: string | null };
}

export interface ReviewInput {
  kind: 'reconciliation' | 'interaction';
  items: ReviewItemInput[];
  note: string | null;
}

/** Query keys of this feature (all under 'pharmacy', so one prefix refreshes them). */
export const pharmacyKeys = {
  all: (patientId: string) => ['pharmacy', patientId] as const,
  dispensing: (patientId: string) => ['pharmacy', patientId, 'dispensing'] as const,
  medicationReview: (patientId: string) => ['pharmacy', patientId, 'medicationReview'] as const,
};

export function useDispensingQuery(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: pharmacyKeys.dispensing(patientId),
    queryFn: () => api.get<DispensingList>(apiPath`/api/patients/${patientId}/dispensing`),
    retry: false,
  });
}

export function useMedicationReviewQuery(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: pharmacyKeys.medicationReview(patientId),
    queryFn: () =>
      api.get<MedicationReviewList>(apiPath`/api/patients/${patientId}/medications/review`),
    retry: false,
  });
}

/** After a pharmacy write: this feature's data, the alerts it may raise, and the lists it changes. */
function useRefresh(patientId: string) {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: pharmacyKeys.all(patientId) }),
      client.invalidateQueries({ queryKey: queryKeys.alerts(patientId) }),
      client.invalidateQueries({ queryKey: queryKeys.medications(patientId) }),
      client.invalidateQueries({ queryKey: queryKeys.clinicianPatientsAll }),
    ]);
  };
}

export function useRecordDispensing(patientId: string) {
  const api = useApi();
  const refresh = useRefresh(patientId);
  return useMutation({
    mutationFn: (input: DispensingInput) =>
      api.post<{ dispensing: Dispensing }>(apiPath`/api/patients/${patientId}/dispensing`, input),
    onSuccess: refresh,
  });
}

export function useVoidDispensing(patientId: string) {
  const api = useApi();
  const refresh = useRefresh(patientId);
  return useMutation({
    mutationFn: ({ dispensingId, reason }: { dispensingId: string; reason: string }) =>
      api.post<{ dispensing: Dispensing }>(
        apiPath`/api/patients/${patientId}/dispensing/${dispensingId}/void`,
        { reason },
      ),
    onSuccess: refresh,
  });
}

export function useRecordReview(patientId: string) {
  const api = useApi();
  const refresh = useRefresh(patientId);
  return useMutation({
    mutationFn: (input: ReviewInput) =>
      api.post<{ review: MedicationReview }>(
        apiPath`/api/patients/${patientId}/medication-reviews`,
        input,
      ),
    onSuccess: refresh,
  });
}
