// The staff menu grouped by area (style.md "The app shell grows by area"): each role sees
// only the entries it may open, and a group with none is not shown (issue 12 deliver 6).
import type { MessageKey } from '../i18n/vi.ts';
import { isStaff } from '../modules/dossiers/lib/staff.ts';
import { hasRole, type User } from '../modules/identity/api/identity.types.ts';
import {
  adminAreasFor,
  DOCUMENT_AREAS,
  DOSSIER_AREAS,
  PATHS,
  PLAN_AREAS,
  REPORT_AREAS,
  type RoleNavItem,
} from './nav-items.ts';

/** One link of the menu. */
export interface MenuLink {
  to: string;
  label: MessageKey;
  end?: boolean;
}

/** A group of the menu: a disclosure button and its links. */
export interface MenuGroup {
  key: 'oneStop' | 'fieldReports' | 'documents' | 'plan' | 'admin';
  label: MessageKey;
  items: MenuLink[];
}

/** True when `user` may open `item` (its roles; 'staff' = any staff role). */
export function canOpen(item: RoleNavItem, user: User | null | undefined): boolean {
  return item.roles === 'staff' ? isStaff(user) : item.roles.some((role) => hasRole(user, role));
}

const link = ({ to, label, end }: MenuLink): MenuLink => ({ to, label, end });

/** The links above the groups: "my work" for those with a queue, home for administrators. */
export function topLinksFor(user: User | null | undefined): MenuLink[] {
  if (!isStaff(user)) return [];
  const out: MenuLink[] = [];
  if (['desk_officer', 'specialist', 'leader'].some((r) => hasRole(user, r as never)))
    out.push({ to: PATHS.myWork, label: 'shell.nav.myWork' });
  // The admin cards live on the home page; for everyone else "/" only redirects.
  if (hasRole(user, 'admin')) out.push({ to: PATHS.home, label: 'nav.home', end: true });
  return out;
}

/**
 * The groups `user` sees, in order, each with only the entries its roles and capabilities
 * open; empty groups dropped. Administration is for administrators only: the read-only
 * reference pages under it (units, procedures, calendar) are not anyone else's daily work.
 */
export function menuGroupsFor(user: User | null | undefined): MenuGroup[] {
  if (!isStaff(user)) return [];
  const groups: MenuGroup[] = [
    {
      key: 'oneStop',
      label: 'shell.group.oneStop',
      items: DOSSIER_AREAS.filter((i) => canOpen(i, user)).map(link),
    },
    {
      key: 'fieldReports',
      label: 'shell.group.fieldReports',
      items: [
        ...REPORT_AREAS.filter((i) => canOpen(i, user)).map(link),
        { to: PATHS.reports, label: 'reports.nav.public', end: true },
      ],
    },
    {
      key: 'documents',
      label: 'documents.nav.group',
      items: DOCUMENT_AREAS.filter((i) => canOpen(i, user)).map(link),
    },
    {
      key: 'plan',
      label: 'shell.group.plan',
      items: PLAN_AREAS.filter((i) => canOpen(i, user)).map(link),
    },
    {
      key: 'admin',
      label: 'shell.group.admin',
      items: hasRole(user, 'admin') ? adminAreasFor(user).map(link) : [],
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}
