import { useT } from '../../../i18n/i18n-context.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { useUnitOptions } from '../hooks/use-unit-options.ts';

interface UnitSelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  /** Adds an empty first option with this text. */
  emptyLabel?: string;
  labelHidden?: boolean;
  className?: string;
}

/** A select of the current units (loads them itself). */
export function UnitSelect({
  id,
  label,
  value,
  onChange,
  error,
  emptyLabel,
  labelHidden,
  className,
}: UnitSelectProps) {
  const t = useT();
  const { options, loading } = useUnitOptions();
  const all = [
    { value: '', label: loading ? t('status.loading') : (emptyLabel ?? t('form.choose')) },
    ...options,
  ];
  // Keep an unknown current value visible rather than silently changing it.
  if (value && !options.some((o) => o.value === value)) all.push({ value, label: value });
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      error={error}
      labelHidden={labelHidden}
      className={className}
      options={all}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
