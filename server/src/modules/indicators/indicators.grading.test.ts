import { grade, gradeWithStretch, roundTo } from '@cqs/shared/indicators/grading';
import { describe, expect, it } from 'vitest';
import { gradePlanTargets } from './indicators.grading.js';
import type {
  IndicatorValueRow,
  PlanTargets,
  SeriesRow,
  ValueSource,
} from './indicators.scoring.sources.js';

// Seed 002 (Đồng Hới, Phần I), the nine graded rows of `previousResults` in
// ../shared/data/seed-plans/002_dc9a4c4105ad1bd8.json, copied as plannedValue → resultValue
// → grade. The plan's table shows results to two decimals ("77,85%"), so decimals = 2.
const SEED_002_PREVIOUS_RESULTS = [
  { target: 'văn bản điện tử giữa cơ quan nhà nước', planned: 96, result: 100, grade: 'Vượt' },
  { target: 'hồ sơ công việc trên mạng — thành phố', planned: 74, result: 99, grade: 'Vượt' },
  { target: 'hồ sơ công việc trên mạng — cấp xã', planned: 52, result: 98, grade: 'Vượt' },
  { target: 'báo cáo trên hệ thống thông tin báo cáo', planned: 80, result: 80, grade: 'Đạt' },
  { target: 'DVCTT mức 3, 4 tích hợp Cổng quốc gia', planned: 100, result: 100, grade: 'Đạt' },
  { target: 'hài lòng về giải quyết TTHC', planned: 80, result: 77.85, grade: 'Chưa đạt' },
  { target: 'dịch vụ công được hỗ trợ giải đáp', planned: 100, result: 100, grade: 'Đạt' },
  { target: 'giao dịch được xác thực điện tử', planned: 100, result: 100, grade: 'Đạt' },
  { target: 'cán bộ CNTT được đào tạo ATTT', planned: 100, result: 100, grade: 'Đạt' },
] as const;

describe('grade (đánh giá chỉ tiêu)', () => {
  it.each(SEED_002_PREVIOUS_RESULTS)('seed 002: $target $planned → $result is $grade', (row) => {
    // All nine are lower bounds ('>=' in seed-plans; "đạt trên 80%" included).
    expect(grade({ comparator: '>=', targetValue: row.planned }, row.result, 2)).toBe(row.grade);
  });

  it("treats '=' (a bare value, 'đạt 60%') as a floor", () => {
    expect(grade({ comparator: '=', targetValue: 60 }, 61, 0)).toBe('Vượt');
    expect(grade({ comparator: '=', targetValue: 60 }, 60, 0)).toBe('Đạt');
    expect(grade({ comparator: '=', targetValue: 60 }, 59, 0)).toBe('Chưa đạt');
  });

  it('compares at the display precision', () => {
    // 79.996 shows as 80.00 at two places, 80.0 at one: equal to the target.
    expect(grade({ comparator: '>=', targetValue: 80 }, 79.996, 2)).toBe('Đạt');
    expect(grade({ comparator: '>=', targetValue: 80 }, 79.994, 2)).toBe('Chưa đạt');
    expect(grade({ comparator: '>=', targetValue: 80 }, 80.4, 0)).toBe('Đạt');
    expect(grade({ comparator: '>=', targetValue: 80 }, 80.5, 0)).toBe('Vượt');
    // Half away from zero on the decimal, not the binary, value: 77.845 → 77.85.
    expect(roundTo(77.845, 2)).toBe(77.85);
    expect(grade({ comparator: '>=', targetValue: 77.85 }, 77.845, 2)).toBe('Đạt');
  });

  it("mirrors '<=' (a rank such as 'nhóm 10', a time limit): lower is better", () => {
    expect(grade({ comparator: '<=', targetValue: 10 }, 7, 0)).toBe('Vượt');
    expect(grade({ comparator: '<=', targetValue: 10 }, 10, 0)).toBe('Đạt');
    expect(grade({ comparator: '<=', targetValue: 10 }, 12, 0)).toBe('Chưa đạt');
    // 3.04 days shows as 3.0 against a 3-day limit: Đạt.
    expect(grade({ comparator: '<=', targetValue: 3 }, 3.04, 1)).toBe('Đạt');
    expect(grade({ comparator: '<=', targetValue: 3 }, 3.06, 1)).toBe('Chưa đạt');
  });

  it('says so when there is no data', () => {
    expect(grade({ comparator: '>=', targetValue: 80 }, null, 2)).toBe('Chưa có số liệu');
    expect(grade({ comparator: '<=', targetValue: 10 }, Number.NaN, 0)).toBe('Chưa có số liệu');
  });

  it('reports the stretch value (seed 004: "50%, phấn đấu 100%")', () => {
    const t = { comparator: '>=' as const, targetValue: 50, stretchValue: 100 };
    expect(gradeWithStretch(t, 72, 0)).toEqual({ grade: 'Vượt', stretchMet: false });
    expect(gradeWithStretch(t, 100, 0)).toEqual({ grade: 'Vượt', stretchMet: true });
    expect(gradeWithStretch(t, 40, 0)).toEqual({ grade: 'Chưa đạt', stretchMet: false });
    expect(gradeWithStretch(t, null, 0)).toEqual({ grade: 'Chưa có số liệu', stretchMet: null });
    expect(gradeWithStretch({ comparator: '>=', targetValue: 50 }, 72, 0).stretchMet).toBeNull();
  });
});

