import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import { testConfig } from '../../../test/helpers.js';
import type { Db } from '../db/connect.js';
import { JobRunner } from '../jobs/job-runner.js';
import { backupDir, backupJobs } from './backup.jobs.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe.skipIf(process.env.TEST_DATABASE_URL)('embedded maintenance jobs', () => {
  it('the scheduled backup writes files and keeps only the last N; VACUUM ANALYZE runs', async () => {
    const config = testConfig({ backupKeep: 2 });
    const jobs = backupJobs(config, db);
    expect(jobs.map((j) => j.name).sort()).toEqual(['platform.backup', 'platform.vacuum']);
    expect(jobs.every((j) => j.schedule)).toBe(true);
    const runner = new JobRunner(db.kysely, jobs);
    for (let i = 0; i < 3; i++) {
      await runner.enqueue(db.kysely, 'platform.backup', {});
      await runner.tick();
      await new Promise((r) => setTimeout(r, 5)); // distinct file names (millisecond stamps)
    }
    const files = fs.readdirSync(backupDir(config));
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^cqs-backup-.*\.jsonl\.gz$/.test(f))).toBe(true);
    expect(fs.statSync(path.join(backupDir(config), files[0]!)).size).toBeGreaterThan(0);
    await runner.enqueue(db.kysely, 'platform.vacuum', {});
    await runner.tick();
    const rows = await db.kysely.selectFrom('job').select(['name', 'status']).execute();
    expect(rows.every((r) => r.status === 'done')).toBe(true);
  });

  it('has no such jobs on PostgreSQL, where the server does its own vacuuming', () => {
    expect(backupJobs(testConfig(), { ...db, kind: 'postgres' })).toEqual([]);
  });
});
