// Public API of the shared identity vocabulary.
export { ROLES, type Role } from './roles.ts';
