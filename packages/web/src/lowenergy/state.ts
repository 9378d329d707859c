/**
 * Low-energy mode state: kept on the server (every device agrees) and mirrored in localStorage,
 * so the mode shows at once on start-up and survives a failed save (offline). A value saved
 * while offline is marked unsynced and pushed once the server answers again.
 */
import type { CheckInInput } from '../shared/api/types';

export interface StoredLowEnergy {
  readonly lowEnergy: boolean;
  /** False while the server has not confirmed this value. */
  readonly synced: boolean;
}

export interface Preferences {
  readonly lowEnergy: boolean;
}

export const lowEnergyKeys = {
  preferences: (patientId: string) => ['preferences', patientId] as const,
};

const storageKey = (userId: string) => `steady.lowEnergy.${userId}`;

type ReadStorage = Pick<Storage, 'getItem'>;
type WriteStorage = Pick<Storage, 'setItem'>;

/** The last value on this device, or null (none, unreadable, or storage unavailable). */
export function readStored(storage: ReadStorage | null, userId: string): StoredLowEnergy | null {
  if (storage === null) return null;
  try {
    const raw = storage.getItem(storageKey(userId));
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'lowEnergy' in parsed &&
      'synced' in parsed &&
      typeof parsed.lowEnergy === 'boolean' &&
      typeof parsed.synced === 'boolean'
    ) {
      return { lowEnergy: parsed.lowEnergy, synced: parsed.synced };
    }
    return null;
  } catch {
    return null;
  }
}

export function writeStored(
  storage: WriteStorage | null,
  userId: string,
  value: StoredLowEnergy,
): void {
  try {
    storage?.setItem(storageKey(userId), JSON.stringify(value));
  } catch {
    // Private mode or full storage: the server still has it.
  }
}

/**
 * What to show, and whether this device holds a change the server has not seen. Until the
 * server answers, the device's last value; after, the server's — unless this device changed it
 * offline, in which case the device wins and is pushed.
 */
export function reconcile(
  server: boolean | undefined,
  stored: StoredLowEnergy | null,
): { readonly lowEnergy: boolean; readonly push: boolean } {
  if (server === undefined) return { lowEnergy: stored?.lowEnergy ?? false, push: false };
  if (stored !== null && !stored.synced && stored.lowEnergy !== server) {
    return { lowEnergy: stored.lowEnergy, push: true };
  }
  return { lowEnergy: server, push: false };
}

/**
 * The quick check-in's body. The API needs side effects, falls and breathing: the quick form
 * is only sent when the patient answered "nothing worrying", so those are none / none / false.
 * Anything worrying goes to the full check-in instead.
 */
export function quickCheckInBody(
  pain: number,
  spasm: number,
  idempotencyKey: string,
): CheckInInput {
  return {
    idempotencyKey,
    pain,
    spasm,
    sleepQuality: null,
    anxiety: null,
    mood: null,
    sideEffects: { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
    fall: 'none',
    breathingProblem: false,
    otherSideEffect: null,
    activities: [],
    note: null,
  };
}

/** localStorage when the browser allows it. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
