import { z } from 'zod';
import { IsoDateSchema } from '../calendar/date.schema.ts';

/**
 * The pillars (trụ cột) a digital-transformation plan is organised by: the headings of the
 * seeds' plans (seed 002 Phần II.III, seed 003 Phần II.IV, seed 004 Phần II.II) follow
 * Resolution 52-NQ/TW and Decision 942/QĐ-TTg; `khac` holds the odd target that fits none
 * (seed 004's DTI rank).
 */
export const PLAN_SECTIONS = [
  { code: 'nhan_thuc_so', name: 'Nhận thức số', nameEn: 'Digital awareness' },
  { code: 'the_che_so', name: 'Thể chế số', nameEn: 'Digital institutions' },
  { code: 'ha_tang_so', name: 'Hạ tầng số', nameEn: 'Digital infrastructure' },
  { code: 'nhan_luc_so', name: 'Nhân lực số', nameEn: 'Digital workforce' },
  { code: 'du_lieu_so', name: 'Dữ liệu số', nameEn: 'Digital data' },
  { code: 'nen_tang_so', name: 'Nền tảng số', nameEn: 'Digital platforms' },
  { code: 'chinh_quyen_so', name: 'Chính quyền số', nameEn: 'Digital government' },
  { code: 'kinh_te_so', name: 'Kinh tế số', nameEn: 'Digital economy' },
  { code: 'xa_hoi_so', name: 'Xã hội số', nameEn: 'Digital society' },
  { code: 'an_toan_thong_tin', name: 'An toàn thông tin mạng', nameEn: 'Cyber security' },
  { code: 'khac', name: 'Khác', nameEn: 'Other' },
] as const;

export const PLAN_SECTION_CODES = PLAN_SECTIONS.map((s) => s.code) as [
  (typeof PLAN_SECTIONS)[number]['code'],
  ...(typeof PLAN_SECTIONS)[number]['code'][],
];
export type PlanSectionCode = (typeof PLAN_SECTION_CODES)[number];
export const PlanSectionCodeSchema = z.enum(PLAN_SECTION_CODES);

/**
 * `>=` a floor (trên, tối thiểu, không dưới…), `<=` a ceiling or a rank (nhóm 10), `=` a bare
 * value (đạt 60%, 100% …) — the seed-plans README's convention, which graders treat as a floor.
 */
export const COMPARATORS = ['>=', '<=', '='] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const PLAN_STATUSES = ['draft', 'issued'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
};

/** Mới (new) or Chuyển tiếp (carried over from last year), as seed 003's task list prints it. */
export const TASK_KINDS = ['Mới', 'Chuyển tiếp'] as const;

/**
 * Indicator codes of the library (module indicators) a target may link to. Plans sit below
 * indicators, so this list is the plans' side of the contract, not an import: a code outside it
 * is accepted (a province's own indicator) as long as it has the shape `module.name`.
 */
export const KNOWN_INDICATOR_CODES = [
  'dossiers.on_time',
  'dossiers.online',
  'procedures.full_online',
  'payments.online',
  'dossiers.digitised',
  'dossiers.result_electronic',
  'portal.prefilled',
  'satisfaction',
  'reports.on_time',
  'tasks.on_time',
] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => text(max).nullable().default(null);
/** A value as the plan prints it: finite, within what a numeric(20,4) column keeps. */
const PlanNumber = z.number().finite().min(-1e15).max(1e15);
const UnitCode = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/, 'Mã đơn vị không hợp lệ.');

/** Agencies named for a task, as written (the seed-plans JSON lists them). */
const AgencyList = z.array(text(500)).min(1).max(50).nullable().default(null);

export const IndicatorCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'Mã chỉ số dạng "module.ten_chi_so".')
  .max(100);

/** A change of a target after import (PATCH …/targets/{id}): absent fields stay. */
export const TargetPatchSchema = z
  .object({
    indicatorCode: IndicatorCodeSchema.nullable().optional(),
    comparator: z.enum(COMPARATORS).optional(),
    targetValue: PlanNumber.optional(),
    stretchValue: PlanNumber.nullable().optional(),
    baseline: PlanNumber.nullable().optional(),
    unitOfMeasure: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type TargetPatchInput = z.infer<typeof TargetPatchSchema>;

/** Withdrawing a plan (thu hồi kế hoạch, POST …/withdraw): why, in the unit's words. */
export const PlanWithdrawSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1, 'Nhập lý do thu hồi kế hoạch.')
      .max(1000, 'Lý do thu hồi dài tối đa 1.000 ký tự.'),
  })
  .strict();
