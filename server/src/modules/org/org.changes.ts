import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { toUnit, viDate } from './org.present.js';
import { orgRepository as repo, type VersionRow, type VersionValues } from './org.repository.js';
import {
  categoryKindProblem,
  codeKindProblem,
  isValidAgencyId,
  parentKindProblem,
  type UnitCategory,
  type UnitKind,
} from './org.rules.js';
import type { CreateUnitInput, Unit, UpdateUnitInput } from './org.schemas.js';

/*
 * The writes of the org module. Each function expects to run inside a transaction (the
 * service opens it), changes versions only through `applyChange`, and audits every unit it
 * touches. Nothing is deleted: a closed unit keeps all its versions, so records that point at
 * it stay reportable.
 */

type Db = Kysely<Database>;

/** The fields a change may set on a version. */
type Changeable = Pick<
  VersionValues,
  | 'name'
  | 'full_name'
  | 'name_en'
  | 'full_name_en'
  | 'kind'
  | 'category'
  | 'parent_unit_id'
  | 'agency_id'
>;

const CHANGEABLE: (keyof Changeable)[] = [
  'name',
  'full_name',
  'name_en',
  'full_name_en',
  'kind',
  'category',
  'parent_unit_id',
  'agency_id',
];

/**
 * Makes `values` true from `date` on, for the period of the version in force on `date`:
 * edits that version in place when it starts on `date` (a correction), otherwise ends it the
 * day before and starts a new one. Later versions are left as they are.
 */
export async function applyChange(
  trx: Db,
  current: VersionRow,
  date: string,
  values: Partial<Changeable>,
  reason: string | null,
): Promise<'unchanged' | 'corrected' | 'versioned'> {
  const changed = CHANGEABLE.filter((k) => values[k] !== undefined && values[k] !== current[k]);
  if (changed.length === 0) return 'unchanged';
  const patch = Object.fromEntries(changed.map((k) => [k, values[k]])) as Partial<Changeable>;
  if (current.valid_from === date) {
    await repo.updateVersion(trx, current.id, {
      ...patch,
      ...(reason !== null && { change_reason: reason }),
    });
    return 'corrected';
  }
  // End the old period first: only one version of a unit may be open-ended at a time.
  await repo.updateVersion(trx, current.id, {
    valid_to: date,
    successor_unit_id: null,
    end_reason: null,
  });
  await repo.insertVersions(trx, [
    {
      unit_id: current.unit_id,
      valid_from: date,
      valid_to: current.valid_to,
      name: current.name,
      full_name: current.full_name,
      name_en: current.name_en,
      full_name_en: current.full_name_en,
      kind: current.kind,
      category: current.category,
      parent_unit_id: current.parent_unit_id,
      agency_id: current.agency_id,
      successor_unit_id: current.successor_unit_id,
      change_reason: reason,
      end_reason: current.end_reason,
      ...patch,
    },
  ]);
  return 'versioned';
}

/**
 * Checks that a unit of `kind`/`category` may sit under `parentCode` on `date` and returns
 * the parent's id. `selfCode` (for an existing unit) refuses placing a unit below itself.
 */
async function placement(
  trx: Db,
  p: {
    selfCode?: string;
    kind: UnitKind;
    category: UnitCategory;
    parentCode: string | null;
    date: string;
  },
): Promise<string | null> {
  const catProblem = categoryKindProblem(p.kind, p.category);
  if (catProblem)
    throw new ValidationError(
      catProblem,
      [{ path: 'body.category', message: catProblem }],
      'invalid_category',
    );
  if (p.parentCode === null) {
    const problem = parentKindProblem(p.kind, null);
    if (problem)
      throw new ValidationError(
        problem,
        [{ path: 'body.parentCode', message: problem }],
        'invalid_parent',
      );
    return null;
  }
  const parent = await repo.findUnit(trx, p.parentCode);
  if (!parent) {
    const msg = `Không có đơn vị cấp trên mã ${p.parentCode}.`;
    throw new ValidationError(msg, [{ path: 'body.parentCode', message: msg }], 'parent_not_found');
  }
  const pv = await repo.versionAt(trx, parent.id, p.date);
  if (!pv) {
    throw new ConflictError(
      `Đơn vị cấp trên ${p.parentCode} không hoạt động vào ngày ${viDate(p.date)}.`,
      'parent_not_in_force',
    );
  }
  const problem = parentKindProblem(p.kind, pv.kind);
  if (problem)
    throw new ValidationError(
      problem,
      [{ path: 'body.parentCode', message: problem }],
      'invalid_parent',
    );
  if (p.selfCode && (await repo.lineage(trx, p.parentCode, p.date)).includes(p.selfCode)) {
    const msg = `Không thể đặt đơn vị ${p.selfCode} dưới ${p.parentCode}, vì ${p.parentCode} là đơn vị cấp dưới của nó.`;
    throw new ValidationError(msg, [{ path: 'body.parentCode', message: msg }], 'invalid_parent');
  }
  return parent.id;
}

