// Fees and charges (phí, lệ phí) as repeatable rows.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../lib/format.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import type { FieldErrors } from '../../../ui/form-errors.ts';
import { UNPAID_RETURN_POLICIES, type UnpaidReturn } from '../api/procedure.types.ts';
import { type FeeDraft, newFee } from './procedure-draft.ts';

/** Edits the fee rows and what the desk may do with a result whose fee is unpaid. */
export function FeesEditor({
  fees,
  onChange,
  unpaidReturn,
  onUnpaidReturn,
  errors,
}: {
  fees: FeeDraft[];
  onChange: (fees: FeeDraft[]) => void;
  unpaidReturn: UnpaidReturn;
  onUnpaidReturn: (value: UnpaidReturn) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<FeeDraft>) =>
    onChange(fees.map((fee, i) => (i === index ? { ...fee, ...patch } : fee)));

  return (
    <section className="section" id="proc-fees" tabIndex={-1} aria-labelledby="proc-fees-title">
      <h2 id="proc-fees-title" className="section__title">
        {t('fees.title')}
      </h2>
      {errors.fees ? <p className="field__error">{errors.fees}</p> : null}
      {fees.length === 0 ? <p className="muted">{t('fees.none')}</p> : null}
      {fees.map((fee, i) => {
        const amount = Number(fee.amount);
        return (
          <fieldset className="repeat-row repeat-row--fee" key={fee.uid}>
            <legend className="visually-hidden">{t('fees.rowLegend', { n: i + 1 })}</legend>
            <TextField
              id={`proc-fees-${i}-name`}
              label={t('fees.name')}
              value={fee.name}
              error={errors[`fees.${i}.name`]}
              onChange={(e) => update(i, { name: e.target.value })}
            />
            <TextField
              id={`proc-fees-${i}-amount`}
              label={t('fees.amount')}
              inputMode="numeric"
              hint={Number.isFinite(amount) ? formatMoney(amount) : undefined}
              value={fee.amount}
              error={errors[`fees.${i}.amount`]}
              onChange={(e) => update(i, { amount: e.target.value })}
            />
            <TextField
              id={`proc-fees-${i}-note`}
              label={t('fees.note')}
              value={fee.note}
              error={errors[`fees.${i}.note`]}
              onChange={(e) => update(i, { note: e.target.value })}
            />
            <button
              type="button"
              className="button button--secondary button--small repeat-row__remove"
              onClick={() => onChange(fees.filter((_, j) => j !== i))}
            >
              {t('action.remove')}
              <span className="visually-hidden"> {t('fees.rowLegend', { n: i + 1 })}</span>
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...fees, newFee()])}
      >
        {t('fees.add')}
      </button>
      <SelectField
        id="proc-unpaidReturn"
        label={t('fees.unpaidReturn')}
        hint={t('fees.unpaidReturnHint')}
        value={unpaidReturn}
        error={errors.unpaidReturn}
        options={UNPAID_RETURN_POLICIES.map((v) => ({ value: v, label: t(`unpaidReturn.${v}`) }))}
        onChange={(e) => onUnpaidReturn(e.target.value as UnpaidReturn)}
      />
    </section>
  );
}
