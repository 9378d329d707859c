import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { AlertView } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';

/** Unresolved alerts of a patient, as the caller may see them (the server filters by consent). */
export function useAlertsQuery(patientId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.alerts(patientId),
    queryFn: () =>
      api.get<{ alerts: AlertView[] }>(
        apiPath`/api/patients/${patientId}/alerts?status=unresolved`,
      ),
    select: (data) => data.alerts,
    enabled,
    retry: false,
  });
}

export function useAlertAction(patientId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { alertId: string; action: 'acknowledge' | 'resolve'; note?: string }) =>
      api.post<{ alert: AlertView }>(
        apiPath`/api/patients/${patientId}/alerts/${input.alertId}/${input.action}`,
        input.action === 'resolve' ? { note: input.note ?? '' } : {},
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.alerts(patientId) });
      await client.invalidateQueries({ queryKey: queryKeys.clinicianPatientsAll });
    },
  });
}
