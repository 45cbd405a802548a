// Where a unit's fees are paid (tài khoản thu phí): set by an administrator of the unit,
// inherited by every unit below it that has none of its own.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { requireUnitAdmin } from '../identity/index.js';
import { cachedUnit, cachedUnitLineage, unitLineage } from '../org/index.js';
import { type AccountRow, paymentsRepository as repo } from './payments.repository.js';
import type { AccountInput } from './payments.schemas.js';
import { vietQrBank } from './payments.vietqr.js';

type Db = Kysely<Database>;

/** The unit's own account and the one its fees go to (nearest in its lineage). */
export async function getAccount(db: Db, actor: Actor | null, unitCode: string) {
  await requireUnitAdmin(db, actor, unitCode);
  return accountView(db, unitCode);
}

/** Sets the unit's own payee account (an administrator of the unit); audited. */
export async function putAccount(
  deps: { db: Db; clock: Clock },
  actor: Actor | null,
  unitCode: string,
  input: AccountInput,
) {
  const { db, clock } = deps;
  const a = await requireUnitAdmin(db, actor, unitCode);
  const unit = await cachedUnit(db, unitCode, a.generations);
  if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị mã ${unitCode}.`, 'unit_not_found');
  const bank = vietQrBank(input.bankBin);
  if (!bank)
    throw new ValidationError(
      'Ngân hàng này không nhận chuyển khoản VietQR (mã BIN không có trong danh sách NAPAS).',
      [{ path: 'body.bankBin', message: 'Mã BIN không hợp lệ.' }],
      'unknown_bank',
    );
  const row = {
    unit_code: unitCode,
    bank_bin: bank.bin,
    bank_name: `${bank.shortName} - ${bank.name}`,
    account_number: input.accountNumber,
    // Banks print holder names in capitals without diacritics; the VietQR app shows this.
    account_name: input.accountName.toUpperCase(),
    updated_by: a.id,
    updated_at: clock.now(),
  };
  await db.transaction().execute(async (trx) => {
    const before = (await repo.accountsOf(trx, [unitCode]))[0];
    await repo.upsertAccount(trx, row);
    await recordAudit(trx, a, {
      action: 'payment_account.update',
      entityType: 'payment_account',
      entityId: unitCode,
      unitCode,
      before: before ? accountJson(before) : undefined,
      after: accountJson(row),
    });
  });
  return accountView(db, unitCode);
}

/** The account a unit's fees are paid to: its own, else the nearest ancestor's. */
export async function effectiveAccount(db: Db, unitCode: string): Promise<AccountRow | null> {
  const lineage = await cachedUnitLineage(db, unitCode, undefined);
  return nearest(await repo.accountsOf(db, lineage), lineage);
}

async function accountView(db: Db, unitCode: string) {
  const lineage = await unitLineage(db, unitCode);
  const accounts = await repo.accountsOf(db, lineage.length ? lineage : [unitCode]);
  const own = accounts.find((x) => x.unit_code === unitCode) ?? null;
  const effective = nearest(accounts, lineage);
  return {
    unitCode,
    own: own ? accountJson(own) : null,
    effective: effective ? accountJson(effective) : null,
  };
}

function nearest(accounts: AccountRow[], lineage: string[]): AccountRow | null {
  for (const code of lineage) {
    const a = accounts.find((x) => x.unit_code === code);
    if (a) return a;
  }
  return null;
}

function accountJson(a: AccountRow) {
  return {
    unitCode: a.unit_code,
    bankBin: a.bank_bin,
    bankName: a.bank_name,
    accountNumber: a.account_number,
    accountName: a.account_name,
    updatedAt: new Date(a.updated_at).toISOString(),
  };
}
