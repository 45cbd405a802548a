import { useMemo } from 'react';
import { type Role, useAuth } from '../../identity/index.ts';
import { useUnitOptions } from '../../org/index.ts';

/** Units where the signed-in user holds one of `roles` (pass a constant list), as select options. */
export function useRoleUnits(roles: readonly Role[]): { value: string; label: string }[] {
  const { user } = useAuth();
  const { options } = useUnitOptions();
  return useMemo(() => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    for (const r of user?.roles ?? []) {
      if (!roles.includes(r.role) || seen.has(r.unitCode)) continue;
      seen.add(r.unitCode);
      const named = options.find((o) => o.value === r.unitCode);
      out.push({
        value: r.unitCode,
        label: named?.label ?? (r.unitName ? `${r.unitName} (${r.unitCode})` : r.unitCode),
      });
    }
    return out;
  }, [user, roles, options]);
}
