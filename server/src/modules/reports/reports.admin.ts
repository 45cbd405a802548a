/**
 * Reference data of field reports that admins edit, each change audited in its transaction:
 * - categories (lĩnh vực phản ánh) with their level and time limits (regulations.md §5) —
 *   system administrators, since categories are shared by every unit;
 * - routing overrides (quy tắc chuyển phản ánh): "in this area, this category goes to that
 *   unit" — an administrator of the area (or above);
 * - reply templates (mẫu trả lời) — system administrators; every staff member reads them.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.js';
import {
  holdsGlobally,
  holdsOver,
  requireStaff,
  requireSystemAdmin,
  requireUnitAdmin,
} from '../identity/index.js';
import { findUnitsByCodes, unitDescendants } from '../org/index.js';
import { parseDefinitions } from './open311/open311.attributes.js';
import {
  type CategoryRow,
  type ReplyTemplateRow,
  type RoutingRuleRow,
  reportsAdminRepository as repo,
} from './reports.admin.repository.js';
import type {
  CreateCategoryInput,
  QuestionInput,
  ReplyTemplateInput,
  RoutingRuleInput,
  UpdateCategoryInput,
} from './reports.admin.schemas.js';

type Db = Kysely<Database>;
interface Deps {
  db: Db;
  clock: Clock;
}

export function presentCategory(c: CategoryRow) {
  return {
    code: c.code,
    nameVi: c.name_vi,
    nameEn: c.name_en,
    description: c.description,
    responsibleKind: c.responsible_kind,
    slaAcceptDays: c.sla_accept_days,
    slaInfoDays: c.sla_info_days,
    slaResolveDays: c.sla_resolve_days,
    slaPublishDays: c.sla_publish_days,
    active: c.active,
    sortOrder: c.sort_order,
    attributes: parseDefinitions(c.attributes).map((a) => ({
      code: a.code,
      description: a.description,
      datatype: a.datatype,
      required: a.required,
      variable: a.variable,
      datatypeDescription: a.datatype_description,
      values: a.values,
    })),
  };
}

/** The admin's questions in the stored Open311 shape, `order` by position; 400 on duplicates. */
function storedQuestions(list: QuestionInput[]): string {
  const codes = new Set<string>();
  for (const [i, q] of list.entries()) {
    if (codes.has(q.code))
      throw new ValidationError(
        'Mã câu hỏi bị trùng.',
        [
          {
            path: `body.attributes.${i}.code`,
            message: `Mã "${q.code}" đã dùng cho câu hỏi khác.`,
          },
        ],
        'duplicate_question_code',
      );
    codes.add(q.code);
  }
  return JSON.stringify(
    list.map((q, i) => ({
      variable: q.variable,
      code: q.code,
      datatype: q.datatype,
      required: q.variable && q.required,
      datatype_description: q.datatypeDescription,
      order: i + 1,
      description: q.description,
      values: q.datatype.endsWith('valuelist') ? q.values : [],
    })),
  );
}

const categoryColumns = (i: UpdateCategoryInput) => ({
  ...(i.attributes === undefined ? {} : { attributes: storedQuestions(i.attributes) }),
  name_vi: i.nameVi,
  name_en: i.nameEn,
  description: i.description,
  responsible_kind: i.responsibleKind,
  sla_accept_days: i.slaAcceptDays,
  sla_info_days: i.slaInfoDays,
  sla_resolve_days: i.slaResolveDays,
  sla_publish_days: i.slaPublishDays,
  active: i.active,
  sort_order: i.sortOrder,
});

const categoryNotFound = () =>
  new NotFoundError('Không tìm thấy lĩnh vực phản ánh.', 'category_not_found');

/** Every category with all its settings (system administrators). */
export async function listAllCategories({ db }: Deps, actor: Actor | null) {
  requireSystemAdmin(actor);
  return { items: (await repo.allCategories(db)).map(presentCategory) };
}

