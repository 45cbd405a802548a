import { useAsync } from '../../../lib/use-async.ts';
import { useCursorList } from '../../../lib/use-cursor-list.ts';
import type { ProcedureFilter } from '../api/procedure.types.ts';
import { getProcedure, listProcedures } from '../api/procedures.api.ts';

/** Procedures matching the filter, cursor-paged. */
export function useProcedures(filter: ProcedureFilter) {
  return useCursorList(
    (cursor, signal) => listProcedures(filter, cursor, signal),
    [filter.q, filter.field, filter.level, filter.onlineLevel],
  );
}

/** One procedure by id. */
export function useProcedure(id: string) {
  return useAsync((signal) => getProcedure(id, signal), [id]);
}
