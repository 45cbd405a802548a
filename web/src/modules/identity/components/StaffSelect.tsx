// Picks a colleague by name for "assign to" (phân công): the unit's staff from
// GET /units/{code}/staff, so nobody types a login name (issue 12 deliver 6). A native
// <select> keeps keyboard, screen-reader and phone behaviour for free.
import { ApiError } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { SelectField } from '../../../ui/Field.tsx';
import type { Role } from '../api/identity.types.ts';
import { listUnitStaff, type StaffMember } from '../api/staff.api.ts';

interface StaffSelectProps {
  id: string;
  label: string;
  /** The unit whose people are listed (those over it: its own, and its parents'). */
  unitCode: string;
  /** Roles that may be picked (what the action accepts). */
  roles: readonly Role[];
  /** The picked account's username, or its id with valueKey 'id' ('' for none). */
  value: string;
  /** What the value names: the username (dossier actions) or the account id (tasks). */
  valueKey?: 'username' | 'id';
  onChange: (username: string) => void;
  error?: string;
  hint?: string;
  /** The empty option's text (e.g. "take it myself" or "leave it to the unit's leader"). */
  emptyLabel?: string;
}

/** "Full name — Role" for each person; the role names the unit when it is not this one. */
export function staffOptionLabel(
  member: StaffMember,
  unitCode: string,
  roles: readonly Role[],
  roleName: (role: Role) => string,
): string {
  const grants = member.roles.filter((g) => roles.includes(g.role));
  const parts = grants.map((g) =>
    g.unitCode && g.unitCode !== unitCode
      ? `${roleName(g.role)} (${g.unitCode})`
      : roleName(g.role),
  );
  return parts.length ? `${member.fullName} — ${[...new Set(parts)].join(', ')}` : member.fullName;
}

/** A select of the unit's staff holding `roles`, by full name. */
export function StaffSelect({
  id,
  label,
  unitCode,
  roles,
  value,
  onChange,
  error,
  hint,
  emptyLabel,
  valueKey = 'username',
}: StaffSelectProps) {
  const t = useT();
  const roleKey = roles.join(',');
  // roleKey stands for `roles` in the deps: a new array each render must not reload.
  const state = useAsync(
    (signal) => (unitCode ? listUnitStaff(unitCode, roles, signal) : Promise.resolve([])),
    [unitCode, roleKey],
  );
  const people = state.data ?? [];
  const options = [
    {
      value: '',
      label: state.loading ? t('status.loading') : (emptyLabel ?? t('form.choose')),
    },
    ...people.map((m) => ({
      value: m[valueKey],
      label: staffOptionLabel(m, unitCode, roles, (r) => t(`role.${r}`)),
    })),
  ];
  // Keep an unknown current value visible rather than silently changing it.
  if (value && !people.some((m) => m[valueKey] === value)) options.push({ value, label: value });
  // A unit the user may not see (404) or a failed load: say so; the empty choice still works.
  const problem =
    state.error instanceof ApiError && state.error.status === 404
      ? t('staff.notVisible')
      : state.error
        ? t('staff.loadFailed')
        : !state.loading && people.length === 0 && unitCode
          ? t('staff.none')
          : undefined;
  return (
    <SelectField
      id={id}
      label={label}
      hint={[hint, problem].filter(Boolean).join(' ') || undefined}
      value={value}
      error={error}
      options={options}
      aria-busy={state.loading || undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
