// Type-ahead over GET /procedures?q= as an ARIA 1.2 combobox: arrows move, Enter picks,
// Escape closes. The list is the catalogue's own search (accent-insensitive on the server).
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { TextField } from '../../../ui/Field.tsx';
import { type Procedure, useProcedures } from '../../procedures/index.ts';

const SHOWN = 10;
const labelOf = (p: Procedure) => `${p.code} — ${p.name}`;

interface ProcedurePickerProps {
  id: string;
  label: string;
  hint?: string;
  value: Procedure | null;
  onChange: (procedure: Procedure | null) => void;
  error?: string;
  className?: string;
}

/** Picks one active procedure by code or name. */
export function ProcedurePicker({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  className,
}: ProcedurePickerProps) {
  const t = useT();
  const [text, setText] = useState(value ? labelOf(value) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(text.trim(), 250);
  const list = useProcedures({ q: value ? '' : q, field: '', level: '', onlineLevel: '' });
  const options = list.items.filter((p) => p.status !== 'archived').slice(0, SHOWN);
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  // A value set from outside (reset, restored filter) shows as text.
  useEffect(() => {
    setText(value ? labelOf(value) : '');
  }, [value]);

  const choose = (p: Procedure) => {
    onChange(p);
    setText(labelOf(p));
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (options.length ? (a + step + options.length) % options.length : -1));
    } else if (event.key === 'Enter' && open) {
      const picked = options[active] ?? (options.length === 1 ? options[0] : undefined);
      if (picked) {
        event.preventDefault();
        choose(picked);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const showList = open && !list.loading && !value;
  return (
    <div className={['dq-combobox', className ?? ''].filter(Boolean).join(' ')}>
      <TextField
        id={id}
        label={label}
        hint={hint}
        error={error}
        type="text"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('dossiers.receipt.suggestions')}
        className="dq-combobox__list"
        hidden={!showList || options.length === 0}
      >
        {options.map((p, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (aria-activedescendant).
          <div
            key={p.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className="dq-combobox__option"
            // Keep focus in the input so the list does not close before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(p)}
          >
            {p.name}
            <span className="dq-combobox__meta">{p.code}</span>
          </div>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {showList
          ? options.length
            ? t('dossiers.receipt.procedureResults', { count: options.length })
            : t('dossiers.receipt.procedureNone')
          : ''}
      </p>
    </div>
  );
}
