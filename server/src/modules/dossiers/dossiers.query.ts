import { vnDayEnd, vnDayStart } from '@cqs/shared/calendar/index';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { identityExpressions } from '../identity/index.js';
import { visibleUnitCodes } from './dossiers.access.js';
import { isDueSoon, isOverdue } from './dossiers.present.js';
import { RUNNING, dossiersRepository as repo } from './dossiers.repository.js';
import type { ListQuery } from './dossiers.schemas.js';
import {
  ACTION_LABELS,
  DOSSIER_STATUSES,
  type DossierAction,
  type DossierStatus,
  FINAL_STATUSES,
  STATUS_LABELS,
} from './dossiers.states.js';

const OPEN = DOSSIER_STATUSES.filter((s) => !FINAL_STATUSES.has(s));

import {
  type ApplicantDossierRef,
  type ApplicantProof,
  dossierForApplicant,
} from './dossiers.applicant-access.js';

type Db = Kysely<Database>;
type Query = z.infer<typeof ListQuery>;

/** A dossier code (e.g. `000.00.15.H01-261123-0001`) or its beginning: no spaces, digits, `.`/`-`. */
export function looksLikeCode(text: string): boolean {
  return (
    /^[0-9A-Za-z.]*\d[0-9A-Za-z.]*([-.][0-9A-Za-z.-]*)?$/.test(text) && /[-.]|^\d+$/.test(text)
  );
}

/** The filtered, unit-scoped base query shared by the list and its counts. */
function scoped(
  db: Db,
  units: string[] | null,
  q: Query,
  actor: Actor,
  now: Date,
  withStatus: boolean,
) {
  let b = db.selectFrom('dossier');
  const byCode = !!q.q && looksLikeCode(q.q.trim());
  if (units) {
    if (units.length === 0) b = b.where(sql<boolean>`false`);
    else if (byCode)
      // A code prefix finds a handful of rows by itself: check the units on those rows only
      // (`|| ''` keeps the planner from also scanning the units' indexes — tens of thousands
      // of entries per ward — to intersect with them).
      b = b.where((eb) =>
        eb.or([
          eb(sql`unit_code || ''`, 'in', units),
          eb(sql`handling_unit_code || ''`, 'in', units),
        ]),
      );
    else
      b = b.where((eb) =>
        eb.or([eb('unit_code', 'in', units), eb('handling_unit_code', 'in', units)]),
      );
  }
  if (withStatus && q.status) b = b.where('status', '=', q.status);
  // A work queue shows open dossiers; a date range, an outcome or a code looks everywhere.
  const state =
    q.state ?? (q.from || q.to || q.outcome || (q.q && looksLikeCode(q.q.trim())) ? 'all' : 'open');
  if (state === 'open') b = b.where('status', 'in', OPEN);
  if (state === 'final') b = b.where('status', 'in', [...FINAL_STATUSES]);
  if (q.unit)
    b = b.where((eb) =>
      eb.or([eb('unit_code', '=', q.unit!), eb('handling_unit_code', '=', q.unit!)]),
    );
  if (q.procedure)
    b = b.where((eb) =>
      eb.or([
        eb('procedure_code', '=', q.procedure!),
        eb(sql`procedure_id::text`, '=', q.procedure!),
      ]),
    );
  if (q.assignedToMe === 'true') b = b.where('assignee_id', '=', actor.id);
  if (q.overdue === 'true') b = b.where('status', 'in', [...RUNNING]).where('due_at', '<', now);
  if (q.dueSoon === 'true')
    // dossiers.present.ts isDueSoon: marked, running, not yet overdue.
    b = b
      .where('status', 'in', [...RUNNING])
      .where('due_soon_at', 'is not', null)
      .where('due_at', '>=', now);
  if (q.awaiting === 'approval')
    b = b.where('status', '=', 'processed').where('approved_at', 'is', null);
  if (q.sentBack === 'true')
    b = b
      .where('status', '=', 'in_progress')
      .where(
        (eb) =>
          eb
            .selectFrom('dossier_event as ev')
            .select('ev.action')
            .whereRef('ev.dossier_id', '=', 'dossier.id')
            .orderBy('ev.seq', 'desc')
            .limit(1),
        '=',
        'send_back',
      );
  if (q.channel) b = b.where('channel', '=', q.channel);
  if (q.outcome) b = b.where('outcome', '=', q.outcome);
  // A range of finishing days lists what the on-time rate of that period counts (its
  // denominator: every dossier finished in it, indicators library `dossiers.on_time`).
  const day = q.dates === 'finished' ? 'finished_at' : 'received_at';
  if (q.from) b = b.where(day, '>=', vnDayStart(q.from));
  if (q.to) b = b.where(day, '<', vnDayEnd(q.to));
  if (q.q) {
    const text = q.q.trim();
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    // A code is matched by prefix alone, so the index on code (text_pattern_ops) serves it;
    // anything else is a name, matched anywhere in the applicant's name.
    // The range repeats the prefix for the planner: the list is a prepared statement, and
    // a generic plan cannot read an index bound out of a `like` parameter (it scanned every
    // dossier of the caller's units instead) but can out of `~>=~`/`~<~` (text_pattern_ops).
    b = looksLikeCode(text)
      ? b
          .where('code', 'like', `${escaped}%`)
          .where('code', sql`~>=~`, text)
          .where('code', sql`~<~`, `${text}\u{10FFFF}`)
      : b.where(sql`lower(applicant_name)`, 'like', `%${escaped.toLowerCase()}%`);
  }
  return b;
}

