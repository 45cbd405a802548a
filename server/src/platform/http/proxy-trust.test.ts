import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { loadConfig } from '../config.js';
import { parseProxyTrust, trustProxyOption } from './proxy-trust.js';

describe('TRUST_PROXY', () => {
  it('is off by default; takes addresses and ranges, or a hop count', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(
      loadConfig({ TRUST_PROXY: ' 10.0.0.5, 192.168.1.0/24 ,loopback,::1' }).trustProxy,
    ).toEqual({ addresses: ['10.0.0.5', '192.168.1.0/24', 'loopback', '::1'] });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    const hop = trustProxyOption(parseProxyTrust('1')) as (a: string, i: number) => boolean;
    expect([hop('203.0.113.1', 0), hop('203.0.113.1', 1)]).toEqual([true, false]);
  });

  it('refuses values it cannot understand, and "trust everyone"', () => {
    for (const bad of ['bogus', '10.0.0.300', '10.0.0.0/33', 'true', '*', '11'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  it('a bad value stops start-up with a clear message, not a stack trace', () => {
    const main = path.resolve(import.meta.dirname, '../../main.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: {
        ...process.env,
        TRUST_PROXY: '10.0.0.1,proxy.lan',
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-trust-')),
        DATABASE_URL: '',
        PORT: '0',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('invalid configuration');
    expect(r.stderr).toContain('TRUST_PROXY: "proxy.lan" không phải địa chỉ IP');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  });
});

/** Wrong passwords for `admin` from socket `remote`, each claiming another X-Forwarded-For. */
async function rotate(t: TestApp, remote: string, n: number) {
  const out: { status: number; remaining: string | undefined }[] = [];
  for (let i = 1; i <= n; i++) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'sai-mat-khau' },
      remoteAddress: remote,
      headers: { 'x-forwarded-for': `203.0.113.${i}` },
    });
    out.push({ status: r.statusCode, remaining: r.headers['x-ratelimit-remaining'] as string });
  }
  return out;
}

describe('forwarded client addresses', () => {
  let off: TestApp;
  let behindProxy: TestApp;
  beforeAll(async () => {
    off = await createTestApp();
    behindProxy = await createTestApp({ config: { trustProxy: { addresses: ['10.4.0.9'] } } });
  });
  afterAll(async () => {
    await off.close();
    await behindProxy.close();
  });

  it('off: a rotated X-Forwarded-For changes neither the rate limit nor the throttle', async () => {
    const seen = await rotate(off, '10.4.0.1', 6);
    expect(seen.map((s) => s.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(seen.map((s) => Number(s.remaining))).toEqual([29, 28, 27, 26, 25, 24]);
    const ips = await sql<{ ip: string }>`select distinct ip from login_attempt
      where username = 'admin' and outcome <> 'success'`.execute(off.db.kysely);
    expect(ips.rows).toEqual([{ ip: '10.4.0.1' }]);
  });

  it("set to the proxy's address: the forwarded client counts, from that proxy only", async () => {
    const viaProxy = await rotate(behindProxy, '10.4.0.9', 6);
    expect(viaProxy.map((s) => s.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(viaProxy.map((s) => s.remaining)).toEqual(Array(6).fill('29'));
    const ips = await sql<{ ip: string }>`select ip from login_attempt
      where username = 'admin' and outcome <> 'success' order by id`.execute(behindProxy.db.kysely);
    expect(ips.rows.map((r) => r.ip)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `203.0.113.${i}`));
    // Another peer's X-Forwarded-For is still ignored.
    const direct = await rotate(behindProxy, '10.4.0.8', 6);
    expect(direct.map((s) => s.status)).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it("honours the trusted proxy's X-Forwarded-Proto and -Host as the request's own origin", async () => {
    const { cookie, 'x-csrf-token': csrf } = behindProxy.admin.headers;
    const write = (remoteAddress: string, username: string) =>
      behindProxy.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        remoteAddress,
        headers: {
          cookie: cookie!,
          'x-csrf-token': csrf!,
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'cqs.lan',
          origin: 'https://cqs.lan',
        },
        payload: { username, password: 'matkhau-dai', fullName: 'Qua Proxy' },
      });
    expect((await write('10.4.0.9', 'qua.proxy')).statusCode).toBe(201);
    expect((await write('10.4.0.8', 'khong.qua.proxy')).json().code).toBe('origin_mismatch');
  });
});
