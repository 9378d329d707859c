import type { ApiErrorBody } from './types';

/** Error codes the client itself produces, when there is no server answer to show. */
export const CLIENT_ERROR = {
  network: 'STEADY_ERR_NETWORK',
  unexpected: 'STEADY_ERR_UNEXPECTED',
} as const;

/** A failed API call. `message` is the server's safe, user-facing message, or '' for client-side failures. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * Thin JSON client for the Steady API. The session lives in an HttpOnly cookie; the CSRF token
 * (from GET /api/session, login or register) is kept here and sent on every state-changing call.
 */
export class ApiClient {
  private csrfToken: string | null = null;

  constructor(private readonly baseUrl = '') {}

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
  /** A GET that also returns the response headers (e.g. the offline copy's saved-at time). */
  async getWithHeaders(path: string): Promise<{ data: unknown; headers: Headers }> {
    const { payload, response } = await this.send('GET', path);
    return { data: payload, headers: response.headers };
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }
  delete(path: string): Promise<void> {
    return this.request<undefined>('DELETE', path);
  }

  async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const { payload } = await this.send(method, path, body);
    return payload as T;
  }

  private async send(
    method: Method,
    path: string,
    body?: unknown,
  ): Promise<{ payload: unknown; response: Response }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken !== null) headers['x-csrf-token'] = this.csrfToken;

    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, CLIENT_ERROR.network, '');
    }

    if (response.status === 204) return { payload: undefined, response };
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      if (isErrorBody(payload)) {
        throw new ApiError(
          response.status,
          payload.error.code,
          payload.error.message,
          payload.error.details,
        );
      }
      throw new ApiError(response.status, CLIENT_ERROR.unexpected, '');
    }
    return { payload, response };
  }
}

/**
 * A same-origin JSON POST with the CSRF token, for callers that need the raw response rather
 * than ApiClient's parsing (the service worker, a FHIR import's OperationOutcome).
 */
export function postJson(path: string, csrfToken: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'x-csrf-token': csrfToken,
    },
    body: JSON.stringify(body),
  });
}

/** URL path helper that encodes each dynamic segment. */
export function apiPath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, s, i) => {
    const v = values[i];
    return out + s + (v === undefined ? '' : encodeURIComponent(String(v)));
  }, '');
}
