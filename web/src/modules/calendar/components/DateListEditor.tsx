// A list of dates of one year: add by typing dd/mm/yyyy, remove per item.
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, parseDisplayDate } from '../../../lib/format.ts';
import { TextField } from '../../../ui/Field.tsx';

interface DateListEditorProps {
  id: string;
  legend: string;
  hint: string;
  year: number;
  dates: string[];
  onChange: (dates: string[]) => void;
}

/** Edits `dates` (ISO, kept sorted and unique). */
export function DateListEditor({ id, legend, hint, year, dates, onChange }: DateListEditorProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  const add = () => {
    const iso = parseDisplayDate(text);
    if (!iso) return setError(t('validation.date'));
    if (Number(iso.slice(0, 4)) !== year) return setError(t('overrides.wrongYear', { year }));
    setError(undefined);
    setText('');
    if (!dates.includes(iso)) onChange([...dates, iso].sort());
  };

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{legend}</legend>
      <p className="field__hint">{hint}</p>
      {dates.length ? (
        <ul className="date-list">
          {dates.map((iso) => (
            <li key={iso}>
              <span>{formatDate(iso)}</span>
              <button
                type="button"
                className="button button--link"
                onClick={() => onChange(dates.filter((d) => d !== iso))}
              >
                {t('action.remove')}
                <span className="visually-hidden"> {formatDate(iso)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('overrides.none')}</p>
      )}
      <div className="inline-add">
        <TextField
          id={id}
          label={t('overrides.dateToAdd')}
          hint={t('hint.dateFormat')}
          inputMode="numeric"
          className="field--short"
          value={text}
          error={error}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--secondary button--small" onClick={add}>
          {t('overrides.add')}
          <span className="visually-hidden"> ({legend})</span>
        </button>
      </div>
    </fieldset>
  );
}
