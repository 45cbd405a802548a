// Staff pages keep their filters (style.md): in the URL, so they can be shared and survive a
// reload, and in sessionStorage, so they come back when the user returns to the page.
import { useCallback, useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';

/** The page's query parameters and a setter that persists them under `storageKey`. */
export function usePersistedSearchParams(
  storageKey: string,
): [URLSearchParams, (next: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: restore once, on arrival.
  useEffect(() => {
    if (location.search) return;
    let saved: string | null = null;
    try {
      saved = sessionStorage.getItem(storageKey);
    } catch {
      return;
    }
    if (saved) setParams(new URLSearchParams(saved), { replace: true, state: location.state });
  }, []);

  const update = useCallback(
    (next: Record<string, string>) => {
      const clean = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) if (value) clean.set(key, value);
      setParams(clean, { replace: true });
      try {
        sessionStorage.setItem(storageKey, clean.toString());
      } catch {
        // Storage unavailable: the URL still holds the filters.
      }
    },
    [setParams, storageKey],
  );

  return [params, update];
}
