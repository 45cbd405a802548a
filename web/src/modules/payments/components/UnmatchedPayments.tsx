// Payments a gateway reported that settled no dossier: no dossier code in the transfer note,
// a wrong amount, a dossier already paid or no longer payable. Kept for staff to reconcile
// with the citizen (refund, or confirm by hand at the desk).
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { LoadError, Loading } from '../../../ui/Notice.tsx';
import { listUnmatched, type Payment } from '../api/payments.api.ts';

const REASONS: Record<NonNullable<Payment['unmatchedReason']>, MessageKey> = {
  no_dossier: 'payments.unmatched.no_dossier',
  wrong_amount: 'payments.unmatched.wrong_amount',
  already_paid: 'payments.unmatched.already_paid',
  not_payable: 'payments.unmatched.not_payable',
};

export function UnmatchedPayments() {
  const t = useT();
  const state = useAsync((signal) => listUnmatched(signal), []);
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading />;
  if (state.data.items.length === 0)
    return <p className="muted">{t('payments.unmatched.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--dense">
        <caption className="visually-hidden">{t('payments.unmatched.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('payments.unmatched.paidAt')}</th>
            <th scope="col" className="pay-num">
              {t('payments.fees.amount')}
            </th>
            <th scope="col">{t('payments.bank.reference')}</th>
            <th scope="col">{t('payments.unmatched.reason')}</th>
            <th scope="col">{t('payments.unmatched.transaction')}</th>
          </tr>
        </thead>
        <tbody>
          {state.data.items.map((p) => (
            <tr key={p.id}>
              <td>{formatDateTime(p.paidAt)}</td>
              <td className="pay-num">{formatMoney(p.amount)}</td>
              <td className="pay-mono">{p.reference}</td>
              <td>
                {p.unmatchedReason ? t(REASONS[p.unmatchedReason]) : ''}
                {p.dossierCode ? (
                  <>
                    {' '}
                    (<span className="pay-mono">{p.dossierCode}</span>)
                  </>
                ) : null}
              </td>
              <td className="pay-mono">
                {p.provider}: {p.transactionId}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
