import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const repo = path.resolve(import.meta.dirname, '../..');

export const ADMIN_PASSWORD = 'mat-khau-e2e-2026';
/** The password of every demo account (server/src/demo.ts). */
export const DEMO_PASSWORD = 'demo@2026';

/** Signs `page` in through the login form and waits to leave it. */
export async function logIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}

/** A fresh desktop-sized browser session signed in as `username`; its context goes to `contexts`. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  contexts: BrowserContext[],
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  const page = await context.newPage();
  await logIn(page, baseUrl, username);
  return page;
}

/**
 * Starts the real server on a fresh embedded database; resolves with its base URL. `env`
 * adds or overrides environment variables (e.g. `{ SMTP_URL }` for a capture SMTP server).
 */
export async function startServer(
  opts: { env?: Record<string, string> } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repo, 'server/src/main.ts')],
    {
      cwd: repo,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: '0',
        DEMO_DATA: '1',
        ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/is running at: (http:\/\/\S+)/);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Debian's Chromium, headless, with the flags this sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
