// A person over a unit holding one of `roles` (GET /units/{code}/staff), picked by name: the
// signing account of a draft (leaders), the lead person of a direction, a person to share
// with. The member picked goes to the caller too, for its full name.
import type { Role } from '@cqs/shared/identity/index';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { SelectField } from '../../../ui/Field.tsx';
import { listUnitStaff, type StaffMember } from '../../identity/index.ts';

export function PersonSelect({
  id,
  label,
  hint,
  unitCode,
  roles,
  value,
  onChange,
  emptyLabel,
  error,
}: {
  id: string;
  label: string;
  hint?: string;
  unitCode: string;
  /** A constant list (module-level), so each render does not reload. */
  roles: readonly Role[];
  /** The account id ('' for none). */
  value: string;
  onChange: (id: string, member: StaffMember | null) => void;
  emptyLabel?: string;
  error?: string;
}) {
  const t = useT();
  const state = useAsync(
    (signal) => (unitCode ? listUnitStaff(unitCode, roles, signal) : Promise.resolve([])),
    [unitCode, roles.join(',')],
  );
  const people = state.data ?? [];
  const options = [
    { value: '', label: state.loading ? t('status.loading') : (emptyLabel ?? t('form.choose')) },
    ...people.map((m) => ({
      value: m.id,
      label: `${m.fullName} — ${[...new Set(m.roles.filter((g) => roles.includes(g.role)).map((g) => t(`role.${g.role}`)))].join(', ')}`,
    })),
  ];
  if (value && !people.some((m) => m.id === value)) options.push({ value, label: value });
  const problem = state.error
    ? t('staff.loadFailed')
    : !state.loading && unitCode && people.length === 0
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
      onChange={(e) =>
        onChange(e.target.value, people.find((m) => m.id === e.target.value) ?? null)
      }
    />
  );
}
