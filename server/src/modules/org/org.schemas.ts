import { DATE_RANGE, isoDate } from '@cqs/shared/calendar/index';
import { z } from 'zod';
import {
  AGENCY_ID_MAX,
  AGENCY_ID_RE,
  UNIT_CATEGORIES,
  UNIT_CODE_MAX,
  UNIT_CODE_RE,
  UNIT_KINDS,
} from './org.rules.js';

/** A calendar date `YYYY-MM-DD` (a real day in the API's range: 2025-02-30 is refused). */
export const IsoDate = isoDate({
  format: 'Ngày phải có dạng YYYY-MM-DD.',
  invalid: `Ngày phải có dạng YYYY-MM-DD và là ngày có thật từ ${DATE_RANGE.min} đến ${DATE_RANGE.max}.`,
});

export const UnitCode = z
  .string({ error: 'Nhập mã đơn vị.' })
  .min(1, 'Nhập mã đơn vị.')
  .max(UNIT_CODE_MAX, `Mã đơn vị tối đa ${UNIT_CODE_MAX} ký tự.`)
  .regex(
    UNIT_CODE_RE,
    'Mã đơn vị chỉ gồm chữ in hoa không dấu, chữ số và các dấu . - _ (ví dụ 30280 hoặc 30280.UBND).',
  );

/**
 * Decision 20/2020/QĐ-TTg agency identifier. Its format is checked by the service (code
 * `invalid_agency_id`), so imports and the API refuse bad ones alike; the schema only bounds it.
 */
export const AgencyId = z
  .string()
  .trim()
  .max(100, 'Mã định danh cơ quan quá dài.')
  .meta({
    description: `QĐ 20/2020/QĐ-TTg: at most ${AGENCY_ID_MAX} characters matching ${AGENCY_ID_RE.source}, e.g. 000.00.00.H49`,
  });

const Name = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Nhập ${what}.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} tối đa ${max} ký tự.`);

const Kind = z.enum(UNIT_KINDS, {
  error: 'Cấp đơn vị phải là province, district, commune, hamlet hoặc agency.',
});
const Category = z.enum(UNIT_CATEGORIES, {
  error: `Loại đơn vị phải là một trong: ${UNIT_CATEGORIES.join(', ')}.`,
});

/** A unit as of a date, as the API shows it (docs/architecture.md "Units"). */
export const UnitSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.enum(UNIT_KINDS),
  category: z.enum(UNIT_CATEGORIES),
  parentCode: z.string().nullable(),
  agencyId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorCode: z.string().nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;

/** One dated version of a unit, for its history. */
export const UnitVersionSchema = UnitSchema.omit({ id: true, code: true }).extend({
  nameEn: z.string().nullable(),
  fullNameEn: z.string().nullable(),
  changeReason: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type UnitVersion = z.infer<typeof UnitVersionSchema>;

/** A unit with its whole history, oldest version first. */
export const UnitDetailSchema = UnitSchema.extend({ versions: z.array(UnitVersionSchema) });
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

export const UnitList = z.object({ items: z.array(UnitSchema), nextCursor: z.null() });

export const ListUnitsQuery = z.object({
  asOf: IsoDate.optional(),
  includeClosed: z
    .enum(['true', 'false', '1', '0'], { error: 'includeClosed phải là true hoặc false.' })
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export const UnitCodeParams = z.object({ code: UnitCode });

export const CreateUnitBody = z.object({
  code: UnitCode,
  name: Name('tên đơn vị', 200),
  fullName: Name('tên đầy đủ', 300).optional(),
  nameEn: z.string().trim().max(200).nullable().optional(),
  fullNameEn: z.string().trim().max(300).nullable().optional(),
  kind: Kind,
  category: Category,
  parentCode: UnitCode.nullable().default(null),
  agencyId: AgencyId.nullable().default(null),
  validFrom: IsoDate.optional(),
  reason: z.string().trim().max(1000).optional(),
});
export type CreateUnitInput = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z
  .object({
    name: Name('tên đơn vị', 200).optional(),
    fullName: Name('tên đầy đủ', 300).optional(),
    nameEn: z.string().trim().max(200).nullable().optional(),
    fullNameEn: z.string().trim().max(300).nullable().optional(),
    kind: Kind.optional(),
    category: Category.optional(),
    parentCode: UnitCode.nullable().optional(),
    agencyId: AgencyId.nullable().optional(),
    validFrom: IsoDate.optional(),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict();
export type UpdateUnitInput = z.infer<typeof UpdateUnitBody>;

export const CloseUnitBody = z.object({
  date: IsoDate,
  successorCode: UnitCode.optional(),
  reason: z
    .string()
    .trim()
    .min(1, 'Nhập lý do giải thể hoặc sáp nhập.')
    .max(1000, 'Lý do tối đa 1000 ký tự.'),
});
export type CloseUnitInput = z.infer<typeof CloseUnitBody>;

/** What anyone may read of a unit (names and places are public): for citizens' pickers. */
export const PublicUnit = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentCode: z.string().nullable(),
});
export const PublicUnitList = z.object({ items: z.array(PublicUnit), nextCursor: z.null() });
export const PublicUnitsQuery = z.object({
  kind: z.enum(UNIT_KINDS).optional(),
  /** Only units at or below this one. */
  within: z.string().min(1).max(40).optional(),
});

/** A GeoJSON Feature (RFC 7946) with the unit's boundary. */
export const BoundaryFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }),
  properties: z.object({ code: z.string(), name: z.string(), source: z.string() }),
});
export type BoundaryFeatureT = z.infer<typeof BoundaryFeature>;
