// How payments are shown (API) and audited.
import type { PaymentRow } from './payments.repository.js';
import type { PaymentViewT } from './payments.schemas.js';

export function paymentView(p: PaymentRow, dossierCode: string | null): PaymentViewT {
  return {
    id: p.id,
    dossierId: p.dossier_id,
    dossierCode,
    amount: p.amount,
    method: p.method,
    online: p.online,
    status: p.status,
    unmatchedReason: p.unmatched_reason,
    provider: p.provider,
    transactionId: p.transaction_id,
    reference: p.reference,
    paidAt: new Date(p.paid_at).toISOString(),
    confirmedByName: p.confirmed_by_name,
    receiptNumber: p.receipt_number,
    receiptIssuedAt: p.receipt_issued_at ? new Date(p.receipt_issued_at).toISOString() : null,
    createdAt: new Date(p.created_at).toISOString(),
  };
}

/** The audit row's `after` of a payment. */
export function auditJson(p: PaymentRow, dossierCode: string | null) {
  return {
    dossierCode,
    amount: p.amount,
    method: p.method,
    online: p.online,
    status: p.status,
    unmatchedReason: p.unmatched_reason,
    provider: p.provider,
    transactionId: p.transaction_id,
    receiptNumber: p.receipt_number,
  };
}
