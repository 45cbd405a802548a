/** The deadline state of an open petition (null once handled), from the server's flags. */
export function petitionUrgency(p: {
  overdue: boolean;
  dueSoon: boolean;
  nextDueAt: string | null;
}): 'overdue' | 'dueSoon' | 'onTime' | null {
  if (!p.nextDueAt) return null;
  if (p.overdue) return 'overdue';
  if (p.dueSoon) return 'dueSoon';
  return 'onTime';
}
