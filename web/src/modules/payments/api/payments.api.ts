// Calls of the payments API (fees, VietQR, desk confirmation, receipts; docs/architecture.md).
import { apiRequest } from '../../../api/client.ts';

/** How the applicant proves the dossier is theirs (phone or citizen ID given at receipt). */
export interface Proof {
  phone?: string;
  citizenId?: string;
}

export type FeeStatus = 'not_required' | 'unpaid' | 'paid';
export type PaymentMethod = 'cash' | 'bank_transfer' | 'card' | 'gateway';
export const DESK_METHODS = ['cash', 'bank_transfer', 'card'] as const;
export type DeskMethod = (typeof DESK_METHODS)[number];

export interface FeeItem {
  name: string;
  amount: number;
}

export interface PublicPayment {
  code: string;
  amount: number;
  currency: 'VND';
  feeItems: FeeItem[];
  status: FeeStatus;
  paidOnline: boolean | null;
  payable: boolean;
  payee: { bankName: string; accountNumber: string; accountName: string } | null;
  transferReference: string | null;
  qr: { payload: string; svg: string } | null;
  receipts: { paymentId: string; number: string; issuedAt: string; url: string }[];
}

export interface Payment {
  id: string;
  dossierId: string | null;
  dossierCode: string | null;
  amount: number;
  method: PaymentMethod;
  online: boolean;
  status: 'confirmed' | 'unmatched';
  unmatchedReason: 'no_dossier' | 'wrong_amount' | 'already_paid' | 'not_payable' | null;
  provider: string | null;
  transactionId: string | null;
  reference: string | null;
  paidAt: string;
  confirmedByName: string;
  receiptNumber: string | null;
  receiptIssuedAt: string | null;
  createdAt: string;
}

export interface StaffPayments {
  dossierId: string;
  code: string;
  amount: number;
  feeItems: FeeItem[];
  status: FeeStatus;
  paidOnline: boolean | null;
  payable: boolean;
  canConfirm: boolean;
  transferReference: string;
  payments: (Payment & { receiptUrl: string | null })[];
}

export const getPublicPayment = (code: string, proof: Proof, signal?: AbortSignal) =>
  apiRequest<PublicPayment>(`/api/v1/public/dossiers/${encodeURIComponent(code)}/payment`, {
    query: { phone: proof.phone, citizenId: proof.citizenId },
    signal,
    expectUnauthenticated: true,
  });

export const getDossierPayments = (dossierId: string, signal?: AbortSignal) =>
  apiRequest<StaffPayments>(`/api/v1/dossiers/${dossierId}/payments`, { signal });

export const confirmPayment = (
  dossierId: string,
  body: { method: DeskMethod; amount: number; reference?: string },
) => apiRequest<Payment>(`/api/v1/dossiers/${dossierId}/payments`, { method: 'POST', json: body });

export interface PayeeAccount {
  unitCode: string;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  updatedAt: string;
}

export interface AccountState {
  unitCode: string;
  own: PayeeAccount | null;
  effective: PayeeAccount | null;
}

export const listBanks = (signal?: AbortSignal) =>
  apiRequest<{ items: { bin: string; shortName: string; name: string }[] }>(
    '/api/v1/payment-banks',
    { signal },
  );

export const getPayeeAccount = (unitCode: string, signal?: AbortSignal) =>
  apiRequest<AccountState>(`/api/v1/payment-accounts/${encodeURIComponent(unitCode)}`, { signal });

export const putPayeeAccount = (
  unitCode: string,
  body: { bankBin: string; accountNumber: string; accountName: string },
) =>
  apiRequest<AccountState>(`/api/v1/payment-accounts/${encodeURIComponent(unitCode)}`, {
    method: 'PUT',
    json: body,
  });

export const listUnmatched = (signal?: AbortSignal) =>
  apiRequest<{ items: Payment[] }>('/api/v1/payments/unmatched', { signal });
