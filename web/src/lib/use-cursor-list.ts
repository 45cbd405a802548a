import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, type Page } from '../api/client.ts';

/** A cursor-paged list: the items loaded so far and "load more". */
export interface CursorList<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
  /** Replaces one item in place (after an edit). */
  replace: (match: (item: T) => boolean, next: T) => void;
}

/** Loads the first page whenever `deps` change; `loadMore` appends the next page. */
export function useCursorList<T>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: readonly unknown[],
): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [version, setVersion] = useState(0);
  const controllerRef = useRef<AbortController | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const run = useCallback((after: string | undefined, append: boolean) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setLoading(true);
    setError(undefined);
    fetchRef.current(after, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems((prev) => (append ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted || isAbort(err)) return;
        setError(err);
        setLoading(false);
      },
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass the deps of `fetchPage`.
  useEffect(() => {
    run(undefined, false);
    return () => controllerRef.current?.abort();
  }, [...deps, version, run]);

  const loadMore = useCallback(() => {
    if (cursor) run(cursor, true);
  }, [cursor, run]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((match: (item: T) => boolean, next: T) => {
    setItems((prev) => prev.map((item) => (match(item) ? next : item)));
  }, []);

  return { items, hasMore: cursor !== null, loading, error, loadMore, reload, replace };
}