/** Adds a category; 409 `category_exists` when the code is taken. */
export async function createCategory({ db }: Deps, actor: Actor | null, i: CreateCategoryInput) {
  const admin = requireSystemAdmin(actor);
  return db.transaction().execute(async (trx) => {
    const ok = await repo.insertCategory(trx, {
      code: i.code,
      attributes: '[]',
      ...categoryColumns(i),
    });
    if (!ok) throw new ConflictError(`Mã lĩnh vực "${i.code}" đã có.`, 'category_exists');
    await recordAudit(trx, admin, {
      action: 'report.category.create',
      entityType: 'report_category',
      entityId: i.code,
      after: i,
    });
    return presentCategory((await repo.findCategory(trx, i.code))!);
  });
}

/**
 * Changes a category's names, level, time limits or activity. New limits apply to reports
 * received from now on; deadlines already set are kept (they were promised to the citizen).
 */
export async function updateCategory(
  { db }: Deps,
  actor: Actor | null,
  code: string,
  i: UpdateCategoryInput,
) {
  const admin = requireSystemAdmin(actor);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findCategory(trx, code);
    if (!before) throw categoryNotFound();
    const after = await repo.updateCategory(trx, code, categoryColumns(i));
    await recordAudit(trx, admin, {
      action: 'report.category.update',
      entityType: 'report_category',
      entityId: code,
      before: presentCategory(before),
      after: presentCategory(after!),
    });
    return presentCategory(after!);
  });
}

