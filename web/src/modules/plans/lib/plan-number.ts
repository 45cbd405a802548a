// Numbers typed in the target editor: Vietnamese decimals with a comma ("77,85") or a point.

/** The number typed, null for an empty field, or 'invalid'. */
export function parsePlanNumber(text: string): number | null | 'invalid' {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return null;
  const n = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  if (!/^-?\d+(\.\d+)?$/.test(n)) return 'invalid';
  return Number(n);
}

/** A number as the field shows it: a comma for decimals, '' for none. */
export function showPlanNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',');
}
