#!/usr/bin/env node
// Benchmark: cold start of `npm start` to a healthy /api/health, and the server's idle RSS.
// Usage: node bench/start-and-idle.mjs [runs=3]
// "Cold" = a fresh DATA_DIR (initdb, migrations, demo data); "warm" = a restart on it.
// The web build is excluded (it is done once; `npm run build` before measuring).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);
const port = 3917;

async function healthy(url, t0, limitMs = 120_000) {
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return performance.now() - t0;
    } catch {}
    if (performance.now() - t0 > limitMs) throw new Error('not healthy in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** RSS of the server process (node …/server/src/main.ts) started with our DATA_DIR. */
function serverRssKiB(dataDir) {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (cmd.includes('server/src/main.ts') && env.includes(`DATA_DIR=${dataDir}`)) {
        return Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]);
      }
    } catch {}
  }
  throw new Error('server process not found');
}

async function once(dataDir) {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      ADMIN_PASSWORD: 'bench-password-1',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
    detached: true, // its own process group, so a signal reaches npm, the launcher and the server
  });
  const ms = await healthy(`http://127.0.0.1:${port}/api/health`, t0);
  await new Promise((r) => setTimeout(r, 10_000)); // let it settle into idle
  const rss = serverRssKiB(dataDir);
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGINT');
  await exited;
  return { ms, rss };
}

const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-bench-'));
  cold.push(await once(dir));
  warm.push(await once(dir));
  fs.rmSync(dir, { recursive: true, force: true });
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `cold start to healthy (fresh DATA_DIR, demo data): median ${Math.round(med(cold.map((x) => x.ms)))} ms  [${cold.map((x) => Math.round(x.ms)).join(', ')}]`,
);
console.log(
  `warm restart to healthy: median ${Math.round(med(warm.map((x) => x.ms)))} ms  [${warm.map((x) => Math.round(x.ms)).join(', ')}]`,
);
const mib = (xs) => Math.round(med(xs.map((x) => x.rss)) / 1024);
console.log(`idle RSS of the server, 10 s after a cold start: median ${mib(cold)} MiB`);
console.log(`idle RSS of the server, 10 s after a warm restart: median ${mib(warm)} MiB`);
