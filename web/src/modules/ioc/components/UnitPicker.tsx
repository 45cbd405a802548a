// The unit being watched: a select of the user's subtree and a "one level up" button; a ward
// chosen on a chart or table arrives here too (drill-down city → ward).
import { useT } from '../../../i18n/i18n-context.tsx';
import type { ScopeUnits } from '../hooks/use-scope-units.ts';

export function UnitPicker({
  scope,
  value,
  onChange,
}: {
  scope: ScopeUnits;
  value: string;
  onChange: (code: string) => void;
}) {
  const t = useT();
  const parent = scope.parentInScope(value);
  const options = scope.units.length
    ? scope.units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))
    : scope.roots.map((code) => ({ value: code, label: scope.nameOf(code) }));
  if (!options.some((o) => o.value === value) && value)
    options.unshift({ value, label: scope.nameOf(value) });
  return (
    <div className="ioc-unit-picker">
      <label htmlFor="ioc-unit">{t('ioc.unit.label')}</label>
      <select id="ioc-unit" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {parent ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange(parent)}
        >
          {t('ioc.unit.up', { name: scope.nameOf(parent) })}
        </button>
      ) : null}
    </div>
  );
}
