// Which sections "my work" shows to whom (issue 12 deliver 6): the desk sees its unit's new
// dossiers; specialists what is assigned to them and what a leader sent back; leaders what
// awaits their approval. Due soon, overdue and the unit's tasks are everyone's.
import type { Role, User } from '../../identity/api/identity.types.ts';
import { hasRole } from '../../identity/api/identity.types.ts';

export type WorkSectionKey =
  | 'approval'
  | 'queue'
  | 'sentBack'
  | 'new'
  | 'dueSoon'
  | 'overdue'
  | 'reports'
  | 'tasks';

const WHO: Record<WorkSectionKey, readonly Role[]> = {
  // The approval step is the leader's (dossiers.states.ts: approve from `processed`).
  approval: ['leader'],
  // Dossiers and reports are assigned to specialists and leaders (the assign actions' rule).
  queue: ['specialist', 'leader'],
  sentBack: ['specialist'],
  new: ['desk_officer', 'leader'],
  dueSoon: ['desk_officer', 'specialist', 'leader'],
  overdue: ['desk_officer', 'specialist', 'leader'],
  reports: ['specialist', 'leader'],
  tasks: ['desk_officer', 'specialist', 'leader', 'secretariat'],
};

const ORDER: WorkSectionKey[] = [
  'approval',
  'queue',
  'sentBack',
  'new',
  'dueSoon',
  'overdue',
  'reports',
  'tasks',
];

/** The sections `user` sees, in page order. */
export function workSectionsFor(user: User | null | undefined): WorkSectionKey[] {
  return ORDER.filter((key) => WHO[key].some((role) => hasRole(user, role)));
}
