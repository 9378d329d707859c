import { SAVED_AT_HEADER } from './swRoutes';

/**
 * An API answer as the app keeps it: when the service worker answered from its saved copy
 * (offline), `savedAt` says when that copy was saved.
 */
export function savedCopy<T extends object>(data: T, headers: Headers): T & { savedAt?: string } {
  const savedAt = headers.get(SAVED_AT_HEADER);
  return savedAt === null || Number.isNaN(Date.parse(savedAt)) ? data : { ...data, savedAt };
}
