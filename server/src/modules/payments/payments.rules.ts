// The payment rules other parts of the module share.
import type { PaymentMethod } from './payments.tables.js';

/**
 * Paid online, for the 766 index's "Thanh toán trực tuyến" (Quyết định 766/QĐ-TTg,
 * regulations.md §5): a payment the citizen made remotely — through a gateway, or by bank
 * transfer (scanning the VietQR code or typing the details) even when the desk confirms it
 * from the bank statement. Cash and card at the desk are not online.
 */
export const isOnline = (method: PaymentMethod): boolean =>
  method === 'gateway' || method === 'bank_transfer';

/** Dossier statuses after which no fee is collected any more. */
export const NOT_PAYABLE: ReadonlySet<string> = new Set(['refused', 'withdrawn', 'stopped']);

/** "BL-2027-000123": the receipt's number within its collecting unit and year. */
export const receiptNumber = (year: number, seq: number) =>
  `BL-${year}-${String(seq).padStart(6, '0')}`;
