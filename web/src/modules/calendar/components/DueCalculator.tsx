// Deadline calculator: from a local date and time, add N working days or hours.
import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import {
  formatDate,
  formatDateTime,
  nowTimeVn,
  parseDisplayDate,
  parseTime,
  todayVn,
  toVnIso,
} from '../../../lib/format.ts';
import { errorText } from '../../../ui/error-text.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { UnitSelect } from '../../org/index.ts';
import { computeDue } from '../api/calendar.api.ts';

/** The calculator form and its result. */
export function DueCalculator() {
  const t = useT();
  const [date, setDate] = useState(formatDate(todayVn()));
  const [time, setTime] = useState(nowTimeVn());
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<'days' | 'hours'>('days');
  const [unitCode, setUnitCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const iso = parseDisplayDate(date);
    const hm = parseTime(time);
    const n = Number(amount);
    const local: FieldErrors = {};
    if (!iso) local.date = t('validation.date');
    if (!hm) local.time = t('validation.time');
    if (!Number.isInteger(n) || n < 0) local.amount = t('due.amountInvalid');
    setErrors(local);
    if (!iso || !hm || Object.keys(local).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const due = await computeDue({
        from: toVnIso(iso, hm),
        amount: n,
        unit,
        unitCode: unitCode || undefined,
      });
      setResult(due);
    } catch (error) {
      setResult(null);
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="due-title">
      <h2 id="due-title" className="section__title">
        {t('due.title')}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="grid grid--2">
          <TextField
            id="due-date"
            label={t('due.fromDate')}
            hint={t('hint.dateFormat')}
            inputMode="numeric"
            value={date}
            error={errors.date}
            onChange={(e) => setDate(e.target.value)}
          />
          <TextField
            id="due-time"
            label={t('due.fromTime')}
            hint={t('hint.time24')}
            inputMode="numeric"
            value={time}
            error={errors.time}
            onChange={(e) => setTime(e.target.value)}
          />
          <TextField
            id="due-amount"
            label={t('due.amount')}
            inputMode="numeric"
            value={amount}
            error={errors.amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <SelectField
            id="due-unit"
            label={t('due.unit')}
            value={unit}
            options={[
              { value: 'days', label: t('timeUnit.working_days') },
              { value: 'hours', label: t('timeUnit.working_hours') },
            ]}
            onChange={(e) => setUnit(e.target.value === 'hours' ? 'hours' : 'days')}
          />
        </div>
        <UnitSelect
          id="due-unit-code"
          label={t('due.unitCode')}
          emptyLabel={t('due.defaultUnit')}
          value={unitCode}
          onChange={setUnitCode}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('due.submit')}
        </button>
      </form>
      <div role="status" className="due-result">
        {result ? (
          <p>
            {t('due.result')}:{' '}
            <strong className="due-result__value">{formatDateTime(result)}</strong>
          </p>
        ) : null}
      </div>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
    </section>
  );
}
