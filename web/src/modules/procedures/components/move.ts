/** A copy of `list` with the item at `from` moved to `to` (clamped). */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

/** Puts focus back on a control after its row moved (React may re-insert the node). */
export function refocus(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}
