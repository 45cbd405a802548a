import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { TaskEventTable, TaskTable } from './tasks.tables.js';

type Db = Kysely<Database>;
export type TaskRow = Selectable<TaskTable>;
export type NewTask = Insertable<TaskTable>;

/** Filters of a list, already checked against the caller's scope. */
export interface TaskFilter {
  /** Assigned by or led by one of these units; null = every unit. */
  units: string[] | null;
  /** Led by one of these units, or assigned to `responsibleId` (the "our tasks" list). */
  mine?: { units: string[]; responsibleId: string | null };
  status?: string;
  overdue?: boolean;
  lead?: string;
  source?: { type: string; id?: string };
  today: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

/** The only SQL of the tasks module. */
export const tasksRepository = {
  async insert(db: Db, row: NewTask): Promise<TaskRow> {
    return db.insertInto('task').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async findById(db: Db, id: string, forUpdate = false): Promise<TaskRow | undefined> {
    let q = db.selectFrom('task').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /** Updates a task at `version` (bumping it); undefined when another change came first. */
  async update(
    db: Db,
    id: string,
    version: number,
    patch: Updateable<TaskTable>,
    at: Date,
  ): Promise<TaskRow | undefined> {
    return db
      .updateTable('task')
      .set({ ...patch, version: sql`version + 1`, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  async insertEvent(
    db: Db,
    e: Omit<Insertable<TaskEventTable>, 'seq' | 'payload'> & { payload?: unknown },
  ): Promise<void> {
    await sql`
      insert into task_event
        (task_id, seq, action, from_status, to_status, actor_id, actor_name, unit_code,
         occurred_at, payload)
      values (${e.task_id},
        (select coalesce(max(seq), 0) + 1 from task_event where task_id = ${e.task_id}),
        ${e.action}, ${e.from_status ?? null}, ${e.to_status}, ${e.actor_id ?? null},
        ${e.actor_name}, ${e.unit_code}, ${e.occurred_at}, ${JSON.stringify(e.payload ?? {})}::jsonb)`.execute(
      db,
    );
  },

  events(db: Db, taskId: string) {
    return db
      .selectFrom('task_event')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('seq')
      .execute();
  },

  progress(db: Db, taskId: string) {
    return db
      .selectFrom('task_progress')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('n')
      .execute();
  },

  files(db: Db, taskId: string) {
    return db
      .selectFrom('task_file')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  findFile(db: Db, taskId: string, fileId: string) {
    return db
      .selectFrom('task_file')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('id', '=', fileId)
      .executeTakeFirst();
  },

  insertFile(
    db: Db,
    f: {
      task_id: string;
      filename: string;
      mime: string;
      size: number;
      sha256: string;
      uploaded_by: string | null;
    },
  ) {
    return db.insertInto('task_file').values(f).returningAll().executeTakeFirstOrThrow();
  },

  insertProgress(
    db: Db,
    p: {
      task_id: string;
      percent: number | null;
      text: string;
      author_id: string | null;
      author_name: string;
      author_unit_code: string | null;
      reported_at: Date;
    },
  ) {
    return db.insertInto('task_progress').values(p).returningAll().executeTakeFirstOrThrow();
  },

  /** Attaches not-yet-attached files of the task to a report; returns how many it took. */
  async attachFiles(db: Db, taskId: string, progressId: string, fileIds: string[]) {
    if (fileIds.length === 0) return 0;
    const r = await db
      .updateTable('task_file')
      .set({ progress_id: progressId })
      .where('task_id', '=', taskId)
      .where('id', 'in', fileIds)
      .where('progress_id', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async list(db: Db, f: TaskFilter): Promise<TaskRow[]> {
    let q = db.selectFrom('task').selectAll();
    if (f.units) {
      const units = f.units;
      if (units.length === 0) return [];
      q = q.where((eb) =>
        eb.or([eb('assigned_by_unit_code', 'in', units), eb('lead_unit_code', 'in', units)]),
      );
    }
    if (f.mine) {
      const { units, responsibleId } = f.mine;
      q = q.where((eb) =>
        eb.or([
          ...(units.length > 0 ? [eb('lead_unit_code', 'in', units)] : []),
          ...(responsibleId ? [eb('responsible_id', '=', responsibleId)] : []),
          eb.val(false),
        ]),
      );
    }
    if (f.status) q = q.where('status', '=', f.status as TaskRow['status']);
    if (f.overdue !== undefined) {
      const overdue = sql<boolean>`(status in ('not_started','in_progress')
        and deadline_on is not null and deadline_on < ${f.today})`;
      q = q.where(f.overdue ? overdue : sql<boolean>`not ${overdue}`);
    }
    if (f.lead) q = q.where('lead_unit_code', '=', f.lead);
    if (f.source) {
      q = q.where('source_type', '=', f.source.type as TaskRow['source_type']);
      if (f.source.id !== undefined) q = q.where('source_id', '=', f.source.id);
    }
    if (f.after) {
      const { createdAt, id } = f.after;
      q = q.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
    }
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  },

  bySource(db: Db, type: string, id: string) {
    return db
      .selectFrom('task')
      .selectAll()
      .where('source_type', '=', type as TaskRow['source_type'])
      .where('source_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  /**
   * Open tasks whose deadline is near or past and whose notice for that deadline is not yet
   * sent (a changed deadline re-arms both notices).
   */
  sweepCandidates(db: Db, horizon: string, limit: number) {
    return db
      .selectFrom('task')
      .select(['id', 'lead_unit_code', 'deadline_on', 'due_soon_for', 'overdue_for', 'status'])
      .where('status', 'in', ['not_started', 'in_progress'])
      .where('deadline_on', 'is not', null)
      .where('deadline_on', '<=', horizon)
      .where((eb) =>
        eb.or([eb('overdue_for', 'is', null), eb('overdue_for', '!=', eb.ref('deadline_on'))]),
      )
      .orderBy('deadline_on')
      .limit(limit)
      .execute();
  },

  /** Marks the notice for this deadline as sent, once; undefined if already sent or moot. */
  async claimNotice(
    db: Db,
    id: string,
    which: 'overdue' | 'due_soon',
    due: string,
  ): Promise<TaskRow | undefined> {
    const col = which === 'overdue' ? 'overdue_for' : 'due_soon_for';
    return db
      .updateTable('task')
      .set({ [col]: due })
      .where('id', '=', id)
      .where('deadline_on', '=', due)
      .where('status', 'in', ['not_started', 'in_progress'])
      .where((eb) => eb.or([eb(col, 'is', null), eb(col, '!=', due)]))
      .returningAll()
      .executeTakeFirst();
  },
};
