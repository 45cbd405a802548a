import {
  DEFAULT_INDEX766,
  index766SettingProblems,
  index766Sources,
  score766,
  scoreIndex766,
} from '@cqs/shared/indicators/index766';
import { describe, expect, it } from 'vitest';
import { index766For } from './indicators.index766.js';
import type { ValueSource } from './indicators.scoring.sources.js';

describe('score766 (regulations.md §5: full points at the target, else rate × points ÷ target)', () => {
  it('converts a rate to points', () => {
    expect(score766(85, 10, 80)).toBe(10); // above the target: full
    expect(score766(80, 10, 80)).toBe(10); // at the target: full
    expect(score766(60, 10, 80)).toBe(7.5); // 60 × 10 ÷ 80
    expect(score766(45, 6, 90)).toBe(3); // satisfaction: 45 × 6 ÷ 90
    expect(score766(0, 20, 100)).toBe(0);
    expect(score766(null, 20, 100)).toBe(0); // no data: 0 (and flagged by scoreIndex766)
  });
});

describe('the shipped setting', () => {
  it('has the six groups of regulations.md §5 with their points, 100 in all', () => {
    expect(DEFAULT_INDEX766.groups.map((g) => g.points)).toEqual([18, 20, 12, 10, 22, 18]);
    expect(DEFAULT_INDEX766.groups.reduce((a, g) => a + g.points, 0)).toBe(100);
    expect(index766SettingProblems(DEFAULT_INDEX766)).toEqual([]);
  });

  it("uses the portal's targets: 80 % online procedures, payment, digitisation; 50 % online submission; 90 % satisfaction", () => {
    const target = new Map(
      DEFAULT_INDEX766.groups.flatMap((g) => g.indicators.map((i) => [i.code, i.target])),
    );
    expect(target.get('procedures.online')).toBe(80);
    expect(target.get('payments.online')).toBe(80);
    expect(target.get('dossiers.digitised')).toBe(80);
    expect(target.get('dossiers.online')).toBe(50);
    expect(target.get('satisfaction')).toBe(90);
  });

  it('names the entered sub-indicators (no data source in the system)', () => {
    const entered = DEFAULT_INDEX766.groups
      .flatMap((g) => g.indicators)
      .filter((i) => i.origin === 'entered')
      .map((i) => i.code);
    expect(entered).toEqual(['procedures.published_on_time', 'dossiers.synced_national']);
  });

  it('refuses a group whose sub-indicator points do not add up', () => {
    const bad = structuredClone(DEFAULT_INDEX766);
    bad.groups[1]!.indicators[0]!.points = 15;
    expect(index766SettingProblems(bad)).toEqual([
      {
        path: 'groups.1.indicators',
        message: 'Tổng điểm các chỉ số thành phần (15) phải bằng điểm của nhóm (20).',
      },
    ]);
  });
});

// A ward's rates (percent) for one period, with the scores worked by hand:
//   publicity 18: published on time 100 ≥ 100 → 9; synced: no data → 0          =  9
//   timeliness 20: on time 95 → 95 × 20 ÷ 100                                      = 19
//   online 12: procedures 30 + 40 = 70 → 70 × 6 ÷ 80 = 5.25; submitted 60 ≥ 50 → 6 = 11.25
//   payment 10: 40 → 40 × 10 ÷ 80                                                  =  5
//   digitisation 22: electronic 80 → 8; digitised 20 → 2; reuse 10 → 10 × 6 ÷ 40 = 1.5 = 11.5
//   satisfaction 18: petitions 50 → 3; satisfied 99 ≥ 90 → 12                      = 15
//   total = 9 + 19 + 11.25 + 5 + 11.5 + 15                                         = 70.75
const RATES: Record<string, number | null> = {
  'procedures.published_on_time': 100,
  'dossiers.synced_national': null,
  'dossiers.on_time': 95,
  'procedures.full_online': 30,
  'procedures.partial_online': 40,
  'dossiers.online': 60,
  'payments.online': 40,
  'dossiers.result_electronic': 80,
  'dossiers.digitised': 20,
  'portal.prefilled': 10,
  'petitions.on_time': 50,
  satisfaction: 99,
};

describe('scoreIndex766', () => {
  it('scores a unit (hand-computed)', () => {
    const r = scoreIndex766(DEFAULT_INDEX766, new Map(Object.entries(RATES)));
    expect(r.total).toBe(70.75);
    expect(r.groups.map((g) => [g.code, g.points, g.score])).toEqual([
      ['cong_khai_minh_bach', 18, 9],
      ['tien_do_giai_quyet', 20, 19],
      ['dich_vu_truc_tuyen', 12, 11.25],
      ['thanh_toan_truc_tuyen', 10, 5],
      ['so_hoa_ho_so', 22, 11.5],
      ['muc_do_hai_long', 18, 15],
    ]);
    expect(r.groups[0]?.indicators[1]).toMatchObject({
      code: 'dossiers.synced_national',
      rate: null,
      score: 0,
      noData: true,
      origin: 'entered',
    });
    expect(r.groups[2]?.indicators[0]).toMatchObject({
      code: 'procedures.online',
      rate: 70,
      target: 80,
      score: 5.25,
      noData: false,
    });
  });

  it('scores 0 everywhere, flagged, with no data at all', () => {
    const r = scoreIndex766(DEFAULT_INDEX766, new Map());
    expect(r.total).toBe(0);
    expect(r.groups.flatMap((g) => g.indicators).every((i) => i.noData)).toBe(true);
  });
});

describe('index766For', () => {
  it('reads each source indicator once for the unit and period', async () => {
    const asked: string[] = [];
    const source: ValueSource = {
      async value({ indicator, unitCode, period }) {
        asked.push(`${indicator}|${unitCode}|${period}`);
        const v = RATES[indicator] ?? null;
        return { numerator: v, denominator: v === null ? 0 : 100, value: v, decimals: 2 };
      },
      async series() {
        return [];
      },
    };
    const r = await index766For(source, DEFAULT_INDEX766, '30280', '2026Q2');
    expect(r.total).toBe(70.75);
    expect(asked.sort()).toEqual(
      index766Sources(DEFAULT_INDEX766)
        .map((c) => `${c}|30280|2026Q2`)
        .sort(),
    );
    expect(asked).toHaveLength(12);
  });
});
