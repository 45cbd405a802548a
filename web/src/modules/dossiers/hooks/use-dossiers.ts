import { useMemo, useState } from 'react';
import { useAsync } from '../../../lib/use-async.ts';
import { useCursorList } from '../../../lib/use-cursor-list.ts';
import { useCalendarDays } from '../../calendar/index.ts';
import type { DossierCounts, DossierFilter } from '../api/dossier.types.ts';
import { getDossier, getProcedureById, listDossiers } from '../api/dossiers.api.ts';
import { vnDate, workingDayPredicate } from '../lib/urgency.ts';

/** Dossiers matching the filter, by due date, with the counts of the first page's answer. */
export function useDossierList(filter: DossierFilter) {
  const [counts, setCounts] = useState<DossierCounts | null>(null);
  const list = useCursorList(
    async (cursor, signal) => {
      const page = await listDossiers(filter, cursor, signal);
      if (!cursor) setCounts(page.counts ?? null);
      return page;
    },
    [
      filter.q,
      filter.status,
      filter.unit,
      filter.procedure,
      filter.overdue,
      filter.assignedToMe,
      filter.dueSoon,
      filter.awaitingApproval,
      filter.sentBack,
      filter.channel,
      filter.outcome,
      filter.from,
      filter.to,
    ],
  );
  return { ...list, counts };
}

/** One dossier with events, files and allowed actions. */
export function useDossier(id: string) {
  return useAsync((signal) => getDossier(id, signal), [id]);
}

/** A procedure of the catalogue by id (null while there is none to load). */
export function useProcedureById(id: string | undefined) {
  return useAsync((signal) => (id ? getProcedureById(id, signal) : Promise.resolve(null)), [id]);
}

/**
 * "Is this a working day?" over the years from now to `dueAt`, from the server's calendar;
 * weekends only until it answers or if it cannot.
 */
export function useWorkingDays(dueAt: string | undefined) {
  const nowYear = Number(vnDate(Date.now()).slice(0, 4));
  const dueYear = dueAt ? Number(vnDate(Date.parse(dueAt)).slice(0, 4)) || nowYear : nowYear;
  const first = useCalendarDays(Math.min(nowYear, dueYear));
  const second = useCalendarDays(Math.max(nowYear, dueYear));
  const twoYears = nowYear !== dueYear;
  return useMemo(
    () => workingDayPredicate([...(first.data ?? []), ...(twoYears ? (second.data ?? []) : [])]),
    [first.data, second.data, twoYears],
  );
}
