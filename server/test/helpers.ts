import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { SYSTEM_ACTOR } from '../src/platform/actor.js';
import type { Clock } from '../src/platform/clock.js';
import { type Config, loadConfig } from '../src/platform/config.js';
import type { AppContext } from '../src/platform/context.js';
import type { Db } from '../src/platform/db/connect.js';
import { createLogger } from '../src/platform/logger.js';
import { createTestDb } from './db.js';

export { backend, createTestDb, TEST_AUDIT_KEY } from './db.js';

/** A test configuration: quiet logs, no demo data, a data dir under the OS temp dir. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATA_DIR: fs.mkdtempSync('/tmp/cqs-data-'),
    }),
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  db: Db;
  /** Headers of a signed-in system administrator (cookie, CSRF token, Origin). */
  admin: { headers: Record<string, string> };
  /** Signs in and returns the headers to send. */
  login(username: string, password: string): Promise<{ headers: Record<string, string> }>;
  close(): Promise<void>;
}

export const ADMIN_PASSWORD = 'mat-khau-quan-tri-thu';

/**
 * The origin a browser on the app's own pages sends: `app.inject` talks to Host `localhost:80`.
 * Cookie-authenticated writes must carry it (auth.plugin.ts), as Chromium's do.
 */
export const TEST_ORIGIN = 'http://localhost';

/** A full app over a fresh database, with a signed-in system admin. */
export async function createTestApp(
  opts: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const db = await createTestDb();
  const config = testConfig(opts.config);
  const built = await buildApp({
    config,
    db,
    clock: opts.clock,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
  await built.app.ready();
  await built.identity.ensureAdmin(SYSTEM_ACTOR, ADMIN_PASSWORD);
  const login = async (username: string, password: string) => {
    const res = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200)
      throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'cqs_session');
    return {
      headers: {
        cookie: `cqs_session=${cookie?.value}`,
        'x-csrf-token': res.json().csrfToken as string,
        origin: TEST_ORIGIN,
      },
    };
  };
  const admin = await login('admin', ADMIN_PASSWORD);
  return {
    app: built.app,
    ctx: built.ctx,
    db,
    admin,
    login,
    async close() {
      await built.app.close();
      await db.close();
    },
  };
}
