import { isDeepStrictEqual } from 'node:util';
import {
  PROCEDURE_EXPORT_FORMAT,
  PROCEDURE_EXPORT_VERSION,
  type Procedure,
  type ProcedureInput,
  ProcedureInputSchema,
} from '@cqs/shared/procedures/index';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ValidationError } from '../../platform/errors.js';
import { republishOffers } from './procedures.offers.js';
import { proceduresRepository as repo, toProcedure } from './procedures.repository.js';
import {
  insertProcedure,
  mapCodeConflict,
  type ProceduresDeps,
  searchTextOf,
} from './procedures.service.js';

/** The most rows one import may carry (a province's whole catalogue is about 2,000). */
export const MAX_IMPORT_ITEMS = 5000;

type Issue = { path: string; message: string };

/** One row to import: its raw value, problems found while reading it, and where it came from. */
export interface ImportRow {
  value: unknown;
  /** Problems found before validation (e.g. a spreadsheet cell that is not JSON), by field. */
  readErrors?: { field: string; message: string }[];
  /** Spreadsheet row number, named in messages so the administrator can find the row. */
  sheetRow?: number;
}

/** Outcome of an import. */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** The items of a JSON import body in the export format; throws 400 when it is not one. */
export function rowsFromJsonBody(body: unknown): ImportRow[] {
  const b = body as { format?: unknown; version?: unknown; items?: unknown } | null;
  const errors: Issue[] = [];
  if (typeof b !== 'object' || b === null || Array.isArray(b)) {
    errors.push({
      path: 'body',
      message: `Gửi một đối tượng JSON {"format": "${PROCEDURE_EXPORT_FORMAT}", "version": 1, "items": […]}.`,
    });
  } else {
    if (b.format !== PROCEDURE_EXPORT_FORMAT)
      errors.push({
        path: 'format',
        message: `Trường "format" phải là "${PROCEDURE_EXPORT_FORMAT}".`,
      });
    if (b.version !== PROCEDURE_EXPORT_VERSION)
      errors.push({
        path: 'version',
        message: `Chỉ hỗ trợ tệp phiên bản ${PROCEDURE_EXPORT_VERSION}.`,
      });
    if (!Array.isArray(b.items))
      errors.push({ path: 'items', message: 'Trường "items" phải là danh sách thủ tục.' });
  }
  if (errors.length > 0)
    throw new ValidationError('Tệp nhập không đúng định dạng xuất của hệ thống.', errors);
  return (b!.items as unknown[]).map((value) => ({ value }));
}

/** Validates every row; returns the parsed procedures or every problem, each with its path. */
export function validateImportRows(rows: ImportRow[]): {
  items: ProcedureInput[];
  errors: Issue[];
} {
  const errors: Issue[] = [];
  const items: ProcedureInput[] = [];
  const firstRowOfCode = new Map<string, number>();
  if (rows.length === 0) errors.push({ path: 'items', message: 'Tệp không có thủ tục nào.' });
  if (rows.length > MAX_IMPORT_ITEMS)
    errors.push({ path: 'items', message: `Mỗi lần nhập tối đa ${MAX_IMPORT_ITEMS} thủ tục.` });
  rows.forEach((row, i) => {
    const where = row.sheetRow ? ` (dòng ${row.sheetRow})` : '';
    const readFields = new Set((row.readErrors ?? []).map((e) => e.field));
    for (const e of row.readErrors ?? [])
      errors.push({ path: `items.${i}.${e.field}`, message: e.message + where });
    const parsed = ProcedureInputSchema.safeParse(row.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // A field that could not be read at all already has its message.
        if (readFields.has(String(issue.path[0]))) continue;
        errors.push({
          path: ['items', i, ...issue.path].join('.'),
          message: issue.message + where,
        });
      }
      return;
    }
    const seen = firstRowOfCode.get(parsed.data.code);
    if (seen !== undefined) {
      errors.push({
        path: `items.${i}.code`,
        message: `Mã thủ tục ${parsed.data.code} lặp lại (đã có ở mục ${seen + 1})${where}.`,
      });
      return;
    }
    firstRowOfCode.set(parsed.data.code, i);
    items.push(parsed.data);
  });
  return { items, errors };
}

/** The content of a stored procedure in input shape, for "did anything change?". */
function contentOf(p: Procedure): ProcedureInput {
  const { id: _i, status: _s, version: _v, createdAt: _c, updatedAt: _u, ...content } = p;
  return content;
}

/**
 * Same content? Components compare as JSON text because the order of a form's properties is
 * meaningful; the rest compares structurally (jsonb does not keep key order).
 */
function sameContent(a: ProcedureInput, b: ProcedureInput): boolean {
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as Record<string, unknown>;
  const { components: ca, ...ra } = plain({
    ...a,
    steps: [...a.steps].sort((x, y) => x.order - y.order),
  });
  const { components: cb, ...rb } = plain({
    ...b,
    steps: [...b.steps].sort((x, y) => x.order - y.order),
  });
  return JSON.stringify(ca) === JSON.stringify(cb) && isDeepStrictEqual(ra, rb);
}

/**
 * Upserts procedures by code, all or nothing: every row is validated first and any problem
 * rejects the whole import with a 400 listing them all; then one transaction writes every
 * change with an audit record `procedure.import` each.
 */
export async function importProcedures(
  deps: ProceduresDeps,
  actor: Actor,
  rows: ImportRow[],
): Promise<ImportResult> {
  const { items, errors } = validateImportRows(rows);
  if (errors.length > 0) {
    throw new ValidationError(
      `Tệp nhập có ${errors.length} lỗi; chưa có thay đổi nào được lưu.`,
      errors,
    );
  }
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const existing = await repo.findActiveByCodes(
      trx,
      items.map((p) => p.code),
    );
    const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
    for (const input of items) {
      const row = existing.get(input.code);
      if (!row) {
        await insertProcedure(trx, actor, input, now, 'procedure.import');
        result.created += 1;
        continue;
      }
      const before = toProcedure(row);
      if (sameContent(contentOf(before), input)) {
        result.unchanged += 1;
        continue;
      }
      const updated = await mapCodeConflict(input.code, () =>
        repo.update(trx, row.id, { input, searchText: searchTextOf(input), now }),
      );
      const after = toProcedure(updated);
      if (after.onlineLevel !== before.onlineLevel)
        await republishOffers(trx, after.code, after.onlineLevel, now);
      await recordAudit(trx, actor, {
        action: 'procedure.import',
        entityType: 'procedure',
        entityId: row.id,
        before,
        after,
      });
      result.updated += 1;
    }
    return result;
  });
}
