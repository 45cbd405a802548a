import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** Where a unit's fees are paid by transfer (tài khoản thu phí); inherited down the unit tree. */
export interface PaymentAccountTable {
  unit_code: string;
  /** NAPAS bank identification number (6 digits), the key VietQR uses for the bank. */
  bank_bin: string;
  bank_name: string;
  account_number: string;
  account_name: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** How a fee was paid; `gateway` = confirmed by a payment provider's webhook. */
export type PaymentMethod = 'cash' | 'bank_transfer' | 'card' | 'gateway';
/** `confirmed` settles a dossier's fees; `unmatched` waits for staff to reconcile it. */
export type PaymentStatus = 'confirmed' | 'unmatched';
export type UnmatchedReason = 'no_dossier' | 'wrong_amount' | 'already_paid' | 'not_payable';

/** A payment received for a dossier's fees (phí, lệ phí), or one still to reconcile. */
export interface PaymentTable {
  id: Generated<string>;
  dossier_id: string | null;
  /** The collecting unit (the dossier's receiving unit); receipts are numbered per unit. */
  unit_code: string | null;
  amount: number;
  method: PaymentMethod;
  /** Paid remotely (bank transfer, gateway): what the 766 index counts as paid online. */
  online: boolean;
  status: PaymentStatus;
  unmatched_reason: UnmatchedReason | null;
  provider: string | null;
  transaction_id: string | null;
  reference: string | null;
  /** The fee items at confirmation: [{name, amount}] (a procedure's fees may change later). */
  fee_items: Json<{ name: string; amount: number }[]>;
  payer_name: string | null;
  paid_at: Date;
  confirmed_by: string | null;
  confirmed_by_name: string;
  receipt_year: number | null;
  receipt_seq: number | null;
  receipt_number: string | null;
  receipt_issued_at: Date | null;
  created_at: Timestamp;
}

/** Last receipt number per collecting unit and year (gap-free, like dossier codes). */
export interface PaymentReceiptCounterTable {
  unit_code: string;
  year: number;
  last_seq: number;
}

/** Tables of the payments module (issue 4). */
export interface PaymentsTables {
  payment_account: PaymentAccountTable;
  payment: PaymentTable;
  payment_receipt_counter: PaymentReceiptCounterTable;
}
