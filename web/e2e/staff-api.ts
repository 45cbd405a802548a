import { expect } from 'vitest';
import { DEMO_PASSWORD } from './server.js';

/** One call of a signed-in API session; throws on any status from 300 up. */
export type StaffApi = (
  method: string,
  path: string,
  body?: unknown,
  type?: string,
) => Promise<Record<string, any>>;

/**
 * A demo account's API session (cookie, CSRF token, Origin), for the staff steps a spec does not test
 * in the browser. `body` is sent as JSON, or as is when it is a Buffer (with `type`).
 */
export async function staffApi(baseUrl: string, username: string): Promise<StaffApi> {
  // Node's fetch sends no Origin; the server wants one on cookie-authenticated writes (and
  // accepts sign-in without one), so send the app's own, as the browser does.
  const origin = new URL(baseUrl).origin;
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(r.status).toBe(200);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async (method, path, body, type = 'application/json') => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        origin,
        ...(body !== undefined ? { 'content-type': type } : {}),
      },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json as Record<string, any>;
  };
}
