// The base of the authorization matrix's world: who calls (the columns of the table), how a
// request is sent as one of them, and the database digest that shows a refused write wrote
// nothing. The world itself (units, accounts, unit A's objects) is built in the fixtures.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { signGeneric } from '../src/modules/payments/payments.webhook.js';
import type { FixedClock } from '../src/platform/clock.js';
import { buildPhotoJpeg } from './factories/reports.js';
import type { TestApp } from './helpers.js';

/** The callers, in the order of the table's columns. */
export const ROLES = [
  'anon',
  'citA',
  'citB',
  'deskA',
  'specA',
  'leadA',
  'secrA',
  'deskB',
  'specB',
  'leadB',
  'secrB',
  'admA',
  'admB',
  'sys',
] as const;
export type RoleName = (typeof ROLES)[number];

/** Passwords, secrets and phones of the world (test data, not real). */
export const CITIZEN_PASSWORD = 'matkhau2026';
export const WEBHOOK_SECRET = 'bi-mat-cong-thanh-toan-thu';
export const PDF = Buffer.from(
  '%PDF-1.4\n% giay to thu\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
);
export const PHONE_A = '0912000111';
export const PHONE_B = '0912000222';

export interface Caller {
  username: string | null;
  password: string | null;
  headers: Record<string, string>;
  /** The client address of this caller's requests (rate limits count per client). */
  ip: string;
}

export type Body = InjectOptions['payload'];

/** The callers, the objects of unit A the requests name, and the sending of requests. */
export class WorldBase {
  readonly callers = {} as Record<RoleName, Caller>;
  units = { province: '', city: '', A: '', B: '' };
  procedure = { id: '', code: '' };
  /** Citizen A's online dossier at ward A: paid, processed and returned electronically. */
  dossier = { id: '', code: '', resultFileId: '', paymentId: '' };
  /** A desk receipt of ward A under a known Idempotency-Key. */
  keyed = { id: '', code: '', key: 'khoa-cua-phuong-a-0001' };
  petition = { id: '' };
  /** Ward B's own objects: ward A's side must never see them in its lists. */
  wardB = { dossierCode: '', reportCode: '', petitionId: '' };
  report = { id: '', code: '', token: '', photoId: '' };
  draft = { id: '' };
  document = { id: '' };
  citizenA = { userId: '', phone: PHONE_A };
  citizenB = { userId: '', phone: PHONE_B };
  /** A staff account of ward A that account writes change (never one of the callers). */
  targetUserId = '';
  /** Reference data as read back, for writes that put it back unchanged. */
  synonyms: Record<string, unknown> = {};
  calendarSettings: Record<string, unknown> = {};
  categoryBody: Record<string, unknown> = {};
  readonly profileA = {
    fullName: 'Nguyễn Văn Ân',
    citizenId: '089201000111',
    dateOfBirth: '1990-01-01',
    phone: PHONE_A,
    address: { line: '1 Lê Lợi', unitCode: '' },
  };
  private setupIp = 0;
  private seq = 0;

  protected constructor(
    readonly t: TestApp,
    /** Fixed (Mon 01/03/2027 09:00 +07), moved on only where a rule needs time to pass. */
    readonly clock: FixedClock,
  ) {}

  /** A number unique within this run (codes, names). */
  next(): number {
    return ++this.seq;
  }

  /** One request as a caller, from that caller's client address. */
  async send(
    who: RoleName | Caller,
    method: InjectOptions['method'],
    url: string,
    payload?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const c = typeof who === 'string' ? this.callers[who] : who;
    return this.t.app.inject({
      method,
      url,
      payload,
      headers: { ...c.headers, ...headers },
      remoteAddress: c.ip,
    });
  }

  /** A setup request (fixtures, fresh objects): a new client address each time. */
  async setup(
    who: RoleName,
    method: InjectOptions['method'],
    url: string,
    payload?: Body,
    headers: Record<string, string> = {},
    expected = [200, 201, 202, 204],
  ): Promise<LightMyRequestResponse> {
    const n = ++this.setupIp;
    const res = await this.t.app.inject({
      method,
      url,
      payload,
      headers: { ...this.callers[who].headers, ...headers },
      remoteAddress: `10.250.${Math.floor(n / 250)}.${n % 250}`,
    });
    if (!expected.includes(res.statusCode))
      throw new Error(`setup ${method} ${url} as ${who}: ${res.statusCode} ${res.body}`);
    return res;
  }

  /** A signed gateway delivery (no dossier code in its reference: stored as unmatched). */
  webhookRequest(): { payload: string; headers: Record<string, string> } {
    const payload = JSON.stringify({
      transactionId: `GD-MT-${this.next()}`,
      amount: 8000,
      reference: 'CHUYEN KHOAN',
      paidAt: '2027-03-01T08:00:00+07:00',
    });
    const ts = String(Math.floor(this.clock.now().getTime() / 1000));
    return {
      payload,
      headers: {
        'content-type': 'application/json',
        'x-timestamp': ts,
        'x-signature': `sha256=${signGeneric(WEBHOOK_SECRET, ts, payload)}`,
      },
    };
  }

  /** A fresh signed-in session of a caller (logout must not end the matrix's own). */
  async freshSession(role: RoleName): Promise<Record<string, string>> {
    const c = this.callers[role];
    if (!c.username) return {};
    const res = await this.setup('anon', 'POST', '/api/v1/auth/login', {
      username: c.username,
      password: c.password,
    });
    const cookie = res.cookies.find((k) => k.name === 'cqs_session')!;
    // Whatever else login() sends (an Origin, say) rides along, as in the role's headers.
    const { cookie: _c, 'x-csrf-token': _x, ...rest } = c.headers;
    return { ...rest, cookie: `cqs_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken };
  }

  /**
   * A digest of every table a request could change (sessions and sign-in attempts aside): a
   * refused write must leave it as it was.
   */
  async fingerprint(): Promise<string> {
    const tables = (
      await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'
          and table_name not in ('session', 'login_attempt', 'kysely_migration',
            'kysely_migration_lock')
        order by 1`.execute(this.t.db.kysely)
    ).rows.map((r) => r.name);
    const parts = tables.map(
      (n) =>
        sql`select ${n}::text || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as h from ${sql.table(n)} x`,
    );
    const r = await sql<{
      h: string;
    }>`select md5(string_agg(h, '|' order by h)) as h from (${sql.join(
      parts,
      sql` union all `,
    )}) s`.execute(this.t.db.kysely);
    return r.rows[0]!.h;
  }
}

/** A small camera-like JPEG. */
export function photoJpeg(): Promise<Buffer> {
  return buildPhotoJpeg({ width: 64, height: 48 });
}
