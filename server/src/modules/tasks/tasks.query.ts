// Reading tasks: one task with its history, the lists (cursor-paged), and tasks by source.
import type { WorkingCalendar } from '@cqs/shared/calendar/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { ValidationError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { requireStaff } from '../identity/index.js';
import { cachedUnitDescendants, vnToday } from '../org/index.js';
import { ownUnits, requireVisible, visibleUnits } from './tasks.access.js';
import { tasksRepository as repo, type TaskFilter, type TaskRow } from './tasks.repository.js';
import { isDueSoon, isOverdue } from './tasks.rules.js';
import {
  type ListQuery,
  TASK_SOURCE_TYPES,
  TASK_STATUS_LABELS,
  type TaskView,
} from './tasks.schemas.js';

type Db = Kysely<Database>;
type Query = ReturnType<typeof ListQuery.parse>;
const CURSOR = [{ tag: 'tasks' }, 'instant', 'uuid'] as const;

const iso = (d: Date | string) => new Date(d).toISOString();

/** The API view of a task row; `cal` decides "due soon" (working days), today "overdue". */
export function presentTask(t: TaskRow, cal: WorkingCalendar, today: string): TaskView {
  return {
    id: t.id,
    content: t.content,
    source: { type: t.source_type, id: t.source_id, label: t.source_label },
    assignedByUnitCode: t.assigned_by_unit_code,
    leadUnitCode: t.lead_unit_code,
    supportUnitCodes: t.support_unit_codes,
    responsible:
      t.responsible_id && t.responsible_name
        ? { id: t.responsible_id, fullName: t.responsible_name }
        : null,
    kind: t.kind,
    deadlineOn: t.deadline_on,
    deadlineNote: t.deadline_note,
    status: t.status,
    statusLabel: isOverdue(t, today) ? 'Quá hạn' : TASK_STATUS_LABELS[t.status],
    overdue: isOverdue(t, today),
    dueSoon: isDueSoon(cal, t, today),
    percent: t.percent,
    doneOn: t.done_on,
    onTime: t.on_time,
    version: t.version,
    createdAt: iso(t.created_at),
    updatedAt: iso(t.updated_at),
  };
}

/** One task with its progress reports, events and files, if the actor may see it. */
export async function taskDetail(
  db: Db,
  actor: Actor | null,
  id: string,
  cal: (unit: string) => Promise<WorkingCalendar>,
  now: Date,
) {
  const t = await repo.findById(db, id);
  const rights = await requireVisible(db, actor, t);
  const [progress, events, files] = await Promise.all([
    repo.progress(db, id),
    repo.events(db, id),
    repo.files(db, id),
  ]);
  return {
    ...presentTask(t!, await cal(t!.lead_unit_code), vnToday(now)),
    progress: progress.map((p) => ({
      id: p.id,
      percent: p.percent,
      text: p.text,
      authorName: p.author_name,
      authorUnitCode: p.author_unit_code,
      reportedAt: iso(p.reported_at),
      fileIds: files.filter((f) => f.progress_id === p.id).map((f) => f.id),
    })),
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      unitCode: e.unit_code,
      occurredAt: iso(e.occurred_at),
      payload: (e.payload ?? {}) as Record<string, unknown>,
    })),
    files: files.map(presentFile),
    allowed: { manage: rights.manage, report: rights.report, note: rights.note },
  };
}

export function presentFile(f: {
  id: string;
  filename: string;
  mime: string;
  size: number | string;
  sha256: string;
  progress_id: string | null;
  created_at: Date | string;
}) {
  return {
    id: f.id,
    filename: f.filename,
    mime: f.mime,
    size: Number(f.size),
    sha256: f.sha256,
    progressId: f.progress_id,
    createdAt: iso(f.created_at),
  };
}

function parseSource(source: string | undefined): TaskFilter['source'] {
  if (source === undefined) return undefined;
  const i = source.indexOf(':');
  const type = i < 0 ? source : source.slice(0, i);
  if (!(TASK_SOURCE_TYPES as readonly string[]).includes(type))
    throw new ValidationError('Nguồn nhiệm vụ không hợp lệ.', [
      { path: 'querystring.source', message: `Một trong: ${TASK_SOURCE_TYPES.join(', ')}.` },
    ]);
  return i < 0 ? { type } : { type, id: source.slice(i + 1) };
}

/**
 * A page of tasks. `all`: tasks assigned by or led by units of the caller's subtrees (or of
 * `unit`'s subtree within them — outside them nothing); `mine`: tasks led by one of the
 * caller's own units, or whose responsible person is the caller.
 */
export async function listTasks(
  db: Db,
  actorIn: Actor | null,
  q: Query,
  which: 'all' | 'mine',
  cal: (unit: string) => Promise<WorkingCalendar>,
  now: Date,
) {
  const actor = requireStaff(actorIn);
  const today = vnToday(now);
  let units = await visibleUnits(db, actor);
  if (q.unit) {
    const sub = await cachedUnitDescendants(db, q.unit, actor.generations);
    units = units === null ? sub : sub.filter((u) => units!.includes(u));
  }
  const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
  const rows = await repo.list(db, {
    units,
    mine: which === 'mine' ? { units: ownUnits(actor), responsibleId: actor.id } : undefined,
    status: q.status,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    lead: q.lead,
    source: parseSource(q.source),
    today,
    after: after ? { createdAt: after[1], id: after[2] } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const items: TaskView[] = [];
  for (const t of page) items.push(presentTask(t, await cal(t.lead_unit_code), today));
  return {
    items,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor(['tasks', last.created_at, last.id]) : null,
  };
}
