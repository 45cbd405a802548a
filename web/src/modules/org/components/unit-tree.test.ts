import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/unit.types.ts';
import { buildTree, sortUnits, visibleNodes } from './unit-tree.ts';

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
