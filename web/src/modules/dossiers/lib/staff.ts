// Who has a work queue. Its own file so the app shell (MainNav) can import it without the
// module's barrel, which would pull every dossier component — and through them zod and the
// procedure editor — into the entry chunk every public page downloads (docs/benchmarks.md).
import type { User } from '../../identity/api/identity.types.ts';

/** True for any staff account (any role other than citizen): it has a work queue. */
export function isStaff(user: User | null | undefined): boolean {
  return !!user?.roles.some((r) => r.role !== 'citizen');
}
