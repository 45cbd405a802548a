// Benchmark: embedded commits per second, durable (fsync on, the default) vs DB_FSYNC=off,
// through the same Kysely → node-postgres → PGlite path the server uses.
// Usage: node --import tsx bench/commits.ts [commits=1000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../server/src/platform/db/connect.js';
import { DurableNodeFS } from '../server/src/platform/db/pglite-durable.js';

const n = Number(process.argv[2] ?? 1000);

async function run(durable: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-commits-'));
  const db = await openDb({ dataDir: dir, durable });
  await sql`create table bench (id serial primary key, payload text)`.execute(db.kysely);
  const fsyncBefore = DurableNodeFS.fsyncCalls;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    // One row, one transaction, one commit — the shape of a typical audited write.
    await db.kysely
      .transaction()
      .execute((trx) => sql`insert into bench (payload) values (${`row ${i}`})`.execute(trx));
  }
  const s = (performance.now() - t0) / 1000;
  const fsyncs = DurableNodeFS.fsyncCalls - fsyncBefore;
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { perSec: Math.round(n / s), fsyncs };
}

const durable = await run(true);
const fast = await run(false);
console.log(
  `embedded commits/s, fsync on (default): ${durable.perSec}  (${durable.fsyncs} fsync calls for ${n} commits)`,
);
console.log(`embedded commits/s, DB_FSYNC=off:       ${fast.perSec}  (${fast.fsyncs} fsync calls)`);
