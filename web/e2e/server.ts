import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { type CaptureSmtp, startCaptureSmtp } from './smtp.js';
import { ADMIN_PASSWORD, runSql, spawnServer, withDatabase } from './spawn-server.js';

export { ADMIN_PASSWORD };
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
 * Starts the real server on a fresh copy of the template the global setup made
 * (global-setup.ts: migrated, demo data seeded) — its data directory copied and, on
 * PostgreSQL (`E2E_DATABASE_URL`), a database made from the template database and dropped
 * after — and resolves with its base URL. `env` adds or overrides environment variables
 * (e.g. `{ SMTP_URL }`).
 */
export async function startServer(
  opts: { env?: Record<string, string> } = {},
): Promise<{ url: string; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-e2e-'));
  fs.cpSync(inject('e2eTemplateDir'), dataDir, { recursive: true });
  const base = process.env.E2E_DATABASE_URL;
  const template = inject('e2eTemplateDatabase');
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (base && template) {
    const name = `cqs_e2e_${randomBytes(6).toString('hex')}`;
    await runSql(base, `create database ${name} template ${template}`);
    databaseUrl = withDatabase(base, name);
    drop = async () => {
      await runSql(base, `drop database if exists ${name} with (force)`);
    };
  }
  const server = await spawnServer({ dataDir, databaseUrl, env: opts.env }).catch(
    async (error: unknown) => {
      await drop();
      throw error;
    },
  );
  // On PostgreSQL, make sure the server really runs on the database made for it.
  if (databaseUrl) {
    const [row] = await runSql(databaseUrl, 'select count(*)::int as n from app_user');
    if (!row || row.n === 0) {
      await server.stop();
      await drop();
      throw new Error(`the server did not run on ${databaseUrl}`);
    }
  }
  return {
    url: server.url,
    dataDir,
    stop: async () => {
      await server.stop();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium, headless, with the flags this sandboxed, offline machine needs. `mapHost`
 * resolves that host name to 127.0.0.1, so the app can be loaded as from a LAN address: unlike
 * localhost, http://<mapHost>:<port> is not a secure context.
 */
export function launchChromium(opts: { mapHost?: string } = {}): Promise<Browser> {
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
      ...(opts.mapHost ? [`--host-resolver-rules=MAP ${opts.mapHost} 127.0.0.1`] : []),
    ],
  });
}

/** What a spec drives: the running server, the browser and, when asked for, the capture SMTP server. */
export interface BrowserSpec {
  /** The server's base URL. */
  readonly url: string;
  /** The server's own address (127.0.0.1) for calls from the spec's Node side, whatever `host`. */
  readonly serverUrl: string;
  /** The server's data directory (e.g. the demo CA's certificates in `signing/`). */
  readonly dataDir: string;
  readonly browser: Browser;
  /** The capture SMTP server the app mails through (only with `{ smtp: true }`). */
  readonly smtp: CaptureSmtp;
  /** Every context the spec opened; closed after its tests. */
  readonly contexts: BrowserContext[];
  /** A fresh context in Vietnamese (plus `options`), closed after the spec's tests. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Registers the spec's `beforeAll`/`afterAll`: the real server on a fresh database (see
 * startServer) and Chromium (with `smtp`, first a capture SMTP server the server mails
 * through), all closed after the tests. With `host` (e.g. 'cqs.test') the browser reaches the
 * server by that name and `url` is http://<host>:<port>, not a secure context — the plain-http
 * LAN deployment. Read the fields inside tests and hooks, once `beforeAll` has run.
 */
export function browserSpec(opts: { smtp?: boolean; host?: string } = {}): BrowserSpec {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  let smtp: CaptureSmtp | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    if (opts.smtp) smtp = await startCaptureSmtp();
    server = await startServer(smtp ? { env: { SMTP_URL: smtp.url } } : {});
    browser = await launchChromium({ mapHost: opts.host });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (use it inside a test)`);
    return value;
  };
  return {
    get url() {
      const url = new URL(started(server, 'the server').url);
      if (opts.host) url.hostname = opts.host;
      return url.origin;
    },
    get serverUrl() {
      return new URL(started(server, 'the server').url).origin;
    },
    get dataDir() {
      return started(server, 'the server').dataDir;
    },
    get browser() {
      return started(browser, 'the browser');
    },
    get smtp() {
      return started(smtp, 'the SMTP server (browserSpec({ smtp: true }))');
    },
    contexts,
    async newContext(options = {}) {
      const context = await started(browser, 'the browser').newContext({
        locale: 'vi-VN',
        ...options,
      });
      contexts.push(context);
      return context;
    },
  };
}
