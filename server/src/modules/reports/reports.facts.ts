// The `report` fact (platform/facts/fact-kinds.ts ReportFact): what the indicators know of a
// field report, published in the transaction of its receipt and of every change (issue 12;
// "field reports handled on time", "resolved", "reopened"). The fact's unit is the handling
// unit (it follows a transfer); onTime compares the resolution with the SLA's resolve
// deadline (reports.sla.ts).
import { vnDateOf } from '@cqs/shared/calendar/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publishFact } from '../../platform/facts/index.js';
import type { ReportRow } from './reports.repository.js';

/** Statuses in which the report counts as resolved (đã xử lý); a reopen leaves them. */
const RESOLVED = new Set(['resolved', 'closed']);

/** The fact keys of a report row. */
export function reportFactOf(r: ReportRow): Record<string, unknown> {
  const resolved = RESOLVED.has(r.status) && r.resolved_at !== null;
  const resolvedAt = resolved ? new Date(r.resolved_at!) : null;
  return {
    categoryCode: r.category_code,
    channel: r.channel,
    receivedOn: vnDateOf(new Date(r.created_at)),
    status: r.status,
    resolvedOn: resolvedAt ? vnDateOf(resolvedAt) : null,
    // No resolve deadline (an SLA without one): resolved counts on time.
    onTime: resolvedAt
      ? r.resolve_due_at === null || resolvedAt.getTime() <= new Date(r.resolve_due_at).getTime()
      : null,
    reopenedCount: r.reopen_count,
    reopened: r.reopen_count > 0,
  };
}

/** Publishes a report's fact; call it with the transaction that wrote `row`. */
export async function publishReportFact(trx: Kysely<Database>, row: ReportRow): Promise<void> {
  await publishFact(trx, {
    kind: 'report',
    subjectId: row.id,
    unitCode: row.handling_unit_code,
    data: reportFactOf(row),
  });
}
