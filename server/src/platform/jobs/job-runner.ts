import { randomUUID } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { JobDefinition } from './job-definition.js';

export interface JobRunnerOptions {
  /** How often a worker looks for due jobs and schedules. */
  pollMs?: number;
  /** How many jobs one tick may run. */
  batch?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

const TZ = 'Asia/Ho_Chi_Minh';

/** The next instant a cron expression fires after `after`, in Vietnam time. */
export function nextCronRun(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: TZ }).next().toDate();
}

/**
 * Runs jobs stored in the database. Any number of processes may run one against the same
 * PostgreSQL database: a job is claimed with `FOR UPDATE SKIP LOCKED`, and a schedule slot
 * is claimed by moving `job_schedule.next_run_at` forward with a conditional UPDATE, so each
 * slot produces exactly one job whichever process sees it first. On PGlite there is one
 * process and the same code runs unchanged.
 */
export class JobRunner {
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly defs = new Map<string, JobDefinition<any>>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Kysely<Database>,
    defs: JobDefinition<any>[],
    private readonly opts: JobRunnerOptions = {},
  ) {
    for (const d of defs) {
      if (this.defs.has(d.name)) throw new Error(`job ${d.name} is defined twice`);
      if (d.schedule) nextCronRun(d.schedule, new Date()); // throws early on a bad expression
      this.defs.set(d.name, d);
    }
  }

  /** Adds a job to the queue, inside the caller's transaction when given one. */
  async enqueue(
    db: Kysely<Database>,
    name: string,
    payload: unknown,
    opts: { runAt?: Date; singletonKey?: string; scheduledFor?: string } = {},
  ): Promise<void> {
    const def = this.defs.get(name);
    if (!def) throw new Error(`no handler for job ${name}`);
    const parsed = def.payload.parse(payload) as Record<string, unknown>;
    // The schedule slot rides beside the typed payload (the schema need not know it).
    if (opts.scheduledFor) parsed.scheduledFor = opts.scheduledFor;
    await db
      .insertInto('job')
      .values({
        name,
        payload: JSON.stringify(parsed ?? {}),
        run_at: opts.runAt ?? new Date(),
        singleton_key: opts.singletonKey ?? null,
        max_attempts: def.maxAttempts ?? 5,
        locked_by: null,
        locked_until: null,
        last_error: null,
        finished_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /**
   * Registers schedules and checks the queue. Fails when a stored job has no handler, so a
   * deploy that forgot a job cannot silently leave work undone.
   */
  async prepare(): Promise<void> {
    const orphans = await this.db
      .selectFrom('job')
      .select('name')
      .distinct()
      .where('status', 'in', ['queued', 'running'])
      .execute();
    const missing = orphans.map((o) => o.name).filter((n) => !this.defs.has(n));
    if (missing.length > 0)
      throw new Error(`jobs in the queue have no handler: ${missing.join(', ')}`);
    for (const d of this.defs.values()) {
      if (!d.schedule) continue;
      const next = nextCronRun(d.schedule, new Date());
      // A changed expression takes effect at once; an unchanged one keeps its next slot.
      await sql`
        insert into job_schedule (name, cron, next_run_at) values (${d.name}, ${d.schedule}, ${next})
        on conflict (name) do update set cron = excluded.cron, next_run_at = excluded.next_run_at
        where job_schedule.cron <> excluded.cron`.execute(this.db);
    }
  }

  /** Starts polling. */
  async start(): Promise<void> {
    await this.prepare();
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick().then(
        () => undefined,
        (err) => this.log('error', 'job tick failed', { err: String(err) }),
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.opts.pollMs ?? 1000);
    };
    this.timer = setTimeout(loop, 0);
  }

  /** Stops polling and waits for the current tick to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: claim due schedule slots, requeue abandoned jobs, run due jobs. */
  async tick(): Promise<number> {
    await this.claimSchedules();
    await sql`update job set status = 'queued', locked_by = null, locked_until = null
      where status = 'running' and locked_until < now()`.execute(this.db);
    let ran = 0;
    const batch = this.opts.batch ?? 10;
    while (ran < batch && (await this.runOne())) ran += 1;
    return ran;
  }

  /** Jobs waiting, for /metrics. */
  async queueDepth(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('job')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  private async claimSchedules(): Promise<void> {
    const due = await sql<{ name: string; cron: string; next_run_at: Date }>`
      select name, cron, next_run_at from job_schedule where next_run_at <= now()`.execute(this.db);
    for (const s of due.rows) {
      if (!this.defs.has(s.name)) continue;
      await this.db.transaction().execute(async (trx) => {
        // Row lock + re-check: a second process waits here, then sees the moved slot and
        // gets no row back, so one slot yields one job.
        const locked = await sql<{
          cron: string;
          next_run_at: Date;
        }>`select cron, next_run_at from job_schedule
          where name = ${s.name} and next_run_at <= now() for update`.execute(trx);
        const row = locked.rows[0];
        if (!row) return;
        const slot = new Date(row.next_run_at);
        const next = nextCronRun(row.cron, new Date(Math.max(Date.now(), slot.getTime())));
        await sql`update job_schedule set next_run_at = ${next}, last_run_at = now() where name = ${s.name}`.execute(
          trx,
        );
        const key = slot.toISOString();
        await this.enqueue(trx, s.name, {}, { singletonKey: key, scheduledFor: key });
      });
    }
  }

  private async runOne(): Promise<boolean> {
    const claimed = await sql<{
      id: number;
      name: string;
      payload: unknown;
      attempts: number;
      max_attempts: number;
    }>`
      update job set status = 'running', attempts = attempts + 1, locked_by = ${this.workerId},
        locked_until = now() + interval '10 minutes'
      where id = (select id from job where status = 'queued' and run_at <= now()
                  order by run_at, id limit 1 for update skip locked)
      returning id, name, payload, attempts, max_attempts`.execute(this.db);
    const job = claimed.rows[0];
    if (!job) return false;
    const def = this.defs.get(job.name);
    try {
      if (!def) throw new Error(`no handler for job ${job.name}`);
      const payload = def.payload.parse(job.payload);
      const scheduledFor = (job.payload as { scheduledFor?: string } | null)?.scheduledFor;
      await def.handler(payload, {
        db: this.db,
        jobId: job.id,
        attempt: job.attempts,
        scheduledFor,
        enqueue: (name, p, opts) => this.enqueue(this.db, name, p, opts),
      });
      await sql`update job set status = 'done', finished_at = now(), locked_by = null, locked_until = null
        where id = ${job.id}`.execute(this.db);
    } catch (err) {
      const final = job.attempts >= job.max_attempts;
      const backoffSec = Math.min(3600, 10 * 2 ** (job.attempts - 1));
      this.log(final ? 'error' : 'warn', `job ${job.name} failed`, {
        id: job.id,
        err: String(err),
      });
      await sql`update job set status = ${final ? 'failed' : 'queued'}, last_error = ${String(err).slice(0, 2000)},
        run_at = now() + make_interval(secs => ${backoffSec}), locked_by = null, locked_until = null,
        finished_at = ${final ? new Date() : null}
        where id = ${job.id}`.execute(this.db);
    }
    return true;
  }

  private log(level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) {
    this.opts.log?.(level, msg, extra);
  }
}
