/**
 * Files from the API (exports, the visit summary PDF): the JSON client reads JSON only, so these
 * use fetch directly and turn failures into the same ApiError the client throws.
 */
import { ApiError, CLIENT_ERROR } from './client';
import type { ApiErrorBody } from './types';

/** The API's error from a refused response, or an "unexpected" one when its body is not one. */
async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
  const error = body?.error;
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code, error.message, error.details);
  }
  return new ApiError(response.status, CLIENT_ERROR.unexpected, '');
}

/** Fetch `url` with the session cookie; throw an ApiError on a network failure or a refusal. */
export async function fetchFile(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, CLIENT_ERROR.network, '');
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** Hand a file to the browser's downloads, then let the object URL go. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