async function presentRules(db: Db, rows: RoutingRuleRow[]) {
  const names = await findUnitsByCodes(db, [
    ...new Set(rows.flatMap((r) => [r.area_unit_code, r.handling_unit_code])),
  ]);
  return rows.map((r) => ({
    categoryCode: r.category_code,
    areaUnitCode: r.area_unit_code,
    areaUnitName: names.get(r.area_unit_code)?.name ?? null,
    handlingUnitCode: r.handling_unit_code,
    handlingUnitName: names.get(r.handling_unit_code)?.name ?? null,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** The routing overrides the caller administers (all of them for a system administrator). */
export async function listRoutingRules(
  { db }: Deps,
  actor: Actor | null,
  q: { category?: string },
) {
  const a = requireStaff(actor);
  let areas: string[] | null = null;
  if (!holdsGlobally(a, 'admin')) {
    const set = new Set<string>();
    for (const g of a.roles)
      if (g.role === 'admin' && g.unitCode)
        for (const c of await unitDescendants(db, g.unitCode)) set.add(c);
    areas = [...set];
  }
  return {
    items: await presentRules(db, await repo.routingRules(db, { category: q.category, areas })),
  };
}

const ruleNotFound = () =>
  new NotFoundError('Không tìm thấy quy tắc chuyển phản ánh.', 'routing_rule_not_found');

/**
 * A rule sends an area's reports — with the reporter's name and phone — to a handling unit,
 * so an administrator may only set a rule whose area AND handling unit are both within what
 * they administer, nor replace or remove one that points outside it (a superior's rule).
 * System administrators administer every unit.
 */
async function requireHandlingScope(db: Db, admin: Actor, handlingUnitCode: string) {
  if (!(await holdsOver(db, admin, ['admin'], handlingUnitCode)))
    throw new ForbiddenError(
      `Đơn vị xử lý ${handlingUnitCode} nằm ngoài phạm vi quản trị của bạn: chỉ chuyển phản ánh tới đơn vị bạn quản trị.`,
      'handling_unit_out_of_scope',
    );
}

/** Sets (adds or replaces) the override of a category in an area. */
export async function putRoutingRule(
  { db, clock }: Deps,
  actor: Actor | null,
  i: RoutingRuleInput,
) {
  const admin = await requireUnitAdmin(db, actor, i.areaUnitCode);
  await requireHandlingScope(db, admin, i.handlingUnitCode);
  if (!(await repo.findCategory(db, i.categoryCode))) throw categoryNotFound();
  const units = await findUnitsByCodes(db, [i.areaUnitCode, i.handlingUnitCode]);
  const problems = [
    !units.get(i.areaUnitCode) && {
      path: 'body.areaUnitCode',
      message: `Không tìm thấy đơn vị mã ${i.areaUnitCode}.`,
    },
    !units.get(i.handlingUnitCode) && {
      path: 'body.handlingUnitCode',
      message: `Không tìm thấy đơn vị mã ${i.handlingUnitCode}.`,
    },
    units.get(i.handlingUnitCode)?.closed && {
      path: 'body.handlingUnitCode',
      message: 'Đơn vị này đã giải thể hoặc sáp nhập; chọn đơn vị đang hoạt động.',
    },
  ].filter((p): p is { path: string; message: string } => Boolean(p));
  if (problems.length > 0)
    throw new ValidationError('Đơn vị không hợp lệ.', problems, 'unit_not_found');
  return db.transaction().execute(async (trx) => {
    const before = await repo.findRoutingRule(trx, i.categoryCode, i.areaUnitCode);
    if (before) await requireHandlingScope(trx, admin, before.handling_unit_code);
    await repo.upsertRoutingRule(trx, {
      category_code: i.categoryCode,
      area_unit_code: i.areaUnitCode,
      handling_unit_code: i.handlingUnitCode,
      updated_by: admin.id,
      updated_at: clock.now(),
    });
    await recordAudit(trx, admin, {
      action: 'report.routing_rule.put',
      entityType: 'report_routing_rule',
      entityId: `${i.categoryCode}:${i.areaUnitCode}`,
      unitCode: i.areaUnitCode,
      before: before ? { handlingUnitCode: before.handling_unit_code } : undefined,
      after: { handlingUnitCode: i.handlingUnitCode },
    });
    const row = await repo.findRoutingRule(trx, i.categoryCode, i.areaUnitCode);
    return (await presentRules(trx, [row!]))[0]!;
  });
}

/** Removes an override: the category's default level applies again in that area. */
export async function deleteRoutingRule(
  { db }: Deps,
  actor: Actor | null,
  categoryCode: string,
  areaUnitCode: string,
) {
  const a = requireStaff(actor);
  if (!a.roles.some((g) => g.role === 'admin'))
    throw new ForbiddenError('Chỉ quản trị đơn vị mới được xóa quy tắc chuyển phản ánh.');
  // Another area's rule is another unit's object: 404, as if it did not exist.
  if (!(await holdsOver(db, a, ['admin'], areaUnitCode))) throw ruleNotFound();
  const admin = a;
  await db.transaction().execute(async (trx) => {
    const before = await repo.findRoutingRule(trx, categoryCode, areaUnitCode);
    if (!before) throw ruleNotFound();
    await requireHandlingScope(trx, admin, before.handling_unit_code);
    if (!(await repo.deleteRoutingRule(trx, categoryCode, areaUnitCode))) throw ruleNotFound();
    await recordAudit(trx, admin, {
      action: 'report.routing_rule.delete',
      entityType: 'report_routing_rule',
      entityId: `${categoryCode}:${areaUnitCode}`,
      unitCode: areaUnitCode,
      before: { handlingUnitCode: before.handling_unit_code },
    });
  });
}

export function presentTemplate(t: ReplyTemplateRow) {
  return {
    id: t.id,
    categoryCode: t.category_code,
    kind: t.kind,
    title: t.title,
    body: t.body,
    active: t.active,
    updatedAt: new Date(t.updated_at).toISOString(),
  };
}

/**
 * Reply templates for staff: the active ones of a category plus the general ones; with
 * `all`, inactive ones too (system administrators, for the admin screen).
 */
export async function listReplyTemplates(
  { db }: Deps,
  actor: Actor | null,
  q: { category?: string; kind?: string; all?: boolean },
) {
  const a = requireStaff(actor);
  if (q.all) requireSystemAdmin(a);
  const rows = await repo.replyTemplates(db, {
    forCategory: q.category,
    kind: q.kind,
    activeOnly: !q.all,
  });
  return { items: rows.map(presentTemplate) };
}

async function checkTemplateCategory(db: Db, code: string | null) {
  if (code && !(await repo.findCategory(db, code)))
    throw new ValidationError(
      'Lĩnh vực không tồn tại.',
      [{ path: 'body.categoryCode', message: 'Chọn một lĩnh vực trong danh sách.' }],
      'unknown_category',
    );
}

const templateColumns = (i: ReplyTemplateInput) => ({
  category_code: i.categoryCode,
  kind: i.kind,
  title: i.title,
  body: i.body,
  active: i.active,
});

export async function createReplyTemplate(
  { db, clock }: Deps,
  actor: Actor | null,
  i: ReplyTemplateInput,
) {
  const admin = requireSystemAdmin(actor);
  await checkTemplateCategory(db, i.categoryCode);
  const id = randomUUID();
  return db.transaction().execute(async (trx) => {
    await repo.insertReplyTemplate(trx, {
      id,
      ...templateColumns(i),
      updated_by: admin.id,
      updated_at: clock.now(),
    });
    await recordAudit(trx, admin, {
      action: 'report.reply_template.create',
      entityType: 'report_reply_template',
      entityId: id,
      after: i,
    });
    return presentTemplate((await repo.findReplyTemplate(trx, id))!);
  });
}

const templateNotFound = () =>
  new NotFoundError('Không tìm thấy mẫu trả lời.', 'reply_template_not_found');

export async function updateReplyTemplate(
  { db, clock }: Deps,
  actor: Actor | null,
  id: string,
  i: ReplyTemplateInput,
) {
  const admin = requireSystemAdmin(actor);
  await checkTemplateCategory(db, i.categoryCode);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findReplyTemplate(trx, id);
    if (!before) throw templateNotFound();
    const after = await repo.updateReplyTemplate(trx, id, {
      ...templateColumns(i),
      updated_by: admin.id,
      updated_at: clock.now(),
    });
    await recordAudit(trx, admin, {
      action: 'report.reply_template.update',
      entityType: 'report_reply_template',
      entityId: id,
      before: presentTemplate(before),
      after: presentTemplate(after!),
    });
    return presentTemplate(after!);
  });
}

export async function deleteReplyTemplate({ db }: Deps, actor: Actor | null, id: string) {
  const admin = requireSystemAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const before = await repo.findReplyTemplate(trx, id);
    if (!before || !(await repo.deleteReplyTemplate(trx, id))) throw templateNotFound();
    await recordAudit(trx, admin, {
      action: 'report.reply_template.delete',
      entityType: 'report_reply_template',
      entityId: id,
      before: presentTemplate(before),
    });
  });
}

