/**
 * A category's extra questions (Open311 GeoReport v2 service definition `attributes`) and the
 * check of the answers a client sends as `attribute[code]=value` (pure functions).
 * The definitions are stored in `report_category.attributes` in the Open311 shape itself.
 */
import { toVnIso } from '@cqs/shared/calendar/index';
import { z } from 'zod';

/** The datatypes GeoReport v2 defines. */
export const ATTRIBUTE_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

const LISTS: ReadonlySet<AttributeDatatype> = new Set(['singlevaluelist', 'multivaluelist']);

/** One extra question of a category, as stored and as served by GET /services/{code}. */
export const AttributeDefinitionSchema = z
  .object({
    /** false: shown to the user as information only, no answer expected. */
    variable: z.boolean().default(true),
    code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    datatype: z.enum(ATTRIBUTE_DATATYPES),
    required: z.boolean().default(false),
    datatype_description: z.string().nullable().default(null),
    /** 1 is shown first. */
    order: z.number().int().positive(),
    description: z.string().min(1),
    values: z
      .array(
        z.object({ key: z.union([z.string(), z.number()]).transform(String), name: z.string() }),
      )
      .default([]),
  })
  .refine((a) => !LISTS.has(a.datatype) || a.values.length > 0, {
    message: 'a list attribute needs values',
  });
export type AttributeDefinition = z.output<typeof AttributeDefinitionSchema>;
/** What a category definition may be written as (defaults filled when read). */
export type AttributeDefinitionInput = z.input<typeof AttributeDefinitionSchema>;

/**
 * The stored definitions, sorted by `order`. Throws when they are not valid (they are written
 * by the seed or an administrator, never by a client: a broken definition is a server error).
 */
export function parseDefinitions(stored: unknown): AttributeDefinition[] {
  const list = z.array(AttributeDefinitionSchema).parse(stored ?? []);
  const codes = new Set<string>();
  for (const a of list) {
    if (codes.has(a.code)) throw new Error(`duplicate attribute code ${a.code}`);
    codes.add(a.code);
  }
  return [...list].sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
}

/** A raw answer: one value (`attribute[code]=v`) or several (`attribute[code][]=v`). */
export type RawAnswer = string | string[];

/** The outcome of checking the answers: the stored answers, or what is wrong with each. */
export type AnswerCheck =
  | { ok: true; answers: Record<string, string | number | string[]> }
  | { ok: false; problems: { field: string; message: string }[] };

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const MAX_STRING = 500;
const MAX_TEXT = 4000;

/** A point in time from an ISO 8601 value (a date alone is that day's start in Vietnam). */
export function parseIsoInstant(value: string): Date | null {
  // A '+' sent unencoded in a query string arrives as a space.
  const v = value.trim().replace(' ', '+');
  if (!ISO_DATETIME.test(v)) return null;
  const d = new Date(v.length === 10 ? `${v}T00:00:00+07:00` : v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Checks the answers against the definitions: required questions answered, numbers and dates
 * well-formed, list answers among the listed keys, no answers to unknown questions.
 * Informational attributes (`variable: false`) take no answer; one sent is ignored.
 */
export function checkAnswers(
  definitions: readonly AttributeDefinition[],
  raw: Record<string, RawAnswer>,
): AnswerCheck {
  const problems: { field: string; message: string }[] = [];
  const answers: Record<string, string | number | string[]> = {};
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  for (const code of Object.keys(raw)) {
    if (!byCode.has(code))
      problems.push({
        field: `attribute[${code}]`,
        message: `Lĩnh vực này không có câu hỏi mã "${code}".`,
      });
  }
  for (const def of definitions) {
    if (!def.variable) continue;
    const field = `attribute[${def.code}]`;
    const given = raw[def.code];
    const values = (Array.isArray(given) ? given : given === undefined ? [] : [given])
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length === 0) {
      if (def.required)
        problems.push({ field, message: `Bắt buộc trả lời câu hỏi “${def.description}”.` });
      continue;
    }
    if (def.datatype !== 'multivaluelist' && values.length > 1) {
      problems.push({ field, message: `Câu hỏi “${def.description}” chỉ nhận một giá trị.` });
      continue;
    }
    const value = values[0]!;
    switch (def.datatype) {
      case 'string':
      case 'text': {
        const max = def.datatype === 'string' ? MAX_STRING : MAX_TEXT;
        if (value.length > max)
          problems.push({ field, message: `Tối đa ${max.toLocaleString('vi-VN')} ký tự.` });
        else answers[def.code] = value.normalize('NFC');
        break;
      }
      case 'number': {
        const n = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
        if (!Number.isFinite(n))
          problems.push({
            field,
            message: `Câu hỏi “${def.description}” cần một số (dấu chấm thập phân), ví dụ 1.5.`,
          });
        else answers[def.code] = n;
        break;
      }
      case 'datetime': {
        const d = parseIsoInstant(value);
        if (!d)
          problems.push({
            field,
            message: `Câu hỏi “${def.description}” cần ngày giờ ISO 8601, ví dụ 2026-11-27T08:30:00+07:00.`,
          });
        else answers[def.code] = toVnIso(d);
        break;
      }
      case 'singlevaluelist':
      case 'multivaluelist': {
        const keys = new Set(def.values.map((v) => v.key));
        const unknown = values.filter((v) => !keys.has(v));
        if (unknown.length > 0)
          problems.push({
            field,
            message: `Giá trị ${unknown.map((v) => `"${v}"`).join(', ')} không có trong danh sách của câu hỏi “${def.description}” (chọn trong: ${[...keys].join(', ')}).`,
          });
        else answers[def.code] = def.datatype === 'singlevaluelist' ? value : [...new Set(values)];
        break;
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/**
 * Stored answers as the staff page shows them: the question and the answer in words (list
 * keys turned into their names), in the definitions' order; answers to questions no longer
 * defined are shown by their code.
 */
export function answersInWords(
  definitions: readonly AttributeDefinition[],
  answers: Record<string, unknown> | null | undefined,
): { code: string; question: string; answer: string }[] {
  const given = answers ?? {};
  const out: { code: string; question: string; answer: string }[] = [];
  const seen = new Set<string>();
  const words = (def: AttributeDefinition | undefined, v: unknown): string => {
    const name = (k: unknown) => def?.values.find((x) => x.key === String(k))?.name ?? String(k);
    return Array.isArray(v) ? v.map(name).join(', ') : name(v);
  };
  for (const def of definitions) {
    seen.add(def.code);
    if (given[def.code] === undefined) continue;
    out.push({ code: def.code, question: def.description, answer: words(def, given[def.code]) });
  }
  for (const [code, v] of Object.entries(given))
    if (!seen.has(code)) out.push({ code, question: code, answer: words(undefined, v) });
  return out;
}
