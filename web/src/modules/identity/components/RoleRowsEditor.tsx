// Repeated rows of role + unit for an account.
import { useT } from '../../../i18n/i18n-context.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { type Role, STAFF_ROLES } from '../api/identity.types.ts';

/** One row being edited. */
export interface RoleRow {
  role: Role;
  unitCode: string;
}

interface RoleRowsEditorProps {
  prefix: string;
  rows: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  unitOptions: { value: string; label: string }[];
  errors: FieldErrors;
}

/** Edits the role rows; the first unit is proposed for a new row. */
export function RoleRowsEditor({
  prefix,
  rows,
  onChange,
  unitOptions,
  errors,
}: RoleRowsEditorProps) {
  const t = useT();
  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
  const units = [{ value: '', label: t('form.choose') }, ...unitOptions];
  const update = (index: number, patch: Partial<RoleRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('accounts.roles')}</legend>
      {errors.roles ? (
        <p className="field__error" id={`${prefix}-roles`}>
          {errors.roles}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="muted">{t('accounts.noRoles')}</p> : null}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
        <div className="repeat-row" key={index}>
          <SelectField
            id={`${prefix}-roles-${index}-role`}
            label={t('accounts.role')}
            value={row.role}
            error={errors[`roles.${index}.role`]}
            options={roleOptions}
            onChange={(e) => update(index, { role: e.target.value as Role })}
          />
          <SelectField
            id={`${prefix}-roles-${index}-unitCode`}
            label={t('accounts.unit')}
            value={row.unitCode}
            error={errors[`roles.${index}.unitCode`]}
            options={units}
            onChange={(e) => update(index, { unitCode: e.target.value })}
          />
          <button
            type="button"
            className="button button--secondary button--small repeat-row__remove"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            {t('accounts.removeRole', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() =>
          onChange([...rows, { role: 'specialist', unitCode: unitOptions[0]?.value ?? '' }])
        }
      >
        {t('accounts.addRole')}
      </button>
    </fieldset>
  );
}