/** Values from a fixed table (the engine's contract; B1's indicatorValue answers in this form). */
function tableSource(
  values: Record<string, IndicatorValueRow>,
  series: Record<string, SeriesRow[]> = {},
): ValueSource {
  return {
    async value({ indicator, unitCode, period }) {
      return (
        values[`${indicator}|${unitCode}|${period}`] ?? {
          numerator: 0,
          denominator: 0,
          value: null,
          decimals: 2,
        }
      );
    },
    async series({ indicator, unitCode }) {
      return series[`${indicator}|${unitCode}`] ?? [];
    },
  };
}

const month = (m: number, num: number, den: number): SeriesRow => ({
  period: `2026${String(m).padStart(2, '0')}`,
  numerator: num,
  denominator: den,
  value: den === 0 ? null : (num / den) * 100,
});

describe('gradePlanTargets', () => {
  const plan: PlanTargets = {
    plan: { id: 'p1', unitCode: '883', year: 2026, title: 'Kế hoạch chuyển đổi số 2026' },
    targets: [
      {
        id: 't-online',
        indicatorCode: 'dossiers.online',
        comparator: '>=',
        targetValue: 50,
        stretchValue: 80,
        baseline: 30,
        unitOfMeasure: '%',
        text: 'Tỷ lệ hồ sơ trực tuyến đạt trên 50%',
        sectionCode: 'chinh_quyen_so',
        unitCode: '30280',
      },
      {
        id: 't-text',
        indicatorCode: null,
        comparator: '=',
        targetValue: 100,
        stretchValue: null,
        baseline: null,
        unitOfMeasure: '%',
        text: '100% cán bộ được đào tạo',
        sectionCode: 'nhan_luc_so',
        unitCode: '883',
      },
    ],
  };
  // Jan–Jun: 30 of 100 online each month (30 %), so the year-end forecast is 30 % < 50 %.
  const online = Array.from({ length: 12 }, (_, i) =>
    i < 6 ? month(i + 1, 30, 100) : month(i + 1, 0, 0),
  );
  const source = tableSource(
    {
      'dossiers.online|30280|2026': { numerator: 180, denominator: 600, value: 30, decimals: 1 },
      'dossiers.online|30280|2026Q1': { numerator: 90, denominator: 150, value: 60, decimals: 1 },
    },
    { 'dossiers.online|30280': online },
  );

  it('grades each target for the plan year with a forecast and the at-risk flag', async () => {
    const items = await gradePlanTargets(source, plan, { today: '2026-07-15' });
    expect(items[0]).toMatchObject({
      targetId: 't-online',
      indicator: 'dossiers.online',
      comparator: '>=',
      target: 50,
      value: 30,
      grade: 'Chưa đạt',
      stretch: 80,
      stretchMet: false,
      forecast: 30,
      atRisk: true,
    });
    expect(items[1]).toMatchObject({
      targetId: 't-text',
      indicator: null,
      value: null,
      grade: 'Chưa có số liệu',
    });
    expect(items[1]?.atRisk).toBeUndefined();
  });

  it("gives no forecast for a year other than the plan's", async () => {
    const items = await gradePlanTargets(source, plan, { period: '2025', today: '2026-07-15' });
    expect(items[0]).toMatchObject({ value: null, grade: 'Chưa có số liệu' });
    expect(items[0]).not.toHaveProperty('forecast');
  });

  it('grades a quarter without a forecast', async () => {
    const items = await gradePlanTargets(source, plan, { period: '2026Q1', today: '2026-07-15' });
    expect(items[0]).toMatchObject({ value: 60, grade: 'Vượt', stretchMet: false });
    expect(items[0]).not.toHaveProperty('forecast');
  });
});
