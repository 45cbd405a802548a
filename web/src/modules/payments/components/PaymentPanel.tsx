// The applicant's fees on the public tracking page: what to pay, a VietQR code to scan in any
// bank app, the bank details to type by hand (with copy buttons), and once paid, the
// electronic receipts. Nothing at all when the procedure has no fee.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { LoadError, Loading, Notice } from '../../../ui/Notice.tsx';
import { getPublicPayment, type Proof } from '../api/payments.api.ts';
import { CopyButton } from './CopyButton.tsx';
import { FeeItems } from './FeeItems.tsx';

export interface PaymentPanelProps {
  code: string;
  proof: Proof;
  /** The dossier's status; reloads the fees when it changes. */
  status: string;
}

export function PaymentPanel({ code, proof, status }: PaymentPanelProps) {
  const t = useT();
  const state = useAsync(
    (signal) => getPublicPayment(code, proof, signal),
    [code, proof.phone, proof.citizenId, status],
  );
  const p = state.data;
  if (p?.status === 'not_required') return null;
  if (!p) {
    return state.error ? (
      <section className="pay-panel" aria-labelledby="pay-title">
        <h3 id="pay-title">{t('payments.panel.title')}</h3>
        <LoadError error={state.error} onRetry={state.reload} />
      </section>
    ) : (
      <Loading label={t('payments.panel.loading')} />
    );
  }

  return (
    <section className="pay-panel" aria-labelledby="pay-title">
      <h3 id="pay-title">{t('payments.panel.title')}</h3>
      <p className="pay-amount">
        {t(p.status === 'paid' ? 'payments.panel.amountPaid' : 'payments.panel.amount')}:{' '}
        <strong data-testid="pay-amount">{formatMoney(p.amount)}</strong>
      </p>
      <FeeItems items={p.feeItems} total={p.amount} id="pay-fees-caption" />

      {p.status === 'paid' ? (
        <Notice>
          <p>
            <strong>{t('payments.panel.paid')}</strong>
            {p.paidOnline ? ` — ${t('payments.panel.paidOnline')}` : ''}
          </p>
          {p.receipts.length > 0 ? (
            <ul className="pay-receipts">
              {p.receipts.map((r) => (
                <li key={r.paymentId}>
                  <a href={r.url} target="_blank" rel="noopener" data-testid="pay-receipt">
                    {t('payments.receipt.link', { number: r.number })}
                  </a>{' '}
                  <span className="muted">({formatDateTime(r.issuedAt)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : !p.payable ? (
        <p className="muted">{t('payments.panel.notPayable')}</p>
      ) : !p.payee || !p.qr ? (
        <p className="muted">{t('payments.panel.noAccount')}</p>
      ) : (
        <div className="pay-transfer">
          <p>{t('payments.panel.howTo')}</p>
          <figure className="pay-qr">
            <img
              src={p.qr.svg}
              width={240}
              height={240}
              alt={t('payments.qr.alt', {
                amount: formatMoney(p.amount),
                bank: p.payee.bankName,
                account: p.payee.accountNumber,
                reference: p.transferReference ?? '',
              })}
              data-testid="pay-qr"
            />
            <figcaption className="muted">{t('payments.qr.caption')}</figcaption>
          </figure>
          <h4>{t('payments.bank.title')}</h4>
          <dl className="summary-list pay-bank">
            <div className="summary-list__row">
              <dt>{t('payments.bank.name')}</dt>
              <dd>{p.payee.bankName}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('payments.bank.account')}</dt>
              <dd>
                <span className="pay-mono">{p.payee.accountNumber}</span>{' '}
                <CopyButton value={p.payee.accountNumber} label={t('payments.bank.account')} />
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('payments.bank.holder')}</dt>
              <dd>{p.payee.accountName}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('payments.bank.amount')}</dt>
              <dd>
                <span className="pay-mono">{p.amount}</span>{' '}
                <CopyButton value={String(p.amount)} label={t('payments.bank.amount')} />
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('payments.bank.reference')}</dt>
              <dd>
                <span className="pay-mono" data-testid="pay-reference">
                  {p.transferReference}
                </span>{' '}
                <CopyButton
                  value={p.transferReference ?? ''}
                  label={t('payments.bank.reference')}
                />
              </dd>
            </div>
          </dl>
          <p className="muted">{t('payments.panel.afterTransfer')}</p>
        </div>
      )}
    </section>
  );
}
