// English twin of identity.messages.ts (same keys, checked by the type in i18n/en.ts).
import type { identityVi } from './identity.messages.ts';

export const identityEn: Record<keyof typeof identityVi, string> = {
  'access.denied.title': 'You do not have permission to open this page',
  'access.denied.system':
    'This page is for system administrators. If your work needs it, ask a system administrator for access.',
  'access.denied.unit':
    'This page is for unit administrators. If your work needs it, ask a system administrator for access.',
  'access.denied.server': 'The server answered: {detail}',
  'access.home': 'Back to the home page',
  'access.parentRequired':
    'Choose a parent unit you administer; only system administrators create top-level units.',
  'staff.assignee': 'Assignee',
  'staff.assigneeHint': 'A specialist or leader of the handling unit (or a unit above it).',
  'staff.forwardUser': 'Recipient',
  'staff.forwardNone': "Nobody — the receiving unit's leader will assign",
  'staff.notVisible':
    "You cannot see this unit's staff; leave it empty and its leader will assign.",
  'staff.loadFailed': 'Could not load the staff list; please try again.',
  'staff.none': 'The unit has nobody who can take this yet.',
};
