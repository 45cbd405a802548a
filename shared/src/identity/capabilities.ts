// Administrative capabilities (quyền quản trị): which admin screens and writes a role may
// use. The server's policy checks decide (identity.policy.ts: requireSystemAdmin,
// requireUnitAdmin); this table states the same for the web app, which shows each role only
// the links, tabs and buttons it may use. server/src/modules/identity/identity.capabilities.test.ts
// calls each capability's endpoints as a unit administrator and as the system administrator,
// so the table cannot drift from the routes.
import type { Role } from './roles.ts';

/**
 * Who holds a capability: `system` — an administrator with no unit scope (the system
 * administrator); `unit` — an administrator of any unit (acting within that unit's subtree),
 * the system administrator included.
 */
export type CapabilityScope = 'system' | 'unit';

/** Each capability, who holds it, and (in the comment) the endpoints it opens. */
export const CAPABILITY_SCOPES = {
  /** POST /units under one's unit, PATCH /units/{code}, POST /units/{code}/close. */
  'units.manage': 'unit',
  /** GET /users, POST /users, PATCH /users/{id}. */
  'accounts.manage': 'system',
  /** POST /procedures, PUT and DELETE /procedures/{id}, POST /procedures/import. */
  'procedures.manage': 'system',
  /** GET and PUT /procedure-synonyms. */
  'procedures.synonyms': 'system',
  /** PUT /calendar/overrides/{year} (the national days off and swapped days). */
  'calendar.overrides': 'system',
  /** PUT /calendar/settings/{unitCode} (a unit's working hours). */
  'calendar.workingHours': 'unit',
  /** GET /report-categories/all, POST /report-categories, PUT /report-categories/{code}. */
  'reports.categories': 'system',
  /** GET and PUT /report-routing-rules, DELETE /report-routing-rules/{category}/{area}. */
  'reports.routing': 'unit',
  /** GET /report-reply-templates?all=true, POST, PUT and DELETE …/{id}. */
  'reports.templates': 'system',
  /** GET and POST /open311/clients, POST /open311/clients/{id}/revoke. */
  'open311.clients': 'system',
} as const satisfies Record<string, CapabilityScope>;

/** An administrative capability. */
export type Capability = keyof typeof CAPABILITY_SCOPES;

/** Every capability, in the table's order. */
export const CAPABILITIES = Object.keys(CAPABILITY_SCOPES) as Capability[];

/** A role grant as sessions carry it: `unitCode` null means system-wide. */
export interface RoleGrant {
  role: Role;
  unitCode?: string | null;
}

/** True when `roles` hold `capability` (see CapabilityScope). */
export function holdsCapability(roles: readonly RoleGrant[], capability: Capability): boolean {
  const admin = roles.filter((g) => g.role === 'admin');
  return CAPABILITY_SCOPES[capability] === 'system'
    ? admin.some((g) => g.unitCode == null)
    : admin.length > 0;
}

/** The capabilities `roles` hold, in the table's order. */
export function capabilitiesOf(roles: readonly RoleGrant[]): Capability[] {
  return CAPABILITIES.filter((c) => holdsCapability(roles, c));
}
