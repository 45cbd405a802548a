import type { Dossier } from '../api/dossier.types.ts';

/**
 * The unit handling the dossier now: the `unitCode` the last assign or forward recorded in its
 * event's payload (dossiers.actions.ts), else the receiving unit. The detail answer does not carry
 * the handling unit itself, and the staff picker lists the people over it.
 */
export function handlingUnitOf(dossier: Pick<Dossier, 'unitCode' | 'events'>): string {
  for (let i = dossier.events.length - 1; i >= 0; i--) {
    const e = dossier.events[i]!;
    const to = e.payload?.unitCode;
    if ((e.action === 'forward' || e.action === 'assign') && typeof to === 'string' && to)
      return to;
  }
  return dossier.unitCode;
}
