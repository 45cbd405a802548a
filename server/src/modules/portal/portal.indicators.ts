// What the indicators read of online submissions: Long Xuyên's "provide information once"
// target (seed 003: 40 % of a citizen's data filled in automatically) and the reuse of
// digitised papers (766 index, số hoá: "reuse of digitised data", regulations.md §5).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export interface PrefillShare {
  /** Online submissions in the period. */
  submissions: number;
  /** Fields filled in automatically (and kept), over all fields of those submissions. */
  prefilledFields: number;
  totalFields: number;
  /** prefilledFields / totalFields; null without submissions. */
  prefillShare: number | null;
  /** Papers taken from the personal data store, over all papers attached. */
  reusedAttachments: number;
  totalAttachments: number;
  reuseShare: number | null;
}

/**
 * Over the online submissions received by these units in [from, to): the share of fields
 * filled in automatically and the share of papers reused from the data store. Field-weighted
 * (a long form counts more than a short one), as the target speaks of the citizen's data.
 */
export async function prefillShare(
  db: Db,
  q: { unitCodes: string[]; from: Date; to: Date },
): Promise<PrefillShare> {
  const empty = {
    submissions: 0,
    prefilledFields: 0,
    totalFields: 0,
    reusedAttachments: 0,
    totalAttachments: 0,
  };
  if (q.unitCodes.length === 0) return { ...empty, prefillShare: null, reuseShare: null };
  // The unit is the dossier's receiving unit, read through the dossiers module's table.
  const r = await db
    .selectFrom('portal_submission as s')
    .innerJoin('dossier as d', 'd.id', 's.dossier_id')
    .select([
      sql<number>`count(*)::int`.as('submissions'),
      sql<number>`coalesce(sum(s.prefilled_fields), 0)::int`.as('prefilled'),
      sql<number>`coalesce(sum(s.total_fields), 0)::int`.as('total'),
      sql<number>`coalesce(sum(s.reused_attachments), 0)::int`.as('reused'),
      sql<number>`coalesce(sum(s.total_attachments), 0)::int`.as('attachments'),
    ])
    .where('d.unit_code', 'in', q.unitCodes)
    .where('s.submitted_at', '>=', q.from)
    .where('s.submitted_at', '<', q.to)
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v);
  const total = n(r.total);
  const attachments = n(r.attachments);
  return {
    submissions: n(r.submissions),
    prefilledFields: n(r.prefilled),
    totalFields: total,
    prefillShare: total === 0 ? null : n(r.prefilled) / total,
    reusedAttachments: n(r.reused),
    totalAttachments: attachments,
    reuseShare: attachments === 0 ? null : n(r.reused) / attachments,
  };
}
