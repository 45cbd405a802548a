import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { RoleGrant } from '../../platform/actor.js';
import { generationsSql } from '../../platform/cache/reference-cache.js';
import type { Database } from '../../platform/db/schema.js';
import type { LoginOutcome } from './identity.tables.js';

type Db = Kysely<Database>;

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  full_name: string;
  email: string | null;
  kind: 'staff' | 'citizen';
  disabled: boolean;
  failed_logins: number;
  failed_window_start: Date | null;
  locked_until: Date | null;
  created_at: Date;
}

/** SQL expressions other modules embed in their own statements. */
export const identitySql = {
  /** json {id, username, fullName, email} of the account with id `id`, or null. */
  accountBrief(id: RawBuilder<unknown>): RawBuilder<AccountBrief | null> {
    return sql<AccountBrief | null>`(select json_build_object('id', a.id, 'username', a.username,
      'fullName', a.full_name, 'email', a.email) from app_user a where a.id = ${id})`;
  },
};
export interface AccountBrief {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
}

/** The role grants of the `app_user` row in scope, as json [{role, unitCode}]. */
const rolesOfUserSql = sql<RoleGrant[]>`coalesce((select json_agg(json_build_object('role', r.role,
  'unitCode', r.unit_code) order by r.role, r.unit_code) from user_role r
  where r.user_id = app_user.id), '[]'::json)`;