/** A list row as the page's JSON gives it (timestamps as text). */
interface PageRow {
  id: string;
  code: string;
  procedure_id: string;
  procedure_code: string;
  procedure_name: string;
  unit_code: string;
  status: string;
  received_at: string;
  due_at: string;
  due_soon_at: string | null;
  outcome: 'early' | 'on_time' | 'late' | null;
  version: number;
  applicant_name: string;
  assignee_name: string | null;
}
interface CountRow {
  status: string;
  n: number;
  overdue: number;
  due_soon: number;
}

/** Staff list: the caller's units only, sorted by appointment, with counts for the chips. */
export async function listDossiers(db: Db, actor: Actor, q: Query, now: Date) {
  if (q.from && q.to && q.from > q.to)
    throw new ValidationError('Ngày bắt đầu phải trước ngày kết thúc.');
  const units = await visibleUnitCodes(db, actor);
  let page = scoped(db, units, q, actor, now, true)
    .select([
      'id',
      'code',
      'procedure_id',
      'procedure_code',
      'procedure_name',
      'unit_code',
      'status',
      'received_at',
      'due_at',
      'due_soon_at',
      'outcome',
      'version',
      'applicant_name',
      sql<
        string | null
      >`(${identityExpressions.accountBrief(sql.ref('assignee_id'))})->>'fullName'`.as(
        'assignee_name',
      ),
    ])
    .orderBy('due_at')
    .orderBy('id')
    .limit(q.limit + 1);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, ['instant', 'uuid']);
    const t = new Date(at);
    page = page.where((eb) =>
      eb.or([eb('due_at', '>', t), eb.and([eb('due_at', '=', t), eb('id', '>', id)])]),
    );
  }
  const base = scoped(db, units, q, actor, now, false);
  const counts = base
    .select([
      'status',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) filter (where status in ('received','in_progress') and due_at < ${now})`.as(
        'overdue',
      ),
      sql<number>`count(*) filter (where status in ('received','in_progress') and due_at >= ${now} and due_soon_at is not null)`.as(
        'due_soon',
      ),
    ])
    .groupBy('status');
  // The page and the chip counts in one round trip.
  const r = await sql<{ page: PageRow[]; counts: CountRow[] }>`select
      (select coalesce(json_agg(p), '[]'::json) from (${page}) p) as page,
      (select coalesce(json_agg(c), '[]'::json) from (${counts}) c) as counts`.execute(db);
  const rows = r.rows[0]!.page;
  const byStatus = r.rows[0]!.counts;
  const items = rows.slice(0, q.limit);
  const sum = (k: 'overdue' | 'due_soon') => byStatus.reduce((n, c) => n + Number(c[k]), 0);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      code: r.code,
      procedure: { id: r.procedure_id, code: r.procedure_code, name: r.procedure_name },
      unitCode: r.unit_code,
      status: r.status as DossierStatus,
      statusLabel: STATUS_LABELS[r.status as DossierStatus],
      receivedAt: new Date(r.received_at).toISOString(),
      dueAt: new Date(r.due_at).toISOString(),
      dueSoon: isDueSoon(r, now),
      overdue: isOverdue(r, now),
      outcome: r.outcome,
      version: r.version,
      applicantName: r.applicant_name,
      assigneeName: r.assignee_name,
    })),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([new Date(last.due_at), last.id]) : null,
    counts: {
      byStatus: Object.fromEntries(byStatus.map((s) => [s.status, Number(s.n)])),
      overdue: sum('overdue'),
      dueSoon: sum('due_soon'),
      paused: Number(byStatus.find((c) => c.status === 'awaiting_completion')?.n ?? 0),
    },
  };
}

/**
 * The public tracking page (tra cứu hồ sơ): code + the applicant's phone, nothing personal
 * back. A wrong phone looks exactly like an unknown code.
 */
export async function publicStatus(db: Db, code: string, proof: ApplicantProof) {
  const ref = await dossierForApplicant(db, code, proof);
  if (!ref) {
    throw new NotFoundError(
      proof.citizenId
        ? 'Không tìm thấy hồ sơ với mã và số CCCD này.'
        : 'Không tìm thấy hồ sơ với mã và số điện thoại này.',
      'dossier_not_found',
    );
  }
  return publicStatusOf(db, ref);
}

/** The public view (status and steps, no personal data) of a dossier the caller may see. */
export async function publicStatusOf(db: Db, ref: ApplicantDossierRef) {
  const events = await repo.eventsOf(db, ref.id);
  return {
    code: ref.code,
    procedureName: ref.procedureName,
    status: ref.status,
    statusLabel: STATUS_LABELS[ref.status],
    receivedAt: ref.receivedAt.toISOString(),
    dueAt: ref.dueAt.toISOString(),
    timeline: events.map((e) => ({
      at: new Date(e.occurred_at).toISOString(),
      action: e.action,
      label: ACTION_LABELS[e.action as DossierAction] ?? e.action,
    })),
  };
}