/** Starter reply templates for a new installation (demo seeding): general, one per kind. */
const DEFAULT_REPLY_TEMPLATES: Omit<ReplyTemplateInput, 'active'>[] = [
  {
    categoryCode: null,
    kind: 'resolve',
    title: 'Đã khắc phục xong',
    body: 'Đơn vị đã kiểm tra hiện trường và khắc phục xong vấn đề bạn phản ánh. Cảm ơn bạn đã đồng hành cùng chính quyền. Nếu vấn đề chưa được khắc phục, bạn có thể báo lại trong thời hạn cho phép.',
  },
  {
    categoryCode: 'lighting',
    kind: 'resolve',
    title: 'Đã thay bóng, sửa đèn',
    body: 'Đơn vị quản lý chiếu sáng đã thay bóng và sửa chữa đèn tại vị trí bạn phản ánh; đèn đã sáng bình thường.',
  },
  {
    categoryCode: null,
    kind: 'reject',
    title: 'Không thuộc phạm vi tiếp nhận',
    body: 'Nội dung phản ánh không thuộc phạm vi tiếp nhận phản ánh hiện trường (ví dụ: tranh chấp dân sự, khiếu nại, tố cáo). Đề nghị bạn liên hệ cơ quan có thẩm quyền hoặc gửi đơn theo quy định.',
  },
  {
    categoryCode: null,
    kind: 'info',
    title: 'Đề nghị bổ sung vị trí, hình ảnh',
    body: 'Để xử lý phản ánh, đề nghị bạn cho biết vị trí cụ thể hơn (số nhà, tên đường, điểm mốc gần nhất) và gửi thêm hình ảnh hiện trường nếu có.',
  },
];

/** Loads the starter templates when there are none yet. Idempotent. */
export async function seedReplyTemplates(db: Db, at: Date): Promise<void> {
  if ((await repo.replyTemplates(db, {})).length > 0) return;
  const categories = new Set((await repo.allCategories(db)).map((c) => c.code));
  for (const t of DEFAULT_REPLY_TEMPLATES) {
    if (t.categoryCode && !categories.has(t.categoryCode)) continue;
    await repo.insertReplyTemplate(db, {
      id: randomUUID(),
      ...templateColumns({ ...t, active: true }),
      updated_by: null,
      updated_at: at,
    });
  }
}
