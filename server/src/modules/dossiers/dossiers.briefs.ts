// What the payments module needs to know of a dossier (its code, unit, fees, status), read by
// the dossiers module and handed out through index.ts: payments no longer names the `dossier`
// table in its SQL (issue 12, style.md "Boundaries").
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export interface DossierBrief {
  id: string;
  code: string;
  unit_code: string;
  fees_due: number;
  status: string;
  procedure_id: string;
  procedure_code: string;
  procedure_name: string;
  applicant_name: string;
}

const briefColumns = [
  'id',
  'code',
  'unit_code',
  'fees_due',
  'status',
  'procedure_id',
  'procedure_code',
  'procedure_name',
  'applicant_name',
] as const;
const toBrief = (r: DossierBrief): DossierBrief => ({ ...r, fees_due: Number(r.fees_due) });

/** One dossier's brief; null when there is none. */
export async function dossierBriefById(db: Db, id: string): Promise<DossierBrief | null> {
  const r = await db
    .selectFrom('dossier')
    .select(briefColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toBrief(r) : null;
}

/** Dossiers whose code is one of these (exact; `dossier.code` is unique). */
export async function dossierBriefsByCodes(db: Db, codes: string[]): Promise<DossierBrief[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('dossier')
    .select(briefColumns)
    .where('code', 'in', codes)
    .execute();
  return rows.map(toBrief);
}

/**
 * Fee-bearing dossiers whose code, stripped to letters and digits, occurs in `compact` — for
 * a bank reference whose punctuation the bank app removed. Scans the dossiers received since
 * `since` (the received_at index bounds it); at most 2 (the caller wants exactly one).
 */
export async function dossierBriefsInCompactReference(
  db: Db,
  compact: string,
  since: Date,
): Promise<DossierBrief[]> {
  const rows = await db
    .selectFrom('dossier')
    .select(briefColumns)
    .where('received_at', '>=', since)
    .where('fees_due', '>', 0)
    .where(
      sql<boolean>`position(regexp_replace(upper(code), '[^A-Z0-9]', '', 'g') in ${compact}) > 0`,
    )
    .limit(2)
    .execute();
  return rows.map(toBrief);
}

/** Codes of these dossiers (id → code), for lists that show them. */
export async function dossierCodesByIds(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('dossier')
    .select(['id', 'code'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}
