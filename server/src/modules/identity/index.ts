/** Public face of the identity module (tài khoản): what other modules may use. */
export { authenticationPlugin, SESSION_COOKIE } from './auth.plugin.js';
export { identityJobs } from './identity.jobs.js';
export {
  holdsGlobally,
  holdsOver,
  holdsOverLineage,
  requireSignedIn,
  requireStaff,
  requireSystemAdmin,
  requireUnitAdmin,
} from './identity.policy.js';
export { type AccountBrief, identitySql as identityExpressions } from './identity.repository.js';
export { identityRoutes } from './identity.routes.js';
export {
  emailsOfRoleAt,
  findAccount,
  findAccountsByIds,
  IdentityService,
  LOCKOUT,
} from './identity.service.js';
export { hashPassword } from './password.js';
