// The four grades of a target (issue 12 deliver 5; seed 002's "Đánh giá" column) and how they
// show: colour AND text AND a symbol, never colour alone (WCAG 1.4.1).

export const GRADES = ['Vượt', 'Đạt', 'Chưa đạt', 'Chưa có số liệu'] as const;
export type Grade = (typeof GRADES)[number];

/** The visual family of a grade: Vượt green, Đạt blue, Chưa đạt red, no data grey. */
export type GradeTone = 'exceeded' | 'met' | 'missed' | 'nodata';

const TONES: Record<Grade, GradeTone> = {
  Vượt: 'exceeded',
  Đạt: 'met',
  'Chưa đạt': 'missed',
  'Chưa có số liệu': 'nodata',
};

/** Colours with ≥ 4.5:1 contrast on white (text) and on the dark wall background (fills). */
export const GRADE_COLOURS: Record<GradeTone, string> = {
  exceeded: '#1e7b34',
  met: '#1f5fa8',
  missed: '#b42318',
  nodata: '#5f6b7a',
};

const SYMBOLS: Record<GradeTone, string> = {
  exceeded: '▲',
  met: '●',
  missed: '▼',
  nodata: '–',
};

/** The tone of a grade as the API spells it; anything unknown reads as no data. */
export function gradeTone(grade: string | null | undefined): GradeTone {
  return TONES[grade as Grade] ?? 'nodata';
}

/** The grade's text-plus-symbol label, e.g. "▲ Vượt". */
export function gradeLabel(grade: string | null | undefined): string {
  const tone = gradeTone(grade);
  const text = (GRADES as readonly string[]).includes(grade ?? '') ? (grade as Grade) : GRADES[3];
  return `${SYMBOLS[tone]} ${text}`;
}

/** The CSS class of a grade badge: `ioc-grade--<tone>`. */
export function gradeClass(grade: string | null | undefined): string {
  return `ioc-grade ioc-grade--${gradeTone(grade)}`;
}

/** Counts per grade, in GRADES order (the summary line above the targets). */
export function countGrades(grades: readonly (string | null | undefined)[]): Record<Grade, number> {
  const out: Record<Grade, number> = { Vượt: 0, Đạt: 0, 'Chưa đạt': 0, 'Chưa có số liệu': 0 };
  for (const g of grades) {
    const tone = gradeTone(g);
    const key = GRADES.find((k) => TONES[k] === tone) as Grade;
    out[key] += 1;
  }
  return out;
}

/** The comparator as a sign: `>=` → "≥". */
export function comparatorSign(comparator: string): string {
  return (
    ({ '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' } as Record<string, string>)[
      comparator
    ] ?? comparator
  );
}
