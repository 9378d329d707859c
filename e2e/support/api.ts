/** A signed-in API session: the user's id and a `post` carrying the session cookie and CSRF token. */
export interface ApiSession {
  readonly userId: string;
  post<T>(url: string, payload: object): Promise<T>;
  get<T>(url: string): Promise<T>;
}

/**
 * Register or sign in through the JSON API (`path` is `/api/auth/register` or `/api/auth/login`)
 * and keep the session, for setting the scene quickly before the browser steps.
 */
export async function apiSession(baseUrl: string, path: string, body: object): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${String(res.status)} ${await res.text()}`);
  const { user, csrfToken } = (await res.json()) as { user: { id: string }; csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    userId: user.id,
    async post<T>(url: string, payload: object): Promise<T> {
      const r = await fetch(`${baseUrl}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify(payload),
      });
      if (!r.ok) throw new Error(`${url}: ${String(r.status)} ${await r.text()}`);
      return (await r.json()) as T;
    },
    async get<T>(url: string): Promise<T> {
      const r = await fetch(`${baseUrl}${url}`, { headers: { cookie } });
      if (!r.ok) throw new Error(`${url}: ${String(r.status)} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}
