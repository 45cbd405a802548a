import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PASSWORD } from '../../../test/factories/dossiers.js';
import { buildUnit } from '../../../test/factories/org.js';
import {
  createTestApp,
  createTestDb,
  TEST_AUDIT_KEY,
  type TestApp,
} from '../../../test/helpers.js';
import { checkpointFilePath, readCheckpoints } from '../audit/audit.checkpoint.js';
import { auditCheckpointer } from '../audit/audit.jobs.js';
import { backupDir } from '../backup/backup.jobs.js';
import { restoreBackup } from '../backup/backup.js';

let t: TestApp;
/** Headers of each caller that is not a system administrator (anonymous: none). */
const outsiders: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await createTestApp();
  const unit = await buildUnit(t.db.kysely);
  for (const [username, roles, kind] of [
    ['qt.donvi', [{ role: 'admin', unitCode: unit.code }], 'staff'],
    ['motcua.donvi', [{ role: 'desk_officer', unitCode: unit.code }], 'staff'],
    ['cong.dan.a', [{ role: 'citizen', unitCode: null }], 'citizen'],
  ] as const) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: { username, password: STAFF_PASSWORD, fullName: `Người ${username}`, kind, roles },
    });
    if (r.statusCode !== 201) throw new Error(`user ${username}: ${r.body}`);
    outsiders[username] = (await t.login(username, STAFF_PASSWORD)).headers;
  }
  outsiders.anonymous = {};
});
afterAll(() => t.close());

const backups = () =>
  fs.existsSync(backupDir(t.ctx.config))
    ? fs.readdirSync(backupDir(t.ctx.config)).filter((f) => f.startsWith('cqs-backup-'))
    : [];

describe('POST /api/v1/admin/backups', () => {
  it('writes a backup file an administrator can restore, and audits it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/backups',
      headers: t.admin.headers,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { file: string; tables: Record<string, number> };
    expect(backups()).toContain(body.file);
    expect(body.tables.app_user).toBe(4);
    expect(body.tables.audit_log).toBeGreaterThan(0);
    const audit = await sql<{ actor_name: string }>`
      select actor_name from audit_log where action = 'backup.create' and entity_id = ${body.file}`.execute(
      t.db.kysely,
    );
    expect(audit.rows).toEqual([{ actor_name: 'admin' }]);
    // The file is a real backup: it restores, keyed chain verified, into an empty database.
    const target = await createTestDb();
    try {
      const counts = await restoreBackup(
        target.kysely,
        path.join(backupDir(t.ctx.config), body.file),
        TEST_AUDIT_KEY,
      );
      expect(counts.app_user).toBe(4);
    } finally {
      await target.close();
    }
  });

  it('refuses a unit admin, staff, a citizen and anonymous callers, writing nothing', async () => {
    const before = backups();
    for (const [who, headers] of Object.entries(outsiders)) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/backups', headers });
      expect(res.statusCode, who).toBe(who === 'anonymous' ? 401 : 403);
      expect(res.headers['content-type'], who).toContain('application/problem+json');
    }
    expect(backups()).toEqual(before);
    const n = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'backup.create'`.execute(t.db.kysely);
    expect(n.rows[0]!.n).toBe(1);
  });
});

describe('GET /api/v1/admin/audit/verify', () => {
  const verify = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/audit/verify',
      headers: t.admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('refuses a unit admin, staff, a citizen and anonymous callers', async () => {
    for (const [who, headers] of Object.entries(outsiders)) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit/verify', headers });
      expect(res.statusCode, who).toBe(who === 'anonymous' ? 401 : 403);
      expect(res.json().code, who).toBe(who === 'anonymous' ? 'unauthenticated' : 'forbidden');
    }
  });

  it('reports an intact log, then a tail deleted after the checkpoint, from the checkpoint file the job writes', async () => {
    const intact = await verify();
    expect(intact).toMatchObject({ ok: true, keyedFrom: 1, faults: [] });
    expect(intact.rows).toBeGreaterThan(3);

    // The checkpoint the job (and the server at start and shutdown) writes: to the file beside
    // the backups and to the log.
    const logged: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          logged.push(String(chunk));
          done();
        },
      }),
    );
    const line = await auditCheckpointer({
      config: t.ctx.config,
      db: t.db,
      clock: t.ctx.clock,
      log,
    })();
    expect(line).toMatchObject({ seq: intact.rows, keyedFrom: 1 });
    expect(JSON.parse(logged[0]!)).toMatchObject({
      msg: 'audit checkpoint',
      auditCheckpoint: { seq: intact.rows, hash: line!.hash, mac: line!.mac },
    });
    const file = checkpointFilePath(t.ctx.config.dataDir);
    expect(readCheckpoints([{ path: file }], TEST_AUDIT_KEY)).toEqual([
      expect.objectContaining({ seq: intact.rows, valid: true }),
    ]);
    // The server's JSON log is a checkpoint source too (e.g. a copy a log collector kept).
    const logFile = path.join(t.ctx.config.dataDir, 'server.log');
    fs.writeFileSync(
      logFile,
      `${JSON.stringify({ level: 30, msg: 'listening' })}\n${logged.join('')}`,
    );
    expect(readCheckpoints([{ path: logFile }], TEST_AUDIT_KEY)).toEqual([
      expect.objectContaining({ seq: intact.rows, hash: line!.hash, valid: true }),
    ]);
    const checked = await verify();
    expect(checked).toMatchObject({ ok: true, checkpoints: { read: 1, lastSeq: intact.rows } });

    // Two rows edited and the last three deleted behind the triggers, by the table owner.
    await sql`alter table audit_log disable trigger user`.execute(t.db.kysely);
    await sql`update audit_log set actor_name = 'mallory' where seq = 2`.execute(t.db.kysely);
    await sql`delete from audit_log where seq > ${intact.rows - 3}`.execute(t.db.kysely);
    await sql`alter table audit_log enable trigger user`.execute(t.db.kysely);
    const broken = await verify();
    expect(broken.ok).toBe(false);
    expect(broken.firstBad).toMatchObject({ seq: 2, kind: 'edited' });
    expect(broken.faults).toEqual([
      expect.objectContaining({ seq: 2, kind: 'edited' }),
      expect.objectContaining({ seq: intact.rows - 2, kind: 'missing', toSeq: intact.rows }),
    ]);
    expect(broken.faults[1].message).toContain(`Thiếu các dòng từ seq=${intact.rows - 2}`);
  });

  it('schedules the checkpoint job every 5 minutes', async () => {
    await t.ctx.jobs.prepare();
    const s = await sql<{ cron: string }>`
      select cron from job_schedule where name = 'platform.audit-checkpoint'`.execute(t.db.kysely);
    expect(s.rows).toEqual([{ cron: '*/5 * * * *' }]);
  });
});
