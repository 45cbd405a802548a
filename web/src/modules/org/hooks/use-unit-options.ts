import { useMemo } from 'react';
import { useAsync } from '../../../lib/use-async.ts';
import { listCurrentUnits } from '../api/units.api.ts';
import { sortUnits } from '../components/unit-tree.ts';

/** Current units as select options "name (code)", in tree order. */
export function useUnitOptions() {
  const state = useAsync(() => listCurrentUnits(), []);
  const options = useMemo(
    () =>
      sortUnits(state.data ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
    [state.data],
  );
  return { options, units: state.data, loading: state.loading, error: state.error };
}
