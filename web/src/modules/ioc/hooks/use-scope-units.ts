// The units the signed-in user may watch: the subtrees of the units where they hold a staff
// role (the server scopes every answer the same way; this only builds the picker).
import { useMemo } from 'react';
import { type Role, STAFF_ROLES, useAuth } from '../../identity/index.ts';
import { inSubtrees, type Unit, useUnitOptions } from '../../org/index.ts';

export interface ScopeUnits {
  /** Units of the user's subtrees, in tree order. */
  units: Unit[];
  /** The user's own role units (the tops of their subtrees). */
  roots: string[];
  nameOf: (code: string) => string;
  /** The parent when it is still in scope, else null (the top of the drill-down). */
  parentInScope: (code: string) => string | null;
  loading: boolean;
}

/** The subtrees of the units where the user holds one of `roles` (a constant list). */
export function useScopeUnits(roles: readonly Role[] = STAFF_ROLES): ScopeUnits {
  const { user } = useAuth();
  const { units: all, loading } = useUnitOptions();
  return useMemo(() => {
    const roots = [
      ...new Set((user?.roles ?? []).filter((r) => roles.includes(r.role)).map((r) => r.unitCode)),
    ];
    const list = all ?? [];
    const inScope = inSubtrees(list, roots);
    const units = list.filter((u) => inScope(u.code));
    const byCode = new Map(list.map((u) => [u.code, u]));
    const roleNames = new Map((user?.roles ?? []).map((r) => [r.unitCode, r.unitName ?? '']));
    return {
      units,
      roots,
      loading,
      nameOf: (code) => byCode.get(code)?.name || roleNames.get(code) || code,
      parentInScope: (code) => {
        const parent = byCode.get(code)?.parentCode;
        return parent && !roots.includes(code) && inScope(parent) ? parent : null;
      },
    };
  }, [user, all, loading, roles]);
}
