// Where "/" takes each role (issue 12 deliver 6): leaders to the dashboard, the secretariat
// to the plan, desk officers and specialists to "my work", citizens to their dossiers;
// administrators stay on "/" with the admin cards.
import { hasRole, type User } from '../../identity/api/identity.types.ts';

export const HOME_PATHS = {
  dashboard: '/dieu-hanh',
  plans: '/ke-hoach',
  myWork: '/viec-cua-toi',
  citizen: '/dich-vu-cong/ho-so-cua-toi',
} as const;

/** The path "/" sends `user` to, or null to stay (administrators' cards, or nobody yet). */
export function homePathFor(user: User | null | undefined): string | null {
  if (!user) return null;
  if (hasRole(user, 'leader')) return HOME_PATHS.dashboard;
  if (hasRole(user, 'secretariat')) return HOME_PATHS.plans;
  if (hasRole(user, 'desk_officer') || hasRole(user, 'specialist')) return HOME_PATHS.myWork;
  if (hasRole(user, 'admin')) return null;
  return HOME_PATHS.citizen;
}
