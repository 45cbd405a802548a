// Picking several units (đơn vị nhận, phối hợp, để biết): a filter box (accents and case
// ignored) over checkboxes in tree order, the chosen ones always listed first. Native
// checkboxes keep keyboard and screen-reader behaviour for free.
import { foldVietnamese } from '@cqs/shared/procedures/index';
import { useId, useMemo, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Unit } from '../../org/index.ts';

/** At most this many unchosen units are shown at once; the filter finds the rest. */
const SHOWN = 150;

export function UnitChecklist({
  id,
  legend,
  hint,
  units,
  selected,
  onChange,
  exclude = [],
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  units: readonly Unit[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  /** Codes not offered (the lead unit among the supporting ones). */
  exclude?: readonly string[];
  error?: string;
}) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const hintId = useId();
  const folded = foldVietnamese(filter);
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);
  const chosen = selected.filter((c) => !exclude.includes(c));
  const others = units.filter(
    (u) =>
      !chosen.includes(u.code) &&
      !exclude.includes(u.code) &&
      (!folded || foldVietnamese(`${u.name} ${u.code}`).includes(folded)),
  );
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...selected, code] : selected.filter((c) => c !== code));
  const box = (code: string) => {
    const unit = byCode.get(code);
    return (
      <li key={code} className="checkbox">
        <input
          id={`${id}-${code}`}
          type="checkbox"
          checked={selected.includes(code)}
          onChange={(e) => toggle(code, e.target.checked)}
        />
        <label htmlFor={`${id}-${code}`}>{unit ? `${unit.name} (${code})` : code}</label>
      </li>
    );
  };
  return (
    <fieldset
      className={`fieldset doc-units${error ? ' field--error' : ''}`}
      id={id}
      aria-describedby={
        [hint ? hintId : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend className="fieldset__legend">{legend}</legend>
      {hint ? (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="field doc-units__filter">
        <label className="field__label" htmlFor={`${id}-filter`}>
          {t('documents.draft.unitFilter')}
        </label>
        <input
          id={`${id}-filter`}
          className="input"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <p className="muted doc-units__count" aria-live="polite">
        {t('documents.draft.unitsChosen', { count: chosen.length })}
      </p>
      <ul className="doc-units__list">
        {chosen.map(box)}
        {others.slice(0, SHOWN).map((u) => box(u.code))}
      </ul>
    </fieldset>
  );
}
