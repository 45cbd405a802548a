import {
  CAPABILITY_SCOPES,
  type Capability,
  holdsCapability,
  ROLES,
  type Role,
} from '@cqs/shared/identity/index';

/** Roles of docs/product.md (shared with the server); each is held in one unit. */
/** Administrative capabilities and who holds them (shared with the server's policy checks). */
export { CAPABILITY_SCOPES, type Capability, ROLES, type Role };
/** Roles a staff account can be given from the accounts page. */
export const STAFF_ROLES = ROLES.filter((role) => role !== 'citizen');

/** A role held in a unit, as the API returns it. */
export interface RoleAssignment {
  role: Role;
  unitCode: string;
  unitName?: string | null;
}

/** An account (tài khoản). */
export interface User {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  kind: 'staff' | 'citizen';
  disabled: boolean;
  roles: RoleAssignment[];
}

/** The answer of login and GET /auth/me. */
export interface Session {
  user: User;
  csrfToken: string;
}

/** Body of POST /users. */
export interface CreateUserInput {
  username: string;
  password: string;
  fullName: string;
  email?: string;
  roles: { role: Role; unitCode: string }[];
}

/** Body of PATCH /users/{id}. */
export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  roles?: { role: Role; unitCode: string }[];
  disabled?: boolean;
  password?: string;
}

/** True when the user holds `role` in any unit. */
export function hasRole(user: User | null | undefined, role: Role): boolean {
  return !!user?.roles.some((r) => r.role === role);
}

/**
 * Where the user administers: null for a system-wide administrator (everywhere), else the
 * codes of the units they are an administrator of (the subtrees a unit capability covers).
 */
export function adminRoots(user: User | null | undefined): string[] | null {
  const grants = (user?.roles ?? []).filter((r) => r.role === 'admin');
  if (grants.some((r) => r.unitCode == null)) return null;
  return grants.map((r) => r.unitCode);
}

/** True when the user may use `capability` (the admin screens and writes it opens). */
export function can(user: User | null | undefined, capability: Capability): boolean {
  return !!user && holdsCapability(user.roles, capability);
}
