import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { applyChange } from './org.changes.js';
import { toUnit, viDate } from './org.present.js';
import { orgRepository as repo, type VersionRow } from './org.repository.js';
import { dayBefore, parentKindProblem } from './org.rules.js';
import type { CloseUnitInput, Unit } from './org.schemas.js';

type Db = Kysely<Database>;

/**
 * Closes a unit on `date` (its last day in force is the day before). Units still below it
 * move under the successor from that date, each as a new version; without a successor they
 * block the closure, because a unit must not be left without its parent.
 */
export async function closeUnitTx(
  trx: Db,
  actor: Actor,
  code: string,
  input: CloseUnitInput,
): Promise<Unit> {
  const unit = await repo.findUnit(trx, code, true);
  if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị mã ${code}.`, 'unit_not_found');
  const versions = await repo.versionsOf(trx, unit.id);
  const last = versions.at(-1)!;
  if (last.valid_to !== null) {
    throw new ConflictError(
      `Đơn vị ${code} đã giải thể hoặc sáp nhập từ ngày ${viDate(last.valid_to)}.`,
      'unit_closed',
    );
  }
  if (last.valid_from >= input.date) {
    throw new ConflictError(
      `Ngày giải thể phải sau ngày ${viDate(last.valid_from)}, ngày bắt đầu của thông tin hiện hành của đơn vị ${code}.`,
      'invalid_close_date',
    );
  }
  const successor = input.successorCode
    ? await checkSuccessor(trx, code, input.successorCode, input.date)
    : null;
  const children = await repo.childVersionsFrom(trx, unit.id, input.date);
  if (children.length > 0 && !successor) {
    const codes = [...new Set(children.map((c) => c.code))];
    throw new ConflictError(
      `Đơn vị ${code} còn ${codes.length} đơn vị trực thuộc đang hoạt động (${codes.slice(0, 10).join(', ')}${codes.length > 10 ? ', …' : ''}). ` +
        'Hãy chỉ định đơn vị kế thừa (successorCode) để chuyển các đơn vị này, hoặc giải thể chúng trước.',
      'unit_has_open_children',
    );
  }
  if (successor) {
    const bad = children
      .filter((c) => parentKindProblem(c.kind, successor.kind) !== null)
      .map((c) => c.code);
    if (bad.length > 0) {
      throw new ConflictError(
        `Các đơn vị ${[...new Set(bad)].join(', ')} không thể trực thuộc ${successor.code}.`,
        'invalid_successor',
      );
    }
    await repo.lockUnits(trx, [...new Set(children.map((c) => c.unit_id))]);
    for (const child of children) await moveChild(trx, actor, child, successor, input);
  }
  const before = toUnit(last);
  await repo.updateVersion(trx, last.id, {
    valid_to: input.date,
    successor_unit_id: successor?.unit_id ?? null,
    end_reason: input.reason,
  });
  const after = toUnit((await repo.versionsOf(trx, unit.id)).at(-1)!);
  await recordAudit(trx, actor, {
    action: 'unit.close',
    entityType: 'unit',
    entityId: code,
    unitCode: code,
    before,
    after: {
      ...after,
      reason: input.reason,
      movedChildren: [...new Set(children.map((c) => c.code))],
    },
  });
  return after;
}

/** The successor's version on `date`, after checking it can take over from `code`. */
async function checkSuccessor(
  trx: Db,
  code: string,
  successorCode: string,
  date: string,
): Promise<VersionRow> {
  const fail = (msg: string, errCode: string) =>
    new ValidationError(msg, [{ path: 'body.successorCode', message: msg }], errCode);
  if (successorCode === code)
    throw fail('Đơn vị kế thừa phải khác đơn vị bị giải thể.', 'invalid_successor');
  const s = await repo.findUnit(trx, successorCode, true);
  if (!s) throw fail(`Không có đơn vị kế thừa mã ${successorCode}.`, 'successor_not_found');
  const sv = await repo.versionAt(trx, s.id, date);
  if (!sv)
    throw new ConflictError(
      `Đơn vị kế thừa ${successorCode} không hoạt động vào ngày ${viDate(date)}.`,
      'successor_not_in_force',
    );
  if ((await repo.lineage(trx, successorCode, dayBefore(date))).includes(code)) {
    throw fail(
      `Đơn vị kế thừa ${successorCode} đang trực thuộc ${code}; hãy chọn một đơn vị ngoài ${code}.`,
      'invalid_successor',
    );
  }
  return sv;
}

/** Moves one version of a child under the successor from the closing date on; audited. */
async function moveChild(
  trx: Db,
  actor: Actor,
  child: VersionRow,
  successor: VersionRow,
  input: CloseUnitInput,
): Promise<void> {
  const reason = `Chuyển về ${successor.code} do ${child.parent_code} giải thể/sáp nhập: ${input.reason}`;
  let from = input.date;
  if (child.valid_from >= input.date) {
    // A version that starts later only needs its parent replaced.
    await repo.updateVersion(trx, child.id, { parent_unit_id: successor.unit_id });
    from = child.valid_from;
  } else {
    await applyChange(trx, child, input.date, { parent_unit_id: successor.unit_id }, reason);
  }
  const after = await repo.versionAt(trx, child.unit_id, from);
  await recordAudit(trx, actor, {
    action: 'unit.move',
    entityType: 'unit',
    entityId: child.code,
    unitCode: child.code,
    before: toUnit(child),
    after: { ...toUnit(after!), reason },
  });
}
