// Grading a plan target (đánh giá chỉ tiêu) against its indicator's value, as the seeds'
// yearly reviews do by hand (seed 002, Phần I: "Mục tiêu đề ra | Kết quả | Đánh giá").
// Pure: shared by the server's grades endpoint and the web's plan page.

/** How a target bounds its indicator (seed-plans README "comparator"). */
export type Comparator = '>=' | '<=' | '=';

export const GRADES = ['Vượt', 'Đạt', 'Chưa đạt', 'Chưa có số liệu'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradableTarget {
  comparator: Comparator;
  targetValue: number;
  /** The plan's "phấn đấu" value (seed 004: "50%, phấn đấu 100%"), if it gives one. */
  stretchValue?: number | null;
}

/**
 * Rounds half away from zero at `decimals` places, through the decimal string so that
 * 77.845 → 77.85 (binary 77.845 is 77.8449999…, which Math.round alone would take down).
 */
export function roundTo(value: number, decimals: number): number {
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${d}`);
  return (sign * Number(`${Math.round(shifted)}e-${d}`)) as number;
}

/**
 * -1, 0 or 1: how `value` stands against `bound` in the target's good direction, both taken
 * at the display precision. '>=' and '=' are floors ("đạt 60%" is read as "at least 60%", as
 * the seeds' graders read it: seed 002 grades 96% → 100% Vượt); '<=' is a ceiling (a rank
 * such as "nhóm 10", a time limit), where lower is better.
 */
function standing(comparator: Comparator, value: number, bound: number, decimals: number): number {
  const v = roundTo(value, decimals);
  const b = roundTo(bound, decimals);
  if (v === b) return 0;
  const above = v > b ? 1 : -1;
  return comparator === '<=' ? -above : above;
}

/**
 * The grade of a target for a value shown with `decimals` places: Vượt when it beats the
 * target, Đạt when equal at that precision, Chưa đạt otherwise; a null value (no data, or a
 * denominator of 0) is 'Chưa có số liệu'.
 */
export function grade(target: GradableTarget, value: number | null, decimals: number): Grade {
  if (value === null || !Number.isFinite(value)) return 'Chưa có số liệu';
  const s = standing(target.comparator, value, target.targetValue, decimals);
  return s > 0 ? 'Vượt' : s === 0 ? 'Đạt' : 'Chưa đạt';
}

/** The grade and whether the stretch value is reached (null when there is none or no data). */
export function gradeWithStretch(
  target: GradableTarget,
  value: number | null,
  decimals: number,
): { grade: Grade; stretchMet: boolean | null } {
  const g = grade(target, value, decimals);
  const stretch = target.stretchValue ?? null;
  if (stretch === null || value === null || !Number.isFinite(value)) {
    return { grade: g, stretchMet: null };
  }
  return { grade: g, stretchMet: standing(target.comparator, value, stretch, decimals) >= 0 };
}
