// The fees of a dossier on the staff dossier page: what is due, whether it is paid (and
// online), the receipts, and for the desk "Xác nhận đã thu phí" — a dialog with the method,
// the amount (prefilled with what is due; the server accepts only that) and a reference.
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { type FieldErrors, serverErrors, summaryItems } from '../../../ui/form-errors.ts';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import {
  confirmPayment,
  DESK_METHODS,
  type DeskMethod,
  getDossierPayments,
  type PaymentMethod,
} from '../api/payments.api.ts';
import { FeeItems } from './FeeItems.tsx';

const P = 'pay-confirm';
export const METHOD_LABELS: Record<PaymentMethod, MessageKey> = {
  cash: 'payments.method.cash',
  bank_transfer: 'payments.method.bank_transfer',
  card: 'payments.method.card',
  gateway: 'payments.method.gateway',
};

/** What the page learns of the fee each time the panel (re)loads it. */
export interface FeeState {
  status: 'not_required' | 'unpaid' | 'paid';
  amount: number;
}

export function PaymentDeskPanel({
  dossierId,
  onFee,
}: {
  dossierId: string;
  /** Told the fee's status whenever it loads, e.g. for the dossier's "Trả kết quả" warning. */
  onFee?: (fee: FeeState) => void;
}) {
  const t = useT();
  const state = useAsync((signal) => getDossierPayments(dossierId, signal), [dossierId]);
  const loaded = state.data;
  useEffect(() => {
    if (loaded) onFee?.({ status: loaded.status, amount: loaded.amount });
  }, [loaded, onFee]);
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<DeskMethod>('cash');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const d = state.data;

  const openDialog = () => {
    setMethod('cash');
    setAmount(String(d?.amount ?? ''));
    setReference('');
    setErrors({});
    setSummary([]);
    setFlash(null);
    setOpen(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = Number(amount.replace(/[.\s]/g, ''));
    if (!Number.isInteger(value) || value <= 0) {
      const local = { amount: t('payments.confirm.amountInvalid') };
      setErrors(local);
      setSummary(summaryItems(local, P));
      return;
    }
    setBusy(true);
    try {
      const paid = await confirmPayment(dossierId, {
        method,
        amount: value,
        reference: reference.trim() || undefined,
      });
      setOpen(false);
      setFlash(t('payments.confirm.done', { number: paid.receiptNumber ?? '' }));
      state.reload();
    } catch (error) {
      const r = serverErrors(error, P, t);
      setErrors(r.fields);
      setSummary(r.summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section pay-desk" aria-labelledby="pay-desk-title">
      <h2 id="pay-desk-title" className="section__title">
        {t('payments.desk.title')}
      </h2>
      {flash ? <Notice>{flash}</Notice> : null}
      {state.error ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {!d ? (
        state.error ? null : (
          <Loading />
        )
      ) : d.status === 'not_required' ? (
        <p className="muted">{t('payments.desk.noFee')}</p>
      ) : (
        <>
          <p>
            {t('payments.desk.due')}: <strong>{formatMoney(d.amount)}</strong> —{' '}
            <strong data-testid="pay-desk-status">
              {d.status === 'paid'
                ? d.paidOnline
                  ? t('payments.desk.paidOnline')
                  : t('payments.desk.paidAtDesk')
                : t('payments.desk.unpaid')}
            </strong>
          </p>
          <FeeItems items={d.feeItems} total={d.amount} id="pay-desk-fees-caption" />
          {d.status === 'unpaid' ? (
            <p className="muted">
              {t('payments.desk.reference')}:{' '}
              <span className="pay-mono">{d.transferReference}</span>
            </p>
          ) : null}
          {d.canConfirm ? (
            <button type="button" className="button" onClick={openDialog}>
              {t('payments.confirm.open')}
            </button>
          ) : null}
          {d.payments.length > 0 ? (
            <ul className="pay-receipts">
              {d.payments.map((p) => (
                <li key={p.id}>
                  {formatMoney(p.amount)} · {t(METHOD_LABELS[p.method])}
                  {p.online ? ` · ${t('payments.desk.online')}` : ''} · {formatDateTime(p.paidAt)} ·{' '}
                  {p.confirmedByName}
                  {p.status === 'unmatched' ? ` · ${t('payments.desk.unmatched')}` : ''}
                  {p.receiptUrl ? (
                    <>
                      {' · '}
                      <a href={p.receiptUrl} target="_blank" rel="noopener">
                        {t('payments.receipt.link', { number: p.receiptNumber ?? '' })}
                      </a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link to="/ho-so/thu-phi">{t('payments.desk.reconcileLink')}</Link>
          </p>
        </>
      )}
      <Dialog id={P} open={open} onClose={() => setOpen(false)} title={t('payments.confirm.title')}>
        <form className="form" onSubmit={submit} noValidate>
          <ErrorSummary items={summary} />
          <SelectField
            id={`${P}-method`}
            label={t('payments.confirm.method')}
            value={method}
            onChange={(e) => setMethod(e.target.value as DeskMethod)}
            error={errors.method}
            options={DESK_METHODS.map((m) => ({ value: m, label: t(METHOD_LABELS[m]) }))}
          />
          <TextField
            id={`${P}-amount`}
            label={t('payments.confirm.amount')}
            hint={t('payments.confirm.amountHint', { amount: formatMoney(d?.amount ?? 0) })}
            inputMode="numeric"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={errors.amount}
          />
          <TextField
            id={`${P}-reference`}
            label={t('payments.confirm.reference')}
            hint={t('payments.confirm.referenceHint')}
            value={reference}
            maxLength={200}
            onChange={(e) => setReference(e.target.value)}
            error={errors.reference}
          />
          <div className="button-group">
            <button type="submit" className="button" disabled={busy}>
              {t('payments.confirm.submit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setOpen(false)}
            >
              {t('action.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
