// Public surface of the identity module for pages and the app shell.
export type { Capability, Role, Session, User } from './api/identity.types.ts';
export {
  adminRoots,
  CAPABILITY_SCOPES,
  can,
  hasRole,
  ROLES,
  STAFF_ROLES,
} from './api/identity.types.ts';
export { listUnitStaff, type StaffMember } from './api/staff.api.ts';
export { AccountEditDialog } from './components/AccountEditDialog.tsx';
export { AccountForm } from './components/AccountForm.tsx';
export { AccountsTable } from './components/AccountsTable.tsx';
export { LoginForm } from './components/LoginForm.tsx';
// The assignee picker (GET /units/{code}/staff) for dossiers, reports and tasks (issue 12).
export { StaffSelect } from './components/StaffSelect.tsx';
export { UserMenu } from './components/UserMenu.tsx';
export { AuthProvider, useAuth } from './hooks/auth-context.tsx';
export { useUsers } from './hooks/use-users.ts';
