// Public API of the shared identity vocabulary.
export {
  CAPABILITIES,
  CAPABILITY_SCOPES,
  type Capability,
  type CapabilityScope,
  capabilitiesOf,
  holdsCapability,
  type RoleGrant,
} from './capabilities.ts';
export { ROLES, type Role } from './roles.ts';
