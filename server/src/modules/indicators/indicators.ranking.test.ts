import { describe, expect, it } from 'vitest';
import { compositeScores, rankRows, type WeightSet } from './indicators.ranking.js';

type Row = { unitCode: string; value: number | null };
const ranks = (rows: Row[], dir: 'higher' | 'lower', decimals?: number) =>
  rankRows(rows, (r) => r.value, dir, decimals).map((r) => [r.row.unitCode, r.rank]);

describe('rankRows', () => {
  const rows: Row[] = [
    { unitCode: '30283', value: 92.5 },
    { unitCode: '30280', value: 97 },
    { unitCode: '30286', value: null },
    { unitCode: '30289', value: 92.5 },
    { unitCode: '30292', value: 80 },
    { unitCode: '30277', value: null },
  ];

  it('ranks higher-is-better with ties sharing a rank and no-data units last', () => {
    expect(ranks(rows, 'higher')).toEqual([
      ['30280', 1],
      ['30283', 2],
      ['30289', 2],
      ['30292', 4],
      ['30277', null],
      ['30286', null],
    ]);
  });

  it('ranks lower-is-better (a time, a rank) the other way', () => {
    expect(ranks(rows, 'lower').slice(0, 4)).toEqual([
      ['30292', 1],
      ['30283', 2],
      ['30289', 2],
      ['30280', 4],
    ]);
  });

  it('ties at the display precision', () => {
    const close: Row[] = [
      { unitCode: 'a', value: 80.001 },
      { unitCode: 'b', value: 79.999 },
      { unitCode: 'c', value: 79.9 },
    ];
    expect(ranks(close, 'higher', 2)).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
    expect(ranks(close, 'higher', 3)).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });
});

describe('compositeScores', () => {
  const set: WeightSet = {
    code: 'thu',
    name: 'Bộ thử',
    items: [
      { indicator: 'dossiers.on_time', weight: 3, target: 100, direction: 'higher' },
      { indicator: 'dossiers.online', weight: 1, target: 50, direction: 'higher' },
      // No target: min–max among the units; lower is better (e.g. days to resolve).
      { indicator: 'reports.days', weight: 1, direction: 'lower' },
    ],
  };
  const values = new Map<string, Map<string, number | null>>([
    // on time 90/100 = .9; online 60 ≥ 50 → 1; days 4 is the best → 1.
    // (3·.9 + 1 + 1) / 5 = 4.7 / 5 = 94 %.
    [
      'A',
      new Map<string, number | null>([
        ['dossiers.on_time', 90],
        ['dossiers.online', 60],
        ['reports.days', 4],
      ]),
    ],
    // on time 1; online 20/50 = .4; days 10 is the worst → 0. (3 + .4 + 0) / 5 = 68 %.
    [
      'B',
      new Map<string, number | null>([
        ['dossiers.on_time', 100],
        ['dossiers.online', 20],
        ['reports.days', 10],
      ]),
    ],
    // on time .5; online missing → 0; days 7 → (10 − 7) / 6 = .5. (1.5 + 0 + .5) / 5 = 40 %.
    [
      'C',
      new Map<string, number | null>([
        ['dossiers.on_time', 50],
        ['reports.days', 7],
      ]),
    ],
    ['D', new Map<string, number | null>()],
  ]);

  it('weights the attainments (hand-computed)', () => {
    const rows = compositeScores(set, values);
    expect(rows.map((r) => [r.unitCode, r.score])).toEqual([
      ['A', 94],
      ['B', 68],
      ['C', 40],
      ['D', null],
    ]);
    expect(rows[2]?.parts).toEqual([
      { indicator: 'dossiers.on_time', value: 50, attainment: 0.5 },
      { indicator: 'dossiers.online', value: null, attainment: 0 },
      { indicator: 'reports.days', value: 7, attainment: 0.5 },
    ]);
    const ranked = rankRows(rows, (r) => r.score, 'higher');
    expect(ranked.map((r) => [r.row.unitCode, r.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['D', null],
    ]);
  });

  it('reads a lower-is-better target as a ceiling', () => {
    const s: WeightSet = {
      code: 'x',
      name: 'x',
      items: [{ indicator: 'rank', weight: 1, target: 10, direction: 'lower' }],
    };
    const rows = compositeScores(
      s,
      new Map([
        ['A', new Map([['rank', 8]])],
        ['B', new Map([['rank', 20]])],
      ]),
    );
    expect(rows.map((r) => r.score)).toEqual([100, 50]);
  });
});
