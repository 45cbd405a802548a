// Close a unit on a date, naming its successor (sáp nhập) and the reason.
import { type FormEvent, useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, parseDisplayDate, todayVn } from '../../../lib/format.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import type { Unit } from '../api/unit.types.ts';
import { closeUnit } from '../api/units.api.ts';
import { sortUnits } from './unit-tree.ts';

const P = 'unit-close';

/** The close-unit dialog for `unit` (closed when `unit` is null). */
export function UnitCloseDialog({
  unit,
  units,
  onDone,
  onCancel,
}: {
  unit: Unit | null;
  units: Unit[];
  onDone: (unit: Unit) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [date, setDate] = useState(formatDate(todayVn()));
  const [successorCode, setSuccessorCode] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  // A fresh form each time the dialog opens for a unit.
  useEffect(() => {
    if (!unit) return;
    setDate(formatDate(todayVn()));
    setSuccessorCode('');
    setReason('');
    setErrors({});
    setSummary([]);
  }, [unit]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unit) return;
    const iso = parseDisplayDate(date);
    const local: FieldErrors = {};
    if (!iso) local.date = t('validation.date');
    if (!reason.trim()) local.reason = t('units.reasonRequired');
    setErrors(local);
    setSummary(summaryItems(local, P));
    if (!iso || Object.keys(local).length) return;
    setBusy(true);
    try {
      const closed = await closeUnit(unit.code, {
        date: iso,
        successorCode: successorCode || undefined,
        reason: reason.trim(),
      });
      onDone(closed);
    } catch (error) {
      const result = serverErrors(error, P, t);
      setErrors(result.fields);
      setSummary(result.summary);
    } finally {
      setBusy(false);
    }
  };

  const successors = [
    { value: '', label: t('units.noSuccessor') },
    ...sortUnits(units.filter((u) => u.code !== unit?.code && !u.validTo)).map((u) => ({
      value: u.code,
      label: `${u.name} (${u.code})`,
    })),
  ];
  return (
    <Dialog
      id="unit-close"
      open={unit !== null}
      onClose={onCancel}
      title={t('units.closeTitle', { name: unit?.name ?? '' })}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary items={summary} />
        <TextField
          id={`${P}-date`}
          label={t('units.closeDate')}
          hint={t('hint.dateFormat')}
          inputMode="numeric"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={errors.date}
        />
        <SelectField
          id={`${P}-successorCode`}
          label={t('unit.successor')}
          value={successorCode}
          onChange={(e) => setSuccessorCode(e.target.value)}
          error={errors.successorCode}
          options={successors}
        />
        <TextAreaField
          id={`${P}-reason`}
          label={t('units.closeReason')}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
        />
        <div className="button-group">
          <button type="submit" className="button button--warning" disabled={busy}>
            {t('units.closeSubmit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
