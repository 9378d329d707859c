import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';
import type { SessionUser } from '../shared/api/types';
import {
  browserStorage,
  lowEnergyKeys,
  readStored,
  reconcile,
  writeStored,
  type Preferences,
  type StoredLowEnergy,
} from './state';

export interface LowEnergy {
  /** Whether the simplified interface is on (always false for anyone but a patient). */
  readonly on: boolean;
  readonly set: (on: boolean) => void;
  /** The last save failed: the value is kept on this device and retried later. */
  readonly saveFailed: boolean;
}

/** Low-energy mode of the signed-in patient: optimistic, mirrored on the device (see state.ts). */
export function useLowEnergy(user: SessionUser): LowEnergy {
  const api = useApi();
  const queryClient = useQueryClient();
  const enabled = user.role === 'patient';
  const key = lowEnergyKeys.preferences(user.id);
  const storage = browserStorage();
  const [stored, setStored] = useState<StoredLowEnergy | null>(() => readStored(storage, user.id));
  const remember = (value: StoredLowEnergy) => {
    writeStored(storage, user.id, value);
    setStored(value);
  };

  const query = useQuery({
    queryKey: key,
    queryFn: () =>
      api.get<{ preferences: Preferences }>(apiPath`/api/patients/${user.id}/preferences`),
    enabled,
    staleTime: 60_000,
  });
  const save = useMutation({
    mutationFn: (lowEnergy: boolean) =>
      api.put<{ preferences: Preferences }>(apiPath`/api/patients/${user.id}/preferences`, {
        lowEnergy,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      remember({ lowEnergy: data.preferences.lowEnergy, synced: true });
    },
  });

  const server = query.data?.preferences.lowEnergy;
  const { lowEnergy, push } = reconcile(server, stored);

  // The server confirmed a value this device did not change: mirror it for the next start.
  useEffect(() => {
    if (server !== undefined && !push && (stored?.lowEnergy !== server || !stored.synced)) {
      writeStored(storage, user.id, { lowEnergy: server, synced: true });
    }
  }, [server, push, stored, storage, user.id]);

  // A change made while offline: push it once the server answers again (once per answer).
  const pushed = useRef<boolean | undefined>(undefined);
  useEffect(() => {
    if (push && pushed.current !== server && !save.isPending) {
      pushed.current = server;
      save.mutate(lowEnergy);
    }
  }, [push, server, lowEnergy, save]);

  return {
    on: enabled && lowEnergy,
    set: (on) => {
      remember({ lowEnergy: on, synced: false });
      save.mutate(on);
    },
    saveFailed: save.isError,
  };
}
