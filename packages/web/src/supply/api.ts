/**
 * The supply API as the web app sees it (docs/supply.md): stock on hand with its run-out
 * forecast and refill reminder, the patient's counts and reminder setting, and the missed-dose
 * instruction. Types, query keys and hooks live here, like every feature's.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormulationId, FormulationStock, Instant, LocalDate } from '@steady/core';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { AlertSource } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';

export interface Person {
  readonly id: string;
  readonly displayName: string;
}

export interface StockCount {
  readonly id: string;
  readonly formulation: FormulationId;
  readonly quantity: number;
  readonly countedAt: Instant;
  readonly note: string | null;
  readonly recordedBy: Person;
}

export type { FormulationStock } from '@steady/core';

export interface StockResponse {
  readonly timeZone: string;
  readonly settings: { readonly refillReminderDays: number; readonly note: string };
  readonly report: {
    readonly today: LocalDate;
    readonly reminderDays: number;
    readonly formulations: readonly FormulationStock[];
    readonly uncounted: FormulationId | null;
    readonly refillDue: boolean;
    readonly note: string;
    readonly sources: readonly AlertSource[];
  };
  readonly counts: readonly StockCount[];
}

export interface StockCountInput {
  formulation: FormulationId;
  quantity: number;
  note: string | null;
}

export interface Instruction {
  readonly text: string;
  readonly isDefault: boolean;
  readonly sources: readonly AlertSource[];
  readonly setBy: Person | null;
  readonly setAt: Instant | null;
}

export interface InstructionResponse {
  readonly instruction: Instruction;
  readonly history: readonly Instruction[];
}

/** Query keys of this feature (all under 'supply', so one prefix refreshes them). */
export const supplyKeys = {
  all: (patientId: string) => ['supply', patientId] as const,
  stock: (patientId: string) => ['supply', patientId, 'stock'] as const,
  instruction: (patientId: string) => ['supply', patientId, 'instruction'] as const,
};

export function useStockQuery(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: supplyKeys.stock(patientId),
    queryFn: () => api.get<StockResponse>(apiPath`/api/patients/${patientId}/stock`),
    retry: false,
  });
}

export function useInstructionQuery(patientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: supplyKeys.instruction(patientId),
    queryFn: () =>
      api.get<InstructionResponse>(apiPath`/api/patients/${patientId}/missed-dose-instruction`),
    retry: false,
  });
}

/** After a write: this feature's data and the alerts a count may raise. */
function useRefresh(patientId: string) {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: supplyKeys.all(patientId) }),
      client.invalidateQueries({ queryKey: queryKeys.alerts(patientId) }),
    ]);
  };
}

export function useRecordCount(patientId: string) {
  const api = useApi();
  const refresh = useRefresh(patientId);
  return useMutation({
    mutationFn: (input: StockCountInput) =>
      api.post<{ count: StockCount }>(apiPath`/api/patients/${patientId}/stock/counts`, input),
    onSuccess: refresh,
  });
}

export function useSaveReminderDays(patientId: string) {
  const api = useApi();
  const refresh = useRefresh(patientId);
  return useMutation({
    mutationFn: (refillReminderDays: number) =>
      api.put<StockResponse>(apiPath`/api/patients/${patientId}/stock/settings`, {
        refillReminderDays,
      }),
    onSuccess: refresh,
  });
}

export function useSetInstruction(patientId: string) {
  const api = useApi();
  const refresh = useRefresh(patientId);
  return useMutation({
    mutationFn: (text: string) =>
      api.post<InstructionResponse>(apiPath`/api/patients/${patientId}/missed-dose-instruction`, {
        text,
      }),
    onSuccess: refresh,
  });
}