export type PlanWithdrawInput = z.infer<typeof PlanWithdrawSchema>;

/** A target handed down to a child unit with its own value (giao chỉ tiêu cho cấp dưới). */
export const PlanAssignmentSchema = z.object({
  unitCode: UnitCode,
  value: PlanNumber,
});

/** A target (chỉ tiêu) as the plan writes it, with its optional link to an indicator. */
export const PlanTargetInputSchema = z.object({
  sectionCode: PlanSectionCodeSchema,
  /** The heading path the target sits under, as written ("Phần II > II. MỤC TIÊU > …"). */
  section: optText(1000),
  /** The sentence as written. Two numbers in one sentence give two targets with one text. */
  text: text(4000),
  /** Which part the value is for when the sentence splits it ("cấp xã"), else null. */
  scope: optText(500),
  indicatorCode: IndicatorCodeSchema.nullable().default(null),
  comparator: z.enum(COMPARATORS),
  targetValue: PlanNumber,
  /** The "phấn đấu" value above the target (seed 004: "50%, phấn đấu 100%"). */
  stretchValue: PlanNumber.nullable().default(null),
  /** The sentence giving the stretch value, when it is another sentence than `text`. */
  stretchText: optText(4000),
  baseline: PlanNumber.nullable().default(null),
  /** "%", "count", "rank", "% of GRDP"… as extracted. */
  unitOfMeasure: text(100),
  /** The qualifier words as written, lowercased ("tối thiểu ... trở lên"), else null. */
  wording: optText(200),
  /** Whether the platform could compute it from its own records (seed-plans README). */
  computable: z.boolean().nullable().default(null),
  note: optText(2000),
  assignments: z.array(PlanAssignmentSchema).max(300).default([]),
});

/** A task (nhiệm vụ) or project as the plan lists it; tasks module takes it over later. */
export const PlanTaskInputSchema = z.object({
  /** Its number as printed, or null when unnumbered. */
  no: optText(20),
  /** The heading path it sits under, as written. */
  group: optText(1000),
  sectionCode: PlanSectionCodeSchema.nullable().default(null),
  name: text(10000),
  /** The appendix's content column, when the plan has one. */
  content: optText(10000),
  /** Chủ trì and phối hợp agencies as written, one per item; null when none is named. */
  lead: AgencyList,
  support: AgencyList,
  kind: z.enum(TASK_KINDS).nullable().default(null),
  deadline: IsoDateSchema.nullable().default(null),
});

/** A budget row (kinh phí) with its numbers as printed; the currency note says their unit. */
export const PlanBudgetInputSchema = z.object({
  no: optText(20),
  name: text(2000),
  executor: optText(1000),
  period: optText(100),
  total: PlanNumber.nullable().default(null),
  central: PlanNumber.nullable().default(null),
  local: PlanNumber.nullable().default(null),
  currencyNote: optText(100),
});

/**
 * A unit's yearly plan as one document: what `POST /api/v1/plans` takes and
 * `GET /api/v1/plans/{id}/export.json` gives back (exactly, after defaults). Close to the
 * seed-plans JSON (its README), with the plan's unit and status and targets folded into
 * target/stretch pairs.
 */
export const PlanDocumentSchema = z.object({
  unitCode: UnitCode,
  year: z.number().int().min(2000).max(2100),
  title: text(1000),
  issuer: optText(500),
  /** Số, ký hiệu and date of the issuing document, when given. */
  documentNumber: optText(100),
  documentDate: IsoDateSchema.nullable().default(null),
  status: z.enum(PLAN_STATUSES).default('draft'),
  /** Where the plan came from (a file, a seed), for the reader. */
  source: optText(500),
  targets: z.array(PlanTargetInputSchema).max(1000).default([]),
  tasks: z.array(PlanTaskInputSchema).max(2000).default([]),
  budget: z.array(PlanBudgetInputSchema).max(1000).default([]),
});

export type PlanDocumentInput = z.input<typeof PlanDocumentSchema>;
export type PlanDocument = z.output<typeof PlanDocumentSchema>;
export type PlanTargetInput = z.output<typeof PlanTargetInputSchema>;
export type PlanTaskInput = z.output<typeof PlanTaskInputSchema>;
export type PlanBudgetInput = z.output<typeof PlanBudgetInputSchema>;
export type PlanAssignment = z.output<typeof PlanAssignmentSchema>;
