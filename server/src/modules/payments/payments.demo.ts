import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { paymentsRepository as repo } from './payments.repository.js';

/**
 * The demo payee account of Long Xuyên (883), inherited by its wards. Clearly fictional: a
 * real bank's BIN (VietQR needs one to build a code) with an account number no bank issued
 * and a name that says so — never transfer money to it.
 */
export const DEMO_PAYMENT_ACCOUNT = {
  unit_code: '883',
  bank_bin: '970415',
  bank_name: 'VietinBank - Ngân hàng TMCP Công thương Việt Nam',
  account_number: '0000000883',
  account_name: 'TAI KHOAN DEMO KHONG CO THAT - UBND TP LONG XUYEN',
} as const;

/** Seeds the demo payee account unless the city already has one. Idempotent. */
export async function seedDemoPaymentAccount(db: Kysely<Database>): Promise<void> {
  const existing = await repo.accountsOf(db, [DEMO_PAYMENT_ACCOUNT.unit_code]);
  if (existing.length > 0) return;
  await repo.upsertAccount(db, {
    ...DEMO_PAYMENT_ACCOUNT,
    updated_by: null,
    updated_at: new Date(),
  });
}
