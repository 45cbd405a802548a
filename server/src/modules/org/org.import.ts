import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { applyChange } from './org.changes.js';
import {
  type ImportedUnit,
  readGisFile,
  readUnitsFile,
  splitCodes,
  UnitsFileError,
} from './org.import-file.js';
import { inTransaction } from './org.present.js';
import { orgRepository as repo } from './org.repository.js';
import { isIsoDate } from './org.rules.js';

/** The date the March 2025 units file describes (decree 1365/NQ-UBTVQH15 in force). */
export const DEFAULT_IMPORT_VALID_FROM = '2025-03-01';

export interface ImportOptions {
  /** The units file (shapes in org.import-file.ts). */
  file: string;
  province?: string[];
  district?: string[];
  /** Directory of `<province>.json` boundary files; boundaries are skipped without it. */
  gisDir?: string;
  /** The date the file's names and places take effect (default 2025-03-01). */
  validFrom?: string;
}

export interface ImportResult {
  /** Units read from the file (after the filter). */
  units: number;
  boundaries: number;
  created: number;
  /** Units whose names, type or parent differed: corrected or given a new version. */
  updated: number;
  unchanged: number;
  /** Known units not in force on `validFrom` (closed before, or started after): left alone. */
  skipped: number;
}

/**
 * Imports (or re-imports) administrative units and their boundaries in one transaction.
 * Idempotent: a unit already known is compared with the file as of `validFrom` and only
 * changed when it differs, so re-running never duplicates anything.
 */
export async function importUnits(
  db: Kysely<Database>,
  actor: Actor,
  opts: ImportOptions,
): Promise<ImportResult> {
  const validFrom = opts.validFrom ?? DEFAULT_IMPORT_VALID_FROM;
  if (!isIsoDate(validFrom)) {
    throw new AppError(
      'invalid_date',
      400,
      `Ngày hiệu lực "${validFrom}" phải có dạng YYYY-MM-DD và là ngày có thật (invalid date).`,
    );
  }
  const units = readUnitsFile(await readJson(opts.file), {
    province: opts.province,
    district: opts.district,
  });
  const boundaries = opts.gisDir ? await readBoundaries(opts.gisDir, units) : [];
  const source = path.basename(opts.file);
  const reason = `Nhập từ tệp ${source}`;

  return inTransaction(db, async (trx) => {
    const ids = await repo.unitIdsByCodes(
      trx,
      units.map((u) => u.code),
    );
    const fresh = units.filter((u) => !ids.has(u.code));
    for (const [code, id] of await repo.insertUnits(
      trx,
      fresh.map((u) => u.code),
    ))
      ids.set(code, id);
    await repo.insertVersions(
      trx,
      fresh.map((u) => ({
        unit_id: ids.get(u.code)!,
        valid_from: validFrom,
        valid_to: null,
        ...columns(u, ids),
        agency_id: null,
        successor_unit_id: null,
        change_reason: reason,
        end_reason: null,
      })),
    );
    const freshCodes = new Set(fresh.map((u) => u.code));
    const known = units.filter((u) => !freshCodes.has(u.code));
    const current = await repo.versionsAt(
      trx,
      known.map((u) => ids.get(u.code)!),
      validFrom,
    );
    const result: ImportResult = {
      units: units.length,
      boundaries: 0,
      created: fresh.length,
      updated: 0,
      unchanged: 0,
      skipped: 0,
    };
    for (const u of known) {
      const v = current.get(ids.get(u.code)!);
      if (!v) {
        result.skipped += 1;
        continue;
      }
      // A file without English names leaves the known ones alone.
      const values = {
        ...columns(u, ids),
        name_en: u.nameEn ?? undefined,
        full_name_en: u.fullNameEn ?? undefined,
      };
      const outcome = await applyChange(trx, v, validFrom, values, reason);
      if (outcome === 'unchanged') result.unchanged += 1;
      else result.updated += 1;
    }
    for (const b of boundaries) {
      await repo.upsertBoundary(trx, {
        unitId: ids.get(b.code)!,
        geometry: b.geometry,
        bbox: b.bbox,
        source: b.source,
      });
      result.boundaries += 1;
    }
    const provinces = units.filter((u) => u.kind === 'province');
    await recordAudit(trx, actor, {
      action: 'unit.import',
      entityType: 'unit',
      entityId: `import:${source}`,
      unitCode: provinces.length === 1 ? provinces[0]!.code : null,
      after: {
        file: source,
        validFrom,
        province: splitCodes(opts.province, 2),
        district: splitCodes(opts.district, 3),
        ...result,
        createdCodes: fresh.slice(0, 500).map((u) => u.code),
      },
    });
    return result;
  });
}

/** The version columns a units-file entry sets. */
function columns(u: ImportedUnit, ids: Map<string, string>) {
  return {
    name: u.name,
    full_name: u.fullName,
    name_en: u.nameEn,
    full_name_en: u.fullNameEn,
    kind: u.kind,
    category: u.category,
    parent_unit_id: u.parentCode ? ids.get(u.parentCode)! : null,
  };
}

/** Boundaries of the imported provinces and districts found in `<gisDir>/<province>.json`. */
async function readBoundaries(gisDir: string, units: ImportedUnit[]) {
  const wanted = new Set(
    units.filter((u) => u.kind === 'province' || u.kind === 'district').map((u) => u.code),
  );
  const out: {
    code: string;
    geometry: unknown;
    bbox: [number, number, number, number];
    source: string;
  }[] = [];
  for (const province of units.filter((u) => u.kind === 'province')) {
    const file = path.join(gisDir, `${province.code}.json`);
    const json = await readJson(file, true);
    if (json === undefined) continue; // not every province has boundary data
    for (const b of readGisFile(json)) {
      if (wanted.has(b.code)) out.push({ ...b, source: `gis/${province.code}.json` });
    }
  }
  return out;
}

/** Reads and parses a JSON file; a missing optional file gives undefined. */
async function readJson(file: string, optional = false): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'tệp không tồn tại / the file does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'không có quyền đọc / no permission to read it'
          : code === 'EISDIR'
            ? 'đây là một thư mục / it is a directory'
            : (err as Error).message;
    throw new AppError(
      'import_file_unreadable',
      400,
      `Không đọc được tệp dữ liệu ${file}: ${why}. Hãy kiểm tra đường dẫn (--file, --gis) rồi chạy lại. ` +
        `(Cannot read the data file ${file}: ${why}. Check the path and run again.)`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UnitsFileError(
      `Tệp ${file} không phải JSON hợp lệ (invalid JSON): ${(err as Error).message}`,
    );
  }
}