/** Refuses an agency identifier outside the QĐ 20/2020/QĐ-TTg format. */
function checkAgencyId(agencyId: string | null | undefined): void {
  if (agencyId === null || agencyId === undefined || isValidAgencyId(agencyId)) return;
  const msg = `Mã định danh cơ quan "${agencyId}" không đúng định dạng: tối đa 35 ký tự gồm các nhóm chữ in hoa và chữ số, ngăn cách bởi dấu chấm (ví dụ 000.00.00.H49, Quyết định 20/2020/QĐ-TTg).`;
  throw new ValidationError(msg, [{ path: 'body.agencyId', message: msg }], 'invalid_agency_id');
}

/** Creates a unit with its first version; audited as `unit.create`. */
export async function createUnitTx(
  trx: Db,
  actor: Actor,
  input: CreateUnitInput,
  validFrom: string,
): Promise<Unit> {
  checkAgencyId(input.agencyId);
  const codeProblem = codeKindProblem(input.code, input.kind);
  if (codeProblem)
    throw new ValidationError(
      codeProblem,
      [{ path: 'body.code', message: codeProblem }],
      'invalid_unit_code',
    );
  if (await repo.findUnit(trx, input.code)) {
    throw new ConflictError(
      `Mã đơn vị ${input.code} đã được dùng. Mã đơn vị không bao giờ dùng lại, kể cả khi đơn vị đã giải thể.`,
      'unit_code_taken',
    );
  }
  const parentId = await placement(trx, { ...input, date: validFrom });
  const ids = await repo.insertUnits(trx, [input.code]);
  const name = input.name.normalize('NFC');
  await repo.insertVersions(trx, [
    {
      unit_id: ids.get(input.code)!,
      valid_from: validFrom,
      valid_to: null,
      name,
      full_name: (input.fullName ?? name).normalize('NFC'),
      name_en: input.nameEn ?? null,
      full_name_en: input.fullNameEn ?? null,
      kind: input.kind,
      category: input.category,
      parent_unit_id: parentId,
      agency_id: input.agencyId,
      successor_unit_id: null,
      change_reason: input.reason ?? null,
      end_reason: null,
    },
  ]);
  const unit = toUnit((await repo.versionAt(trx, ids.get(input.code)!, validFrom))!);
  await recordAudit(trx, actor, {
    action: 'unit.create',
    entityType: 'unit',
    entityId: unit.code,
    unitCode: unit.code,
    after: unit,
  });
  return unit;
}

/** The version of `code` in force on `date`, locked, or the error that explains why not. */
async function lockedVersionAt(trx: Db, code: string, date: string): Promise<VersionRow> {
  const unit = await repo.findUnit(trx, code, true);
  if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị mã ${code}.`, 'unit_not_found');
  const v = await repo.versionAt(trx, unit.id, date);
  if (!v)
    throw new ConflictError(
      `Đơn vị ${code} không hoạt động vào ngày ${viDate(date)} (chưa thành lập hoặc đã giải thể).`,
      'unit_not_in_force',
    );
  return v;
}

/** Changes a unit from `validFrom` on (a new version, or a correction of one starting then). */
export async function updateUnitTx(
  trx: Db,
  actor: Actor,
  code: string,
  input: UpdateUnitInput,
  validFrom: string,
): Promise<Unit> {
  checkAgencyId(input.agencyId);
  const current = await lockedVersionAt(trx, code, validFrom);
  const kind = input.kind ?? current.kind;
  const category = input.category ?? current.category;
  const parentCode = input.parentCode === undefined ? current.parent_code : input.parentCode;
  const parentId = await placement(trx, {
    selfCode: code,
    kind,
    category,
    parentCode,
    date: validFrom,
  });
  if (kind !== current.kind) {
    // The units below must still be allowed under the new kind.
    const children = await repo.childVersionsFrom(trx, current.unit_id, validFrom);
    const bad = children.filter((c) => parentKindProblem(c.kind, kind) !== null).map((c) => c.code);
    if (bad.length > 0) {
      throw new ConflictError(
        `Không thể đổi cấp của ${code}: các đơn vị trực thuộc ${bad.join(', ')} không thể trực thuộc cấp mới.`,
        'children_kind_conflict',
      );
    }
  }
  const before = toUnit(current);
  const outcome = await applyChange(
    trx,
    current,
    validFrom,
    {
      name: input.name?.normalize('NFC'),
      full_name: input.fullName?.normalize('NFC'),
      name_en: input.nameEn,
      full_name_en: input.fullNameEn,
      kind,
      category,
      parent_unit_id: parentId,
      agency_id: input.agencyId,
    },
    input.reason ?? null,
  );
  const after = toUnit((await repo.versionAt(trx, current.unit_id, validFrom))!);
  if (outcome !== 'unchanged') {
    await recordAudit(trx, actor, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: code,
      unitCode: code,
      before,
      after: { ...after, change: outcome, reason: input.reason ?? null },
    });
  }
  return after;
}