/** The only SQL of the identity module. */
export const identityRepository = {
  /** An account with its role grants, in one round trip. */
  async findUserWithRoles(
    db: Db,
    username: string,
  ): Promise<(UserRow & { role_grants: RoleGrant[] }) | undefined> {
    const row = await db
      .selectFrom('app_user')
      .selectAll()
      .select(rolesOfUserSql.as('role_grants'))
      .where(sql`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst();
    return row as (UserRow & { role_grants: RoleGrant[] }) | undefined;
  },

  async findUserByUsername(
    db: Db,
    username: string,
    forUpdate = false,
  ): Promise<UserRow | undefined> {
    let q = db
      .selectFrom('app_user')
      .selectAll()
      .where(sql`lower(username)`, '=', username.toLowerCase());
    if (forUpdate) q = q.forUpdate();
    return (await q.executeTakeFirst()) as UserRow | undefined;
  },

  async findUserById(db: Db, id: string, forUpdate = false): Promise<UserRow | undefined> {
    let q = db.selectFrom('app_user').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    return (await q.executeTakeFirst()) as UserRow | undefined;
  },

  async rolesOf(db: Db, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const map = new Map<string, RoleGrant[]>();
    if (userIds.length === 0) return map;
    const rows = await db
      .selectFrom('user_role')
      .select(['user_id', 'role', 'unit_code'])
      .where('user_id', 'in', userIds)
      .orderBy('role')
      .orderBy('unit_code')
      .execute();
    for (const r of rows) {
      const list = map.get(r.user_id) ?? [];
      list.push({ role: r.role as RoleGrant['role'], unitCode: r.unit_code });
      map.set(r.user_id, list);
    }
    return map;
  },

  async insertUser(
    db: Db,
    u: {
      username: string;
      passwordHash: string;
      fullName: string;
      email: string | null;
      kind: 'staff' | 'citizen';
    },
  ): Promise<UserRow> {
    return (await db
      .insertInto('app_user')
      .values({
        username: u.username,
        password_hash: u.passwordHash,
        full_name: u.fullName,
        email: u.email,
        kind: u.kind,
        failed_window_start: null,
        locked_until: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()) as UserRow;
  },

  async updateUser(
    db: Db,
    id: string,
    patch: Partial<{
      username: string;
      full_name: string;
      email: string | null;
      disabled: boolean;
      password_hash: string;
      failed_logins: number;
      failed_window_start: Date | null;
      locked_until: Date | null;
    }>,
    now: Date,
  ): Promise<void> {
    await db
      .updateTable('app_user')
      .set({ ...patch, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  async replaceRoles(db: Db, userId: string, roles: RoleGrant[]): Promise<void> {
    await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
    if (roles.length > 0) {
      await db
        .insertInto('user_role')
        .values(roles.map((r) => ({ user_id: userId, role: r.role, unit_code: r.unitCode })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  },

  async listUsers(db: Db, opts: { q?: string; after?: string; limit: number }): Promise<UserRow[]> {
    let q = db.selectFrom('app_user').selectAll().orderBy(sql`lower(username)`).limit(opts.limit);
    if (opts.q) {
      const like = `%${opts.q.toLowerCase()}%`;
      q = q.where((eb) =>
        eb.or([eb(sql`lower(username)`, 'like', like), eb(sql`lower(full_name)`, 'like', like)]),
      );
    }
    if (opts.after) q = q.where(sql`lower(username)`, '>', opts.after.toLowerCase());
    return (await q.execute()) as UserRow[];
  },

  /**
   * Enabled staff accounts holding one of `roles` at one of `units` (or system-wide), by full
   * name then id, after the keyset `after`; each with the matching grants only.
   */
  async staffAt(
    db: Db,
    p: { units: string[]; roles: string[]; after?: [string, string]; limit: number },
  ): Promise<{ id: string; username: string; full_name: string; grants: RoleGrant[] }[]> {
    const match = sql`r.user_id = a.id and r.role in (${sql.join(p.roles)})
      and (r.unit_code is null or r.unit_code in (${sql.join(p.units)}))`;
    let q = db
      .selectFrom('app_user as a')
      .select(['a.id', 'a.username', 'a.full_name'])
      .select(
        sql<RoleGrant[]>`(select json_agg(json_build_object('role', r.role, 'unitCode',
          r.unit_code) order by r.role, r.unit_code) from user_role r where ${match})`.as('grants'),
      )
      .where('a.disabled', '=', false)
      .where('a.kind', '=', 'staff')
      .where(sql<boolean>`exists (select 1 from user_role r where ${match})`)
      .orderBy('a.full_name')
      .orderBy('a.id')
      .limit(p.limit);
    if (p.after)
      q = q.where(sql<boolean>`(a.full_name, a.id) > (${p.after[0]}, ${p.after[1]}::uuid)`);
    return (await q.execute()) as {
      id: string;
      username: string;
      full_name: string;
      grants: RoleGrant[];
    }[];
  },

  async countUsers(db: Db): Promise<number> {
    const r = await db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async recordAttempt(
    db: Db,
    username: string,
    outcome: LoginOutcome,
    at: Date,
    ip: string | null,
  ) {
    await db.insertInto('login_attempt').values({ username, outcome, at, ip }).execute();
  },

  /** The throttle row of a (username, client) pair; `forUpdate` locks it. */
  async findThrottle(
    db: Db,
    pair: { key: string; client: string },
    forUpdate = false,
  ): Promise<{ failures: number; blocked_until: Date | null } | undefined> {
    let q = db
      .selectFrom('login_throttle')
      .select(['failures', 'blocked_until'])
      .where('username_key', '=', pair.key)
      .where('client', '=', pair.client);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /**
   * Counts one more failure of the pair in one statement (so concurrent attempts all count)
   * and returns the new count; a pair whose last failure is older than `forgetBefore` starts
   * over at 1.
   */
  async countThrottleFailure(
    db: Db,
    pair: { key: string; client: string },
    now: Date,
    forgetBefore: Date,
  ): Promise<number> {
    const r = await sql<{ failures: number }>`
      insert into login_throttle (username_key, client, failures, last_failure_at, blocked_until)
      values (${pair.key}, ${pair.client}, 1, ${now}, null)
      on conflict (username_key, client) do update set
        failures = case when login_throttle.last_failure_at < ${forgetBefore}
          then 1 else login_throttle.failures + 1 end,
        blocked_until = case when login_throttle.last_failure_at < ${forgetBefore}
          then null else login_throttle.blocked_until end,
        last_failure_at = excluded.last_failure_at
      returning failures`.execute(db);
    return Number(r.rows[0]!.failures);
  },

  /** Makes the pair wait until `until`. */
  async blockThrottle(db: Db, pair: { key: string; client: string }, until: Date): Promise<void> {
    await db
      .updateTable('login_throttle')
      .set({ blocked_until: until })
      .where('username_key', '=', pair.key)
      .where('client', '=', pair.client)
      .execute();
  },

  /** Forgets the pair's failures (a successful sign-in from that client). */
  async clearThrottle(db: Db, pair: { key: string; client: string }): Promise<void> {
    await db
      .deleteFrom('login_throttle')
      .where('username_key', '=', pair.key)
      .where('client', '=', pair.client)
      .execute();
  },

  /** Forgets every pair of a username (its password was replaced). */
  async clearThrottlesOf(db: Db, key: string): Promise<void> {
    await db.deleteFrom('login_throttle').where('username_key', '=', key).execute();
  },

  /** Deletes pairs whose last failure is older than `before`; returns how many. */
  async purgeThrottles(db: Db, before: Date): Promise<number> {
    const r = await db
      .deleteFrom('login_throttle')
      .where('last_failure_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Replaces a username in the login history (when an account is anonymised). */
  async renameLoginAttempts(db: Db, from: string, to: string): Promise<void> {
    await db
      .updateTable('login_attempt')
      .set({ username: to })
      .where(sql`lower(username)`, '=', from.toLowerCase())
      .execute();
  },

  async insertSession(
    db: Db,
    s: {
      id: string;
      userId: string;
      csrfToken: string;
      now: Date;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    },
  ): Promise<void> {
    await db
      .insertInto('session')
      .values({
        id: s.id,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.now,
        last_seen_at: s.now,
        expires_at: s.expiresAt,
        ip: s.ip,
        user_agent: s.userAgent,
      })
      .execute();
  },

  /** A live session with its account, in one round trip (this runs on every request). */
  async findUsersByIds(db: Db, ids: string[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('app_user').selectAll().where('id', 'in', ids).execute();
  },

  /** E-mail addresses of enabled accounts granted `role` exactly at `unitCode`. */
  async emailsOfRoleAt(db: Db, role: string, unitCode: string): Promise<string[]> {
    const r = await sql<{ email: string }>`
      select distinct a.email from user_role r join app_user a on a.id = r.user_id
      where r.role = ${role} and r.unit_code = ${unitCode} and not a.disabled
        and a.email is not null order by a.email`.execute(db);
    return r.rows.map((x) => x.email);
  },

  async findSession(db: Db, id: string, now: Date) {
    const row = await db
      .selectFrom('session')
      .innerJoin('app_user', 'app_user.id', 'session.user_id')
      .selectAll('app_user')
      .select(['session.csrf_token', 'session.last_seen_at'])
      // The roles ride along (one round trip per request instead of two).
      .select(rolesOfUserSql.as('role_grants'))
      // And the reference-data generations, for the request's cache lookups (platform/cache).
      .select(generationsSql.as('cache_generations'))
      .where('session.id', '=', id)
      .where('session.expires_at', '>', now)
      .executeTakeFirst();
    return row as
      | (UserRow & {
          csrf_token: string;
          last_seen_at: Date;
          role_grants: RoleGrant[];
          cache_generations: Record<string, string> | null;
        })
      | undefined;
  },

  async touchSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
    await db
      .updateTable('session')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  },

  async deleteSession(db: Db, id: string): Promise<void> {
    await db.deleteFrom('session').where('id', '=', id).execute();
  },

  async deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
    await db.deleteFrom('session').where('user_id', '=', userId).execute();
  },

  async deleteExpiredSessions(db: Db, now: Date): Promise<number> {
    const r = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
