// The `dossier` fact (platform/facts/fact-kinds.ts DossierFact): what the indicators know of a
// dossier, published in the same statement or transaction as every change to it (issue 12).
// The keys are SQL over the dossier row, so the one-statement writes of decision 0005 (receipt
// and action) stay one statement: the fact is two more CTEs over the row they wrote.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publishFact, publishFactCtes, publishStockFactCtes } from '../../platform/facts/index.js';

type Db = Kysely<Database>;

/** Local day (Asia/Ho_Chi_Minh, UTC+7 without daylight saving) of a timestamptz column. */
export const vnDay = (col: RawBuilder<unknown>) =>
  sql`to_char((${col} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;

/**
 * The keys the dossier row alone determines, as a jsonb over the row alias `r`. endState
 * (regulations.md §5 counts dossiers "đã giải quyết"): processed; returned; stopped for
 * refused, stopped and withdrawn (the applicant's withdrawal ends it unprocessed too).
 */
export function dossierRowFact(r: string): RawBuilder<unknown> {
  const c = (col: string) => sql.ref(`${r}.${col}`);
  return sql`jsonb_build_object(
    'procedureCode', ${c('procedure_code')},
    'channel', ${c('channel')},
    'receivedOn', ${vnDay(c('received_at'))},
    'status', ${c('status')},
    'handlingUnitCode', ${c('handling_unit_code')},
    'finishedOn', ${vnDay(c('finished_at'))},
    'outcome', ${c('outcome')},
    'onTime', case when ${c('outcome')} is null then null
      else ${c('outcome')} in ('early', 'on_time') end,
    'endState', case ${c('status')} when 'processed' then 'processed'
      when 'returned' then 'returned'
      when 'refused' then 'stopped' when 'stopped' then 'stopped' when 'withdrawn' then 'stopped'
      else null end,
    'returnedOn', ${vnDay(c('returned_at'))},
    'resultElectronic', case when ${c('returned_at')} is null then null
      else coalesce(${c('return_method')} = 'electronic', false) end,
    'feesDue', ${c('fees_due')}::bigint,
    'feeBearing', ${c('fees_due')} > 0)`;
}

/** The procedure's online level as the fact names it ('info' = only information online). */
export const factOnlineLevel = (level: string): 'full' | 'partial' | 'none' =>
  level === 'full' ? 'full' : level === 'partial' ? 'partial' : 'none';

/** The fact CTEs of a one-statement write whose row CTE is `from`. */
export function dossierFactCtes(from: string, extra?: Record<string, unknown>) {
  const data = extra
    ? sql`${dossierRowFact(from)} || ${JSON.stringify(extra)}::jsonb`
    : dossierRowFact(from);
  return publishFactCtes('fa', from, {
    kind: 'dossier',
    subjectId: sql.ref(`${from}.id`),
    unitCode: sql.ref(`${from}.unit_code`),
    data,
  });
}

/**
 * The `procedure_offer` fact (fact-kinds.ts ProcedureOfferFact) of a receipt whose row CTE is
 * `from`: receiving a procedure's dossier shows the unit offers it (the catalogue has no
 * per-unit offering). A new offer starts on the receipt day; an existing one moves its
 * `sinceOn` back only for an earlier receipt at the same level (a back-dated receipt), so it is
 * queued for the followers only when it changes. The procedures module republishes the offers
 * when the procedure's level changes (procedures.offers.ts).
 */
export function offerFactCtes(from: string, onlineLevel: string): RawBuilder<unknown>[] {
  const c = (col: string) => sql.ref(`${from}.${col}`);
  return publishStockFactCtes('fo', from, {
    kind: 'procedure_offer',
    subjectId: sql`${c('unit_code')} || ':' || ${c('procedure_code')}`,
    unitCode: c('unit_code'),
    data: sql`jsonb_build_object('procedureCode', ${c('procedure_code')},
      'onlineLevel', ${onlineLevel}::text, 'sinceOn', ${vnDay(c('received_at'))})`,
    since: 'sinceOn',
    match: 'onlineLevel',
  });
}

/**
 * Republishes `digitised` (số hoá): the dossier has an attachment, and every component whose
 * attachment is required (procedure component `attachment.required`) has one. Call it in the
 * transaction that adds a file.
 */
export async function publishDigitised(
  trx: Db,
  dossierId: string,
  requiredKeys: string[],
): Promise<boolean> {
  const files = await trx
    .selectFrom('dossier_file')
    .select('component_key')
    .where('dossier_id', '=', dossierId)
    .where('kind', '=', 'attachment')
    .execute();
  const have = new Set(files.map((f) => f.component_key));
  const digitised = files.length > 0 && requiredKeys.every((k) => have.has(k));
  await publishFact(trx, { kind: 'dossier', subjectId: dossierId, data: { digitised } });
  return digitised;
}

/** Components whose paper must be attached (what `digitised` requires). */
export const requiredAttachmentKeys = (
  components: { key: string; attachment: { required: boolean } }[],
): string[] => components.filter((c) => c.attachment.required).map((c) => c.key);
