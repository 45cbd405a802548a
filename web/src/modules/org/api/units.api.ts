import { apiRequest, type Page } from '../../../api/client.ts';
import type { CloseUnitInput, CreateUnitInput, Unit } from './unit.types.ts';

/** GET /units: the flat list effective on `asOf` (today when empty). */
export async function listUnits(
  params: { asOf?: string; includeClosed?: boolean },
  signal?: AbortSignal,
): Promise<Unit[]> {
  const page = await apiRequest<Page<Unit>>('/api/v1/units', {
    query: { asOf: params.asOf, includeClosed: params.includeClosed ? 'true' : undefined },
    signal,
  });
  return page.items;
}

// Several selects on one page need the current units; they share one request for a minute.
const CACHE_MS = 60_000;
let current: { at: number; promise: Promise<Unit[]> } | null = null;

/** The units effective today, shared between callers for a short while. */
export function listCurrentUnits(): Promise<Unit[]> {
  if (!current || Date.now() - current.at > CACHE_MS) {
    const promise = listUnits({});
    promise.catch(() => {
      if (current?.promise === promise) current = null;
    });
    current = { at: Date.now(), promise };
  }
  return current.promise;
}

/** POST /units. */
export function createUnit(input: CreateUnitInput): Promise<Unit> {
  current = null;
  return apiRequest<Unit>('/api/v1/units', { method: 'POST', json: input });
}

/** POST /units/{code}/close. */
export function closeUnit(code: string, input: CloseUnitInput): Promise<Unit> {
  current = null;
  return apiRequest<Unit>(`/api/v1/units/${encodeURIComponent(code)}/close`, {
    method: 'POST',
    json: input,
  });
}
