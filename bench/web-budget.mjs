#!/usr/bin/env node
// Benchmark: the JavaScript a citizen's browser downloads to open the public procedure
// catalogue (issue 4: at most 200 KB gzip). Builds nothing: run `npm run build` first.
// Usage: node bench/web-budget.mjs [path=/dich-vu-cong] [budgetKiB=200] [lang=vi|en]
//
// Starts the real server on a fresh embedded database with the demo data (as the browser
// specs do), opens the page in Debian's Chromium (playwright-core) on a phone-sized
// viewport, waits until the network is idle, then searches "ket hon" and waits again (a
// chunk loaded on first use counts too). Every response that is JavaScript (by resource
// type or content type) is recorded once per URL; its body is gzipped here with node:zlib
// at level 9 (`gzip -9`), whatever the server sent, so the figure does not depend on the
// server's compression. Exits 1 when the total is over the budget.
//
// `lang` en measures a reader who chose English earlier (the choice stored in localStorage as
// the language switch does): the English messages are a chunk of their own, fetched only then.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pagePath = process.argv[2] ?? '/dich-vu-cong';
const budgetKiB = Number(process.argv[3] ?? 200);
const lang = process.argv[4] ?? 'vi';
if (lang !== 'vi' && lang !== 'en') {
  console.error(`lang must be vi or en, not ${lang}`);
  process.exit(2);
}

if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) {
  console.error('web/dist is missing: run `npm run build` first.');
  process.exit(2);
}

/** The server on a fresh data directory; resolves with its URL and a stop function. */
async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-budget-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      DEMO_DATA: '1',
      ADMIN_PASSWORD: 'bench-password-1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d.toString();
      const m = out.match(/is running at: (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const scripts = new Map(); // url → { raw, gzip }
const pending = [];
try {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  if (lang === 'en') {
    await context.addInitScript(() => localStorage.setItem('cqs.lang', 'en'));
  }
  const page = await context.newPage();
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const mime = response.headers()['content-type'] ?? '';
    if (type !== 'script' && !/javascript/.test(mime)) return;
    pending.push(
      response.body().then((body) => {
        scripts.set(response.url(), {
          raw: body.length,
          gzip: zlib.gzipSync(body, { level: 9 }).length,
        });
      }),
    );
  });
  await page.goto(`${server.url}${pagePath}`, { waitUntil: 'networkidle' });
  const box = page.getByRole('searchbox').first();
  if (await box.count()) {
    await box.fill('ket hon');
    await box.press('Enter');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
  }
  await Promise.all(pending);
  // A figure for the wrong language would be meaningless: the page must say it is in `lang`.
  const shown = await page.getAttribute('html', 'lang');
  if (shown !== lang) throw new Error(`the page is in ${shown}, not ${lang}`);
} finally {
  await browser.close();
  await server.stop();
}

const rows = [...scripts].sort((a, b) => b[1].gzip - a[1].gzip);
const kib = (n) => (n / 1024).toFixed(1);
for (const [url, s] of rows) {
  console.log(
    `${kib(s.gzip).padStart(7)} KiB gzip  ${kib(s.raw).padStart(7)} KiB raw  ${new URL(url).pathname}`,
  );
}
const total = rows.reduce((sum, [, s]) => sum + s.gzip, 0);
const raw = rows.reduce((sum, [, s]) => sum + s.raw, 0);
console.log(
  `JavaScript loaded by ${pagePath} (${lang}): ${rows.length} files, ${kib(total)} KiB gzip (level 9), ${kib(raw)} KiB uncompressed; budget ${budgetKiB} KiB: ${total <= budgetKiB * 1024 ? 'within' : 'OVER'}`,
);
process.exit(total <= budgetKiB * 1024 ? 0 : 1);
