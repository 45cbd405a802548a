// Reads the value typed in the entry form: Vietnamese decimals use a comma ("77,85"), a
// rate is 0–100, a count a whole number ≥ 0 — the server's own rules (indicators.service.ts
// enter), checked here first so the officer sees them next to the field.

export type EntryValueProblem = 'required' | 'number' | 'rate' | 'count';

/** The number typed, or what is wrong with it for an indicator measured in `unit`. */
export function parseEntryValue(
  text: string,
  unit: string,
): { ok: true; value: number } | { ok: false; problem: EntryValueProblem } {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!trimmed) return { ok: false, problem: 'required' };
  // "1.234,5" (thousands with dots) and "77,85" read as Vietnamese; "77.85" as typed; a
  // count "13.640" has thousands dots (a count is whole, so it cannot be a decimal).
  const thousands = unit === 'count' && /^\d{1,3}(\.\d{3})+$/.test(trimmed);
  const normalised =
    trimmed.includes(',') || thousands ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return { ok: false, problem: 'number' };
  const value = Number(normalised);
  if (unit === '%' && (value < 0 || value > 100)) return { ok: false, problem: 'rate' };
  if (unit === 'count' && (value < 0 || !Number.isInteger(value)))
    return { ok: false, problem: 'count' };
  return { ok: true, value };
}
