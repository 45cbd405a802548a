import { createHash, randomBytes } from 'node:crypto';
import { canonicalPhone } from '@cqs/shared/vn/index';
import type { Kysely } from 'kysely';
import type { Actor, Role, RoleGrant } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { findUnitsByCodes } from '../org/index.js';
import { identityRepository as repo, type UserRow } from './identity.repository.js';
import type { CreateUserInput, UpdateUserInput, User } from './identity.schemas.js';
import {
  pairBlocked,
  type Refusal,
  recordFailure,
  refusalError,
  SIGN_IN_THROTTLE,
  throttleClient,
  usernameKey,
} from './identity.sign-in.js';
import { hashPassword, verifyDummy, verifyPassword } from './password.js';

type Db = Kysely<Database>;

/** Sessions expire after 8 idle hours (a working day). */
export const SESSION_IDLE_MS = 8 * 3600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** How the login history records a refusal made because the pair must wait. */
const attemptOutcome = (r: Refusal) => (r.kind === 'locked' ? 'locked' : 'throttled');

/** Shapes an account for the API, with the names of the units its roles cover. */
async function present(db: Db, rows: UserRow[]): Promise<User[]> {
  const roles = await repo.rolesOf(
    db,
    rows.map((r) => r.id),
  );
  const codes = [
    ...new Set(
      [...roles.values()]
        .flat()
        .map((g) => g.unitCode)
        .filter((c): c is string => !!c),
    ),
  ];
  const units = await findUnitsByCodes(db, codes);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    kind: r.kind,
    disabled: r.disabled,
    roles: (roles.get(r.id) ?? []).map((g) => ({
      ...g,
      unitName: g.unitCode ? (units.get(g.unitCode)?.name ?? null) : null,
    })),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

async function presentOne(db: Db, row: UserRow): Promise<User> {
  return (await present(db, [row]))[0]!;
}

/** Refuses role grants on units that do not exist or are closed. */
async function checkGrants(db: Db, roles: RoleGrant[]): Promise<void> {
  const codes = roles.map((r) => r.unitCode).filter((c): c is string => !!c);
  const units = await findUnitsByCodes(db, codes);
  const errors = roles.flatMap((r, i) => {
    if (r.role === 'citizen' && r.unitCode)
      return [
        { path: `body.roles.${i}.unitCode`, message: 'Vai trò công dân không gắn với đơn vị.' },
      ];
    if (!r.unitCode) return [];
    const u = units.get(r.unitCode);
    if (!u)
      return [{ path: `body.roles.${i}.unitCode`, message: `Không có đơn vị mã ${r.unitCode}.` }];
    if (u.closed)
      return [
        {
          path: `body.roles.${i}.unitCode`,
          message: `Đơn vị ${r.unitCode} đã giải thể hoặc sáp nhập.`,
        },
      ];
    return [];
  });
  if (errors.length > 0) throw new ValidationError('Vai trò không hợp lệ.', errors);
}

export interface SessionInfo {
  token: string;
  csrfToken: string;
  user: User;
  expiresAt: Date;
}

/**
 * Opens a session for `user` in the caller's transaction: the cookie token (only its sha256
 * is stored), the CSRF token and the account as the API shows it.
 */
export async function startSession(
  trx: Db,
  user: UserRow,
  meta: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<SessionInfo> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await repo.insertSession(trx, {
    id: sha256(token),
    userId: user.id,
    csrfToken,
    now,
    expiresAt,
    ...meta,
  });
  return { token, csrfToken, expiresAt, user: await presentOne(trx, user) };
}

/**
 * Creates a verified citizen's account (kind citizen, role citizen) in the caller's
 * transaction; the username is the canonical phone or the lowercased e-mail. Returns null
 * when the username is taken (the caller answers 409).
 */
export async function createCitizenAccount(
  trx: Db,
  input: { username: string; passwordHash: string; fullName: string; email: string | null },
): Promise<UserRow | null> {
  if (await repo.findUserByUsername(trx, input.username)) return null;
  const row = await repo.insertUser(trx, {
    username: input.username,
    passwordHash: input.passwordHash,
    fullName: input.fullName.normalize('NFC'),
    email: input.email,
    kind: 'citizen',
  });
  await repo.replaceRoles(trx, row.id, [{ role: 'citizen', unitCode: null }]);
  return row;
}

/** Sets an account's display name (a citizen keeps it equal to their profile's name). */
export async function setAccountFullName(
  trx: Db,
  userId: string,
  fullName: string,
  now: Date,
): Promise<void> {
  await repo.updateUser(trx, userId, { full_name: fullName.normalize('NFC') }, now);
}

/**
 * The enabled citizen account with this username (canonical phone or lowercased e-mail), for
 * a password reset; null for staff, disabled and unknown accounts alike, so staff passwords
 * are reset only by their administrator.
 */
export async function findCitizenAccount(
  db: Db,
  username: string,
): Promise<{ id: string; username: string; email: string | null } | null> {
  const row = await repo.findUserWithRoles(db, username);
  if (!row || row.disabled || row.kind !== 'citizen') return null;
  if (!row.role_grants.every((g) => g.role === 'citizen')) return null;
  return { id: row.id, username: row.username, email: row.email };
}

/**
 * Gives an account a new password (already hashed) in the caller's transaction: the lock-out
 * is cleared and every session of the account ends, so whoever knew the old password is out.
 * Returns the account for `startSession`, or null when it no longer exists or is disabled.
 */
export async function replacePassword(
  trx: Db,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<UserRow | null> {
  const row = await repo.findUserById(trx, userId, true);
  if (!row || row.disabled) return null;
  await repo.updateUser(
    trx,
    userId,
    {
      password_hash: passwordHash,
      failed_logins: 0,
      failed_window_start: null,
      locked_until: null,
    },
    now,
  );
  await repo.deleteSessionsOfUser(trx, userId);
  // Whatever waits earned against the old password (from any client) end with it.
  await repo.clearThrottlesOf(trx, usernameKey(row.username));
  return (await repo.findUserById(trx, userId))!;
}

/** True when an account with this username exists (any kind, disabled or not). */
export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  return !!(await repo.findUserByUsername(db, username));
}

/** Checks the password of an enabled account (for confirming a sensitive action). */
export async function checkAccountPassword(
  db: Db,
  userId: string,
  password: string,
): Promise<boolean> {
  const row = await repo.findUserById(db, userId);
  if (!row || row.disabled) {
    await verifyDummy(password);
    return false;
  }
  return verifyPassword(row.password_hash, password);
}

/**
 * Closes a citizen's account for good, in the caller's transaction: disabled, username and
 * name replaced by placeholders, no e-mail, a password hash nothing verifies against, every
 * session ended, and the login history's copies of the username replaced too. The row
 * stays, because records kept by law (dossiers, audit) point at it.
 */
export async function anonymiseAccount(trx: Db, userId: string, now: Date): Promise<void> {
  const row = await repo.findUserById(trx, userId, true);
  if (!row) return;
  const placeholder = `da-xoa-${userId}`;
  await repo.updateUser(
    trx,
    userId,
    {
      username: placeholder,
      full_name: 'Tài khoản đã xoá',
      email: null,
      disabled: true,
      password_hash: '!deleted',
      failed_logins: 0,
      failed_window_start: null,
      locked_until: null,
    },
    now,
  );
  await repo.deleteSessionsOfUser(trx, userId);
  await repo.renameLoginAttempts(trx, row.username, placeholder);
}

/** The account rules: sign-in with lock-out, sessions, account administration. */
export class IdentityService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks credentials and opens a session, under the sign-in throttle (identity.sign-in.ts).
   * A pair that must wait is refused before any password work; otherwise the password is
   * checked outside the transaction — against a dummy hash for an unknown username, so both
   * cost the same — and the outcome is written in one transaction.
   */
  async login(
    username: string,
    password: string,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<SessionInfo> {
    const now = this.clock.now();
    // Citizens sign in with the phone they registered, however they write it
    // (`0912 345 678`, `+84912345678`): their username is its canonical form.
    username = canonicalPhone(username) ?? username.trim();
    const pair = { key: usernameKey(username), client: throttleClient(meta.ip) };
    const waiting = await pairBlocked(this.db, pair, now);
    if (waiting) {
      await repo.recordAttempt(this.db, username, attemptOutcome(waiting), now, meta.ip);
      throw refusalError(waiting);
    }
    const user = await repo.findUserByUsername(this.db, username);
    const ok = user
      ? await verifyPassword(user.password_hash, password)
      : await verifyDummy(password).then(() => false);
    const outcome = await this.db.transaction().execute(async (trx) => {
      // Another attempt of this pair may have failed (and made it wait) meanwhile.
      const blocked = await pairBlocked(trx, pair, now, true);
      if (blocked) {
        await repo.recordAttempt(trx, username, attemptOutcome(blocked), now, meta.ip);
        return blocked;
      }
      if (!user || !ok) {
        await repo.recordAttempt(trx, username, 'failure', now, meta.ip);
        return recordFailure(trx, pair, user, now);
      }
      // Only the right password learns that the account is disabled or locked by its
      // administrator, so neither tells an outsider that the username exists.
      if (user.disabled) {
        await repo.recordAttempt(trx, username, 'disabled', now, meta.ip);
        return { kind: 'disabled' as const };
      }
      if (user.locked_until && user.locked_until > now) {
        await repo.recordAttempt(trx, username, 'locked', now, meta.ip);
        return {
          kind: 'account_locked' as const,
          waitMs: user.locked_until.getTime() - now.getTime(),
        };
      }
      await repo.clearThrottle(trx, pair);
      await repo.recordAttempt(trx, username, 'success', now, meta.ip);
      return { kind: 'ok' as const, session: await startSession(trx, user, meta, now) };
    });
    if (outcome.kind === 'ok') return outcome.session;
    throw refusalError(outcome);
  }

  /** Resolves a session cookie to the actor and the session's CSRF token; null if invalid. */
  async authenticate(
    token: string,
  ): Promise<{ actor: Actor; csrfToken: string; account: UserRow } | null> {
    const now = this.clock.now();
    const id = sha256(token);
    const s = await repo.findSession(this.db, id, now);
    if (!s || s.disabled) return null;
    // Sliding expiry, written at most once a minute so reads stay cheap.
    if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) {
      await repo.touchSession(this.db, id, now, new Date(now.getTime() + SESSION_IDLE_MS));
    }
    const {
      role_grants: roles,
      csrf_token: csrfToken,
      last_seen_at: _seen,
      cache_generations: generations,
      ...account
    } = s;
    return {
      actor: { id: s.id, name: s.username, roles, generations: generations ?? undefined },
      csrfToken,
      account,
    };
  }

  /** An account as the API shows it (with the names of its roles' units). */
  presentAccount(account: UserRow): Promise<User> {
    return presentOne(this.db, account);
  }

  /** Ends a session. */
  async logout(token: string): Promise<void> {
    await repo.deleteSession(this.db, sha256(token));
  }

  /** Lists accounts, paged by username. */
  async listUsers(opts: {
    q?: string;
    cursor?: string;
    limit: number;
  }): Promise<{ items: User[]; nextCursor: string | null }> {
    const rows = await repo.listUsers(this.db, {
      q: opts.q,
      after: opts.cursor,
      limit: opts.limit + 1,
    });
    const page = rows.slice(0, opts.limit);
    return {
      items: await present(this.db, page),
      nextCursor: rows.length > opts.limit ? (page.at(-1)?.username.toLowerCase() ?? null) : null,
    };
  }

  /** Creates an account with its roles. */
  async createUser(actor: Actor, input: CreateUserInput): Promise<User> {
    return this.db.transaction().execute(async (trx) => {
      if (await repo.findUserByUsername(trx, input.username)) {
        throw new ConflictError(
          `Tên đăng nhập "${input.username}" đã có người dùng.`,
          'username_taken',
        );
      }
      await checkGrants(trx, input.roles);
      const row = await repo.insertUser(trx, {
        username: input.username,
        passwordHash: await hashPassword(input.password),
        fullName: input.fullName.normalize('NFC'),
        email: input.email ?? null,
        kind: input.kind,
      });
      await repo.replaceRoles(trx, row.id, input.roles);
      const user = await presentOne(trx, row);
      await recordAudit(trx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        after: user,
      });
      return user;
    });
  }

  /** Changes an account; a password change or disabling ends its sessions. */
  async updateUser(actor: Actor, id: string, input: UpdateUserInput): Promise<User> {
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.findUserById(trx, id, true);
      if (!row) throw new NotFoundError('Không tìm thấy tài khoản.', 'user_not_found');
      const before = await presentOne(trx, row);
      if (input.roles) await checkGrants(trx, input.roles);
      const now = this.clock.now();
      await repo.updateUser(
        trx,
        id,
        {
          ...(input.fullName !== undefined && { full_name: input.fullName.normalize('NFC') }),
          ...(input.email !== undefined && { email: input.email }),
          ...(input.disabled !== undefined && { disabled: input.disabled }),
          ...(input.password !== undefined && {
            password_hash: await hashPassword(input.password),
            locked_until: null,
          }),
        },
        now,
      );
      if (input.roles) await repo.replaceRoles(trx, id, input.roles);
      if (input.password !== undefined || input.disabled) await repo.deleteSessionsOfUser(trx, id);
      // A new password set by the administrator (or `npm run reset-password`) also ends
      // every client's wait on this account.
      if (input.password !== undefined) await repo.clearThrottlesOf(trx, usernameKey(row.username));
      const after = await presentOne(trx, (await repo.findUserById(trx, id))!);
      await recordAudit(trx, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Makes sure the `admin` account exists (first start). Returns the password when it had
   * to be created, so start-up can print it once.
   */
  async ensureAdmin(
    actor: Actor,
    password: string | undefined,
  ): Promise<{ created: boolean; password?: string }> {
    if (await repo.findUserByUsername(this.db, 'admin')) return { created: false };
    const pw = password ?? randomBytes(12).toString('base64url');
    await this.createUser(actor, {
      username: 'admin',
      password: pw,
      fullName: 'Quản trị hệ thống',
      kind: 'staff',
      roles: [{ role: 'admin', unitCode: null }],
    });
    return { created: true, password: pw };
  }

  /** Removes expired sessions (scheduled). */
  async purgeExpiredSessions(): Promise<number> {
    return repo.deleteExpiredSessions(this.db, this.clock.now());
  }

  /** Removes sign-in throttle pairs that have been forgotten (scheduled). */
  async purgeForgottenThrottles(): Promise<number> {
    const now = this.clock.now().getTime();
    return repo.purgeThrottles(this.db, new Date(now - SIGN_IN_THROTTLE.forgetMs));
  }
}

/** An account by username (case-insensitive), with its roles, for other modules; null if none or disabled. */
export async function findAccount(
  db: Db,
  username: string,
): Promise<{
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  roles: RoleGrant[];
} | null> {
  const row = await repo.findUserWithRoles(db, username);
  if (!row || row.disabled) return null;
  const roles = row.role_grants;
  return { id: row.id, username: row.username, fullName: row.full_name, email: row.email, roles };
}

/** Accounts by id (for showing assignees), disabled ones included. */
/** E-mail addresses of enabled accounts holding `role` exactly at `unitCode` (not above it). */
export function emailsOfRoleAt(db: Db, role: Role, unitCode: string): Promise<string[]> {
  return repo.emailsOfRoleAt(db, role, unitCode);
}

export async function findAccountsByIds(
  db: Db,
  ids: string[],
): Promise<Map<string, { id: string; username: string; fullName: string; email: string | null }>> {
  const map = new Map<
    string,
    { id: string; username: string; fullName: string; email: string | null }
  >();
  for (const row of await repo.findUsersByIds(db, [...new Set(ids)])) {
    map.set(row.id, {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      email: row.email,
    });
  }
  return map;
}

/**
 * A staff account with its role grants, or undefined (unknown, a citizen, or disabled): for
 * modules that let a user pick a person by name and must check the pick (tasks' responsible
 * person must belong to the lead unit).
 */
export async function findStaffWithRoles(
  db: Db,
  id: string,
): Promise<
  | {
      id: string;
      fullName: string;
      email: string | null;
      roles: { role: Role; unitCode: string | null }[];
    }
  | undefined
> {
  const [row] = await repo.findUsersByIds(db, [id]);
  if (row?.kind !== 'staff' || row.disabled) return undefined;
  const roles = (await repo.rolesOf(db, [id])).get(id) ?? [];
  return { id: row.id, fullName: row.full_name, email: row.email, roles };
}
