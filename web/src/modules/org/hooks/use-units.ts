import { useAsync } from '../../../lib/use-async.ts';
import { listUnits } from '../api/units.api.ts';

/** Units effective on `asOf` (ISO date, '' = today), optionally with closed ones. */
export function useUnits(asOf: string, includeClosed: boolean) {
  return useAsync(
    (signal) => listUnits({ asOf: asOf || undefined, includeClosed }, signal),
    [asOf, includeClosed],
  );
}
