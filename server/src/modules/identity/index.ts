/** Public face of the identity module (tài khoản): what other modules may use. */
export { authenticationPlugin, SESSION_COOKIE, setSessionCookie } from './auth.plugin.js';
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
export { LoginReply } from './identity.schemas.js';
export {
  anonymiseAccount,
  checkAccountPassword,
  createCitizenAccount,
  emailsOfRoleAt,
  findAccount,
  findAccountsByIds,
  findCitizenAccount,
  findStaffWithRoles,
  IdentityService,
  replacePassword,
  type SessionInfo,
  setAccountFullName,
  startSession,
  usernameTaken,
} from './identity.service.js';
export { SIGN_IN_THROTTLE } from './identity.sign-in.js';
export { hashPassword, verifyDummy } from './password.js';
