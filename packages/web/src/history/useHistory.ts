import { useQuery } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { HistoryResponse } from '../shared/api/types';
import { queryKeys } from '../shared/queryKeys';
import { useUser } from '../shared/session';

export const HISTORY_DAYS = 30;

export function useHistoryQuery() {
  const api = useApi();
  const { id } = useUser();
  return useQuery({
    queryKey: queryKeys.history(id),
    queryFn: () =>
      api.get<HistoryResponse>(apiPath`/api/patients/${id}/history?days=${HISTORY_DAYS}`),
  });
}
