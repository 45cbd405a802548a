// Every current unit in tree order (recipients, direction, sharing) and a name lookup; the
// user's own role units name themselves while the list loads.
import { useMemo } from 'react';
import { useAuth } from '../../identity/index.ts';
import { type Unit, useUnitOptions } from '../../org/index.ts';

export function useAllUnits(): {
  units: Unit[];
  nameOf: (code: string) => string;
  loading: boolean;
  error: unknown;
} {
  const { user } = useAuth();
  const { units: all, options, loading, error } = useUnitOptions();
  return useMemo(() => {
    const byCode = new Map((all ?? []).map((u) => [u.code, u]));
    // The options are in tree order; the units follow them.
    const units = options.flatMap((o) => byCode.get(o.value) ?? []);
    const roleNames = new Map((user?.roles ?? []).map((r) => [r.unitCode, r.unitName ?? '']));
    return {
      units,
      nameOf: (code: string) => byCode.get(code)?.name || roleNames.get(code) || code,
      loading,
      error,
    };
  }, [all, options, loading, error, user]);
}

/** The units where the user holds one of `roles`. */
export function roleUnits(
  user: { roles: { role: string; unitCode: string | null }[] } | null | undefined,
  roles: readonly string[],
): string[] {
  return [
    ...new Set(
      (user?.roles ?? [])
        .filter((r) => roles.includes(r.role) && r.unitCode)
        .map((r) => r.unitCode as string),
    ),
  ];
}
