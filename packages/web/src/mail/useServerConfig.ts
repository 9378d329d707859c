import { useQuery } from '@tanstack/react-query';
import { useApi } from '../shared/api/context';

/** `GET /api/config`: public features of this server. */
interface ServerConfig {
  readonly emailInvitations: boolean;
}

const serverConfigKey = ['serverConfig'] as const;

/**
 * Whether the server can email invitations (SMTP configured). False while loading or when
 * the answer could not be had: the inviter then shares the code and link, as always.
 */
export function useEmailInvitations(): boolean {
  const api = useApi();
  const query = useQuery({
    queryKey: serverConfigKey,
    queryFn: () => api.get<ServerConfig>('/api/config'),
    staleTime: Infinity,
  });
  return query.data?.emailInvitations ?? false;
}
