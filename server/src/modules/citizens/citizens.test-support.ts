// Test helpers of the citizens module (used only by *.test.ts beside it).
import { sql } from 'kysely';
import { expect } from 'vitest';
import { TEST_ORIGIN, type TestApp } from '../../../test/helpers.js';

let ip = 0;
/** A new client address per request: the registration routes are rate-limited per client. */
export const nextIp = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;

export type Who = { headers: Record<string, string> };

export function api(t: TestApp) {
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who?: Who) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      payload: payload as never,
      headers: who?.headers ?? {},
      remoteAddress: nextIp(),
    });
  return {
    get: (url: string, who?: Who) => call('GET', url, undefined, who),
    post: (url: string, payload: unknown, who?: Who) => call('POST', url, payload, who),
    put: (url: string, payload: unknown, who?: Who) => call('PUT', url, payload, who),
  };
}

/** The newest outbox message to `recipient`. */
export async function lastMessageTo(t: TestApp, recipient: string) {
  const r = await sql<{
    channel: string;
    subject: string;
    body: string;
    template: string;
    payload: unknown;
  }>`select channel, subject, body, template, payload from notification_outbox
     where recipient = ${recipient} order by id desc limit 1`.execute(t.db.kysely);
  return r.rows[0];
}

/** The 6-digit code in a message body. */
export function codeIn(text: string): string {
  const m = text.match(/\b(\d{6})\b/);
  if (!m) throw new Error(`no code in: ${text}`);
  return m[1]!;
}

/** Headers of a signed-in session from a login-shaped reply (cookie, CSRF token, Origin). */
export function sessionOf(res: {
  cookies: { name: string; value: string }[];
  json(): unknown;
}): Who {
  const cookie = res.cookies.find((c) => c.name === 'cqs_session');
  expect(cookie).toBeDefined();
  return {
    headers: {
      cookie: `cqs_session=${cookie!.value}`,
      'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
      origin: TEST_ORIGIN,
    },
  };
}

/** Registers a citizen by phone (code read from the outbox) and returns their session. */
export async function registerByPhone(
  t: TestApp,
  phone: string,
  fullName = 'Nguyễn Thị Hoà',
  password = 'matkhau2026',
): Promise<Who & { userId: string }> {
  const a = api(t);
  const res = await a.post('/citizens/registrations', {
    phone,
    password,
    fullName,
    acceptTerms: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  const msg = await lastMessageTo(t, phone);
  const v = await a.post(`/citizens/registrations/${res.json().id}/verify`, {
    code: codeIn(msg!.body),
  });
  expect(v.statusCode, v.body).toBe(201);
  return { ...sessionOf(v), userId: v.json().user.id };
}
