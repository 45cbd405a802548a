import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/unit.types.ts';
import { buildTree, inSubtrees, sortUnits, visibleNodes } from './unit-tree.ts';

const unit = (code: string, name: string, kind: Unit['kind'], parentCode: string | null): Unit => ({
  id: code,
  code,
  name,
  fullName: name,
  kind,
  category: null,
  parentCode,
  agencyId: null,
  validFrom: '2025-07-01',
  validTo: null,
  successorCode: null,
});

const units = [
  unit('X2', 'Xã Bình', 'commune', 'P'),
  unit('X1', 'Phường An', 'commune', 'P'),
  unit('P', 'Tây Ninh', 'province', null),
  unit('S', 'Sở Nội vụ', 'agency', 'P'),
  unit('O', 'Mồ côi', 'commune', 'MISSING'),
];

describe('unit tree', () => {
  it('nests by parentCode and keeps orphans as roots', () => {
    const roots = buildTree(units);
    expect(roots.map((r) => r.unit.code)).toEqual(['P', 'O']);
    // communes before agencies, then Vietnamese collation by name
    expect(roots[0]?.children.map((c) => c.unit.code)).toEqual(['X1', 'X2', 'S']);
  });

  it('lists only expanded branches', () => {
    const roots = buildTree(units);
    expect(visibleNodes(roots, new Set()).map((n) => n.code)).toEqual(['P', 'O']);
    const open = visibleNodes(roots, new Set(['P']));
    expect(open.map((n) => `${n.code}@${n.level}`)).toEqual(['P@1', 'X1@2', 'X2@2', 'S@2', 'O@1']);
    expect(open[1]?.parentCode).toBe('P');
  });

  it('orders units for selects in tree order', () => {
    expect(sortUnits(units).map((u) => u.code)).toEqual(['P', 'X1', 'X2', 'S', 'O']);
  });
});

describe('inSubtrees', () => {
  const flat = [
    { code: '89', parentCode: null },
    { code: '883', parentCode: '89' },
    { code: '30280', parentCode: '883' },
    { code: '884', parentCode: '89' },
    { code: '30300', parentCode: '884' },
  ];
  it('holds for the roots and their descendants only', () => {
    const within = inSubtrees(flat, ['883']);
    expect(flat.filter((u) => within(u.code)).map((u) => u.code)).toEqual(['883', '30280']);
    expect(within('unknown')).toBe(false);
  });
  it('holds everywhere for a system-wide role, nowhere without roots', () => {
    expect(flat.every((u) => inSubtrees(flat, null)(u.code))).toBe(true);
    expect(flat.some((u) => inSubtrees(flat, [])(u.code))).toBe(false);
  });
  it('stops on a parent cycle', () => {
    expect(
      inSubtrees(
        [
          { code: 'a', parentCode: 'b' },
          { code: 'b', parentCode: 'a' },
        ],
        ['c'],
      )('a'),
    ).toBe(false);
  });
});
