import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Accounts (tài khoản): staff and citizens. */
export interface AppUserTable {
  id: Generated<string>;
  username: string;
  password_hash: string;
  full_name: string;
  email: string | null;
  kind: 'staff' | 'citizen';
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  failed_window_start: Date | null;
  locked_until: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A role held over a unit subtree (unit_code null = the whole system). */
export interface UserRoleTable {
  user_id: string;
  role: string;
  unit_code: string | null;
}

/** Server-side sessions; the cookie holds a random token, the table its sha256. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

/** Every login attempt, kept for security review. */
export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  outcome: LoginOutcome;
  at: Timestamp;
  ip: string | null;
}

export type LoginOutcome = 'success' | 'failure' | 'locked' | 'disabled' | 'throttled';

/**
 * Failed sign-ins of one (username, client) pair: the username is kept only as the sha256 of
 * its normalised form, so unknown names are throttled exactly like accounts.
 */
export interface LoginThrottleTable {
  username_key: string;
  client: string;
  failures: number;
  last_failure_at: Date;
  blocked_until: Date | null;
}

export interface IdentityTables {
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  login_throttle: LoginThrottleTable;
}
