// Benchmark: does a wrong password for an existing username take as long as one for a username
// that does not exist? (issue 11: unknown usernames must answer like known ones, timing within
// noise.) The suite checks the answers; time is measured here, never asserted in a test.
//
// Usage:
//   node --import tsx bench/login-timing.ts [--attempts 50] [--warmup 5]
//   (DATABASE_URL=… for PostgreSQL; otherwise an embedded database in a temporary DATA_DIR)
//
// The app runs in this process and is driven through Fastify's inject (no network), so the
// figures are the server's own time. Known and unknown attempts alternate, each from its own
// client address, so neither the sign-in throttle nor the per-client rate limit interferes.
// Output: a Markdown table and a line `RESULT {json}`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, openAndMigrate, SYSTEM_ACTOR } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { createLogger } from '../server/src/platform/logger.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const attempts = Number(arg('attempts', '50'));
const warmup = Number(arg('warmup', '5'));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-login-bench-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const db = await openAndMigrate(config, 'bench');
const { app, identity } = await buildApp({ config, db, log: createLogger('silent') });
await app.ready();
await identity.ensureAdmin(SYSTEM_ACTOR, 'mat-khau-quan-tri-bench');
await identity.createUser(SYSTEM_ACTOR, {
  username: 'nguyen.van.a',
  password: 'mat-khau-that-2026',
  fullName: 'Nguyễn Văn A',
  kind: 'staff',
  roles: [],
});

let client = 0;
/** One wrong-password sign-in; resolves with its duration in ms and its status. */
async function attempt(username: string): Promise<{ ms: number; status: number }> {
  client++;
  const start = process.hrtime.bigint();
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'mat-khau-sai-2026' },
    remoteAddress: `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
  });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: r.statusCode };
}

const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < warmup + attempts; i++) {
  // Alternate which goes first, so drift (CPU frequency, other load) hits both alike.
  const pair =
    i % 2 === 0
      ? [await attempt('nguyen.van.a'), await attempt(`khong.ton.tai.${i}`)]
      : [await attempt(`khong.ton.tai.${i}`), await attempt('nguyen.van.a')].reverse();
  const [k, u] = pair as [{ ms: number; status: number }, { ms: number; status: number }];
  if (k.status !== 401 || u.status !== 401)
    throw new Error(`expected 401 for both, got ${k.status} / ${u.status}`);
  if (i >= warmup) {
    known.push(k.ms);
    unknown.push(u.ms);
  }
}
await app.close();
await db.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]!;
};
const row = (name: string, xs: number[]) =>
  `| ${name} | ${xs.length} | ${q(xs, 0.5).toFixed(1)} | ${q(xs, 0.25).toFixed(1)} | ${q(xs, 0.75).toFixed(1)} | ${q(xs, 0.9).toFixed(1)} |`;
const result = {
  backend: config.databaseUrl ? 'postgres' : 'pglite',
  attempts,
  knownMedianMs: Number(q(known, 0.5).toFixed(2)),
  unknownMedianMs: Number(q(unknown, 0.5).toFixed(2)),
  medianDiffMs: Number((q(unknown, 0.5) - q(known, 0.5)).toFixed(2)),
  knownIqrMs: Number((q(known, 0.75) - q(known, 0.25)).toFixed(2)),
  unknownIqrMs: Number((q(unknown, 0.75) - q(unknown, 0.25)).toFixed(2)),
};
console.log(`\nWrong password, ${result.backend}, ${attempts} attempts each (ms):\n`);
console.log('| username | n | median | p25 | p75 | p90 |');
console.log('|---|---|---|---|---|---|');
console.log(row('existing', known));
console.log(row('unknown', unknown));
console.log(`\nRESULT ${JSON.stringify(result)}`);
