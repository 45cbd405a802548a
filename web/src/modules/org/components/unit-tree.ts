// Builds the unit tree from the flat list (parentCode) and flattens its visible part for
// keyboard navigation (ARIA tree pattern).
import { UNIT_KINDS, type Unit } from '../api/unit.types.ts';

/** A unit with its children. */
export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** A visible row of the tree. */
export interface VisibleNode {
  code: string;
  parentCode: string | null;
  level: number;
  hasChildren: boolean;
}

const collator = new Intl.Collator('vi', { numeric: true });

function compare(a: Unit, b: Unit): number {
  const byKind = UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind);
  return byKind || collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
}

/** Roots of the tree; units whose parent is not in the list become roots too. */
export function buildTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.code, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentCode ? nodes.get(node.unit.parentCode) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compare(a.unit, b.unit));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The visible rows, depth first, descending only into expanded nodes. */
export function visibleNodes(roots: UnitNode[], expanded: ReadonlySet<string>): VisibleNode[] {
  const out: VisibleNode[] = [];
  const walk = (list: UnitNode[], level: number, parentCode: string | null) => {
    for (const node of list) {
      out.push({ code: node.unit.code, parentCode, level, hasChildren: node.children.length > 0 });
      if (expanded.has(node.unit.code)) walk(node.children, level + 1, node.unit.code);
    }
  };
  walk(roots, 1, null);
  return out;
}

/**
 * Whether a unit lies in one of the subtrees of `roots` (the unit itself or a descendant,
 * through the list's parentCode links); `roots` null means everywhere (a system-wide role).
 */
export function inSubtrees(
  units: readonly Pick<Unit, 'code' | 'parentCode'>[],
  roots: readonly string[] | null,
): (code: string) => boolean {
  if (roots === null) return () => true;
  const parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
  const rootSet = new Set(roots);
  return (code) => {
    const seen = new Set<string>();
    for (let c: string | null | undefined = code; c && !seen.has(c); c = parentOf.get(c)) {
      if (rootSet.has(c)) return true;
      seen.add(c);
    }
    return false;
  };
}

/** All units in tree order (for selects). */
export function sortUnits(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  const walk = (list: UnitNode[]) => {
    for (const node of list) {
      out.push(node.unit);
      walk(node.children);
    }
  };
  walk(buildTree(units));
  return out;
}
