import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { ClinicClinician, NewClinicianInput } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';

export function useCliniciansQuery(clinicId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.clinicians(clinicId),
    queryFn: () =>
      api.get<{ clinicians: ClinicClinician[] }>(apiPath`/api/clinics/${clinicId}/clinicians`),
    select: (data) => data.clinicians,
  });
}

export function useAddClinician(clinicId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewClinicianInput) =>
      api.post<{ clinician: ClinicClinician; temporaryPassword: string }>(
        apiPath`/api/clinics/${clinicId}/clinicians`,
        input,
      ),
    retry: false,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.clinicians(clinicId) }),
  });
}

export function useSetClinicianActive(clinicId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      api.patch<{ clinician: ClinicClinician }>(
        apiPath`/api/clinics/${clinicId}/clinicians/${userId}`,
        { active },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.clinicians(clinicId) }),
  });
}
