/** SQL of the field-report statistics (thống kê phản ánh). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

/** What the statistics need of one report. */
export interface StatsRow {
  handling_unit_code: string;
  status: string;
  created_at: Date;
  accept_due_at: Date;
  accepted_at: Date | null;
  resolve_due_at: Date | null;
  resolved_at: Date | null;
  overdue_at: Date | null;
  due_at: Date | null;
  reopen_count: number;
  rating: number | null;
  merged_into: string | null;
}

export const reportsStatsRepository = {
  /** Reports received in [from, to) handled by one of `units` (null = every unit). */
  async received(
    db: Db,
    f: { from: Date; to: Date; units: readonly string[] | null },
  ): Promise<StatsRow[]> {
    if (f.units && f.units.length === 0) return [];
    let q = db
      .selectFrom('report')
      .select([
        'handling_unit_code',
        'status',
        'created_at',
        'accept_due_at',
        'accepted_at',
        'resolve_due_at',
        'resolved_at',
        'overdue_at',
        'due_at',
        'reopen_count',
        'rating',
        'merged_into',
      ])
      .where('created_at', '>=', f.from)
      .where('created_at', '<', f.to);
    if (f.units) q = q.where('handling_unit_code', 'in', [...f.units]);
    return q.execute() as Promise<StatsRow[]>;
  },
};
