import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDb } from '../../../test/db.js';
import type { Db } from '../db/connect.js';
import { defineJob } from './job-definition.js';
import { JobRunner, nextCronRun } from './job-runner.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('job runner', () => {
  it('runs a queued job with its typed payload', async () => {
    const seen: string[] = [];
    const runner = new JobRunner(db.kysely, [
      defineJob({
        name: 'test.echo',
        payload: z.object({ text: z.string() }),
        handler: async (p) => void seen.push(p.text),
      }),
    ]);
    await runner.enqueue(db.kysely, 'test.echo', { text: 'xin chào' });
    expect(await runner.tick()).toBe(1);
    expect(seen).toEqual(['xin chào']);
    const row = await db.kysely
      .selectFrom('job')
      .selectAll()
      .where('name', '=', 'test.echo')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
  });

  it('retries a failing job with back-off, then marks it failed', async () => {
    let calls = 0;
    const runner = new JobRunner(db.kysely, [
      defineJob({
        name: 'test.fail',
        payload: z.object({}),
        maxAttempts: 2,
        handler: async () => {
          calls++;
          throw new Error('hỏng');
        },
      }),
    ]);
    await runner.enqueue(db.kysely, 'test.fail', {});
    await runner.tick();
    let row = await db.kysely
      .selectFrom('job')
      .selectAll()
      .where('name', '=', 'test.fail')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('queued');
    expect(row.last_error).toContain('hỏng');
    await sql`update job set run_at = now() where id = ${row.id}`.execute(db.kysely);
    await runner.tick();
    row = await db.kysely
      .selectFrom('job')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(calls).toBe(2);
  });

  it('refuses to start when a queued job has no handler', async () => {
    await sql`insert into job (name) values ('test.orphan')`.execute(db.kysely);
    const runner = new JobRunner(db.kysely, []);
    await expect(runner.prepare()).rejects.toThrow(/no handler: test.orphan/);
    await sql`delete from job where name = 'test.orphan'`.execute(db.kysely);
  });

  it('turns one schedule slot into exactly one job even when two runners tick together', async () => {
    const runs: string[] = [];
    const def = defineJob({
      name: 'test.nightly',
      payload: z.object({}),
      schedule: '0 2 * * *',
      handler: async (_p, ctx) => void runs.push(ctx.scheduledFor ?? '?'),
    });
    const a = new JobRunner(db.kysely, [def]);
    const b = new JobRunner(db.kysely, [def]);
    await a.prepare();
    await b.prepare();
    // Make the slot due now.
    await sql`update job_schedule set next_run_at = now() - interval '1 second' where name = 'test.nightly'`.execute(
      db.kysely,
    );
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(runs).toHaveLength(1);
    const sched = await db.kysely
      .selectFrom('job_schedule')
      .selectAll()
      .where('name', '=', 'test.nightly')
      .executeTakeFirstOrThrow();
    expect(sched.next_run_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('computes cron slots in Vietnam time', () => {
    const next = nextCronRun('30 2 * * *', new Date('2026-11-22T00:00:00Z'));
    expect(next.toISOString()).toBe('2026-11-22T19:30:00.000Z'); // 02:30 on 23/11 at +07:00
  });
});

describe('maintenance', () => {
  it('purges finished jobs older than 7 days and keeps recent and failed ones', async () => {
    const { maintenanceJobs } = await import('./maintenance.jobs.js');
    await sql`delete from job`.execute(db.kysely);
    await sql`insert into job (name, status, finished_at) values
      ('test.old', 'done', now() - interval '8 days'),
      ('test.recent', 'done', now() - interval '1 day'),
      ('test.failed', 'failed', now() - interval '8 days')`.execute(db.kysely);
    const runner = new JobRunner(db.kysely, maintenanceJobs());
    await runner.enqueue(db.kysely, 'platform.purge-jobs', {});
    await runner.tick();
    const left = await sql<{
      name: string;
    }>`select name from job where name like 'test.%' order by name`.execute(db.kysely);
    expect(left.rows.map((r) => r.name)).toEqual(['test.failed', 'test.recent']);
  });
});
