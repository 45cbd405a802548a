// Export of the register (sổ văn bản đến / đi, ND30 Phụ lục IV) as XLSX for a date range: the
// clerk's or leader's own unit; the server refuses others (403) and says why.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, todayVn } from '../../../lib/format.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { downloadFile, registerXlsxUrl } from '../api/documents.api.ts';
import { readDate } from '../lib/form-checks.ts';
import { documentsErrorText } from '../lib/labels.ts';

export function RegisterExportForm({
  units,
  nameOf,
}: {
  /** The units where the user is the clerk or a leader. */
  units: readonly string[];
  nameOf: (code: string) => string;
}) {
  const t = useT();
  const today = todayVn();
  const [direction, setDirection] = useState<'incoming' | 'outgoing'>('incoming');
  const [unit, setUnit] = useState(units[0] ?? '');
  const [from, setFrom] = useState(formatDate(`${today.slice(0, 4)}-01-01`));
  const [to, setTo] = useState(formatDate(today));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const f = readDate(from, 'ngày bắt đầu');
    const tt = readDate(to, 'ngày kết thúc');
    const next: typeof errors = {};
    if (!f.ok) next.from = f.message;
    else if (!f.iso) next.from = t('documents.export.fromRequired');
    if (!tt.ok) next.to = tt.message;
    else if (!tt.iso) next.to = t('documents.export.toRequired');
    if (f.ok && tt.ok && f.iso && tt.iso && f.iso > tt.iso)
      next.to = t('documents.filter.rangeInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0 || !f.ok || !tt.ok || !f.iso || !tt.iso) return;
    setBusy(true);
    try {
      const url = registerXlsxUrl({
        direction,
        from: f.iso,
        to: tt.iso,
        unit: units.length > 1 ? unit : undefined,
      });
      const name = `${direction === 'incoming' ? 'so-van-ban-den' : 'so-van-ban-di'}-${f.iso}-${tt.iso}.xlsx`;
      await downloadFile(url, name);
      setMessage({ kind: 'success', text: t('documents.export.done') });
    } catch (err) {
      setMessage({ kind: 'error', text: documentsErrorText(err, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="details doc-export">
      <summary className="details__summary">{t('documents.export.title')}</summary>
      <div className="details__body">
        <form
          className="filters doc-filters"
          onSubmit={onSubmit}
          noValidate
          aria-label={t('documents.export.title')}
        >
          <SelectField
            id="export-direction"
            label={t('documents.export.direction')}
            value={direction}
            onChange={(e) => setDirection(e.target.value === 'outgoing' ? 'outgoing' : 'incoming')}
            options={[
              { value: 'incoming', label: t('documents.export.incoming') },
              { value: 'outgoing', label: t('documents.export.outgoing') },
            ]}
          />
          {units.length > 1 ? (
            <SelectField
              id="export-unit"
              label={t('documents.export.unit')}
              value={unit}
              onChange={(e) => setUnit(e.target.value)}
              options={units.map((code) => ({ value: code, label: `${nameOf(code)} (${code})` }))}
            />
          ) : null}
          <TextField
            id="export-from"
            label={t('documents.filter.from')}
            hint={t('hint.dateFormat')}
            value={from}
            error={errors.from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextField
            id="export-to"
            label={t('documents.filter.to')}
            hint={t('hint.dateFormat')}
            value={to}
            error={errors.to}
            onChange={(e) => setTo(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('documents.export.submit')}
          </button>
        </form>
        {message ? (
          <p
            className={`notice notice--${message.kind}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </details>
  );
}
