import { useEffect, useState } from 'react';

/**
 * A local copy of a value kept in the URL. Router updates render in a transition, so a
 * controlled checkbox bound straight to the URL would spring back for a moment after a click;
 * the copy changes at once and follows the URL whenever its content changes (back button,
 * restored filters) — compared by JSON, since callers rebuild the object on every render.
 */
export function useInstantValue<T>(value: T): [T, (next: T) => void] {
  const [local, setLocal] = useState(value);
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `value`'s content.
  useEffect(() => setLocal(value), [key]);
  return [local, setLocal];
}
