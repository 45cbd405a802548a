// The budget table's sums and the reading of an imported plan file.
import type { BudgetLine } from '../api/plan.types.ts';

/** Column sums of the budget lines (đồng). */
export function budgetTotals(lines: readonly BudgetLine[]): Omit<BudgetLine, 'id' | 'title'> {
  return lines.reduce(
    (sum, l) => ({
      total: sum.total + (l.total || 0),
      central: sum.central + (l.central || 0),
      local: sum.local + (l.local || 0),
    }),
    { total: 0, central: 0, local: 0 },
  );
}

/** What an imported file is, by its name; null for anything else. */
export function importKind(fileName: string): 'json' | 'xlsx' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Parses a plan's JSON text; the Vietnamese reason when it is not a plan. */
export function parsePlanJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'Tệp không phải JSON hợp lệ.' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: 'Tệp JSON không chứa một kế hoạch.' };
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.targets) && !Array.isArray(v.sections))
    return {
      ok: false,
      error: 'Kế hoạch trong tệp không có phần (sections) hay chỉ tiêu (targets).',
    };
  return { ok: true, value };
}
