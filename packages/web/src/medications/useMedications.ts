import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type {
  Medication,
  MedicationInput,
  RegimenInput,
  RegimenResponse,
  RegimenVersionView,
} from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';
import { useUser } from '../shared/session';

export function useRegimenQuery() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: queryKeys.regimen(id),
    queryFn: () => api.get<RegimenResponse>(apiPath`/api/patients/${id}/regimen`),
  });
}

/** Save a new regimen version: the patient's own, or (for their prescriber) a patient's. */
export function useSaveRegimen(patientId?: string) {
  const api = useApi();
  const user = useUser();
  const id = patientId ?? user.id;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegimenInput) =>
      api.post<{ version: RegimenVersionView }>(apiPath`/api/patients/${id}/regimen`, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.regimen(id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.today(id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.history(id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.clinicianPatientsAll }),
      ]);
    },
  });
}

export function useMedicationsQuery() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: queryKeys.medications(id),
    queryFn: () => api.get<{ medications: Medication[] }>(apiPath`/api/patients/${id}/medications`),
    select: (data) => data.medications,
  });
}

/** Add, update or delete another medication; all refresh the list. */
export function useMedicationMutations() {
  const api = useApi();
  const { id } = useUser();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.medications(id) });
  const add = useMutation({
    mutationFn: (input: Omit<MedicationInput, 'active'>) =>
      api.post<{ medication: Medication }>(apiPath`/api/patients/${id}/medications`, input),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ medicationId, input }: { medicationId: string; input: MedicationInput }) =>
      api.put<{ medication: Medication }>(
        apiPath`/api/patients/${id}/medications/${medicationId}`,
        input,
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (medicationId: string) =>
      api.delete(apiPath`/api/patients/${id}/medications/${medicationId}`),
    onSuccess: refresh,
  });
  return { add, update, remove };
}
