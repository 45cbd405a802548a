import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { decryptField, newDataKeySpec, parseDataKeys } from './citizens.crypto.js';
import { keyFilePath, loadCitizenKeys } from './citizens.keys.js';
import { rotateCitizenKeys } from './citizens.rotate.js';
import { citizenIdContext } from './citizens.service.js';
import { api, registerByPhone, type Who } from './citizens.test-support.js';

// Two keys: k2 encrypts, k1 still decrypts (the state between "add a key" and "rotate").
const K1 = newDataKeySpec('k1');
const K2 = newDataKeySpec('k2');
const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
let a: ReturnType<typeof api>;
let hoa: Who & { userId: string };
let binh: Who & { userId: string };
let desk: Who;
let specialist: Who;

const profile = {
  fullName: 'Nguyễn Thị Hoà',
  citizenId: '079301000123',
  dateOfBirth: '1990-05-31',
  phone: '0912 345 678',
  email: 'Hoa@Example.vn',
  address: { line: '12 Trần Hưng Đạo, khóm 3' },
};

beforeAll(async () => {
  t = await createTestApp({ clock, config: { citizenDataKeys: `${K1},${K2}` } });
  a = api(t);
  hoa = await registerByPhone(t, '0912345678', 'Nguyễn Thị Hoà');
  binh = await registerByPhone(t, '0987654321', 'Lê Văn Bình');
  for (const [username, role] of [
    ['motcua.test', 'desk_officer'],
    ['chuyenvien.test', 'specialist'],
  ] as const) {
    const r = await a.post(
      '/users',
      {
        username,
        password: 'mat-khau-can-bo-1',
        fullName: `Cán bộ ${role}`,
        roles: [{ role, unitCode: null }],
      },
      t.admin,
    );
    expect(r.statusCode, r.body).toBe(201);
  }
  desk = await t.login('motcua.test', 'mat-khau-can-bo-1');
  specialist = await t.login('chuyenvien.test', 'mat-khau-can-bo-1');
});
afterAll(() => t.close());

const rawProfile = async (userId: string) =>
  (
    await sql<
      Record<string, unknown>
    >`select * from citizen_profile where user_id = ${userId}`.execute(t.db.kysely)
  ).rows[0]!;

describe('profile', () => {
  it('saves and returns the profile, canonicalising phone and e-mail', async () => {
    const res = await a.put('/citizens/me/profile', profile, hoa);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      fullName: 'Nguyễn Thị Hoà',
      citizenId: '079301000123',
      dateOfBirth: '1990-05-31',
      phone: '0912345678',
      email: 'hoa@example.vn',
      address: { line: '12 Trần Hưng Đạo, khóm 3', unitCode: null },
    });
    expect((await a.get('/citizens/me/profile', hoa)).json().citizenId).toBe('079301000123');
  });

  it('refuses bad values with a message per field and changes nothing', async () => {
    const before = await rawProfile(hoa.userId);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ citizenId: '12345' }, 'body.citizenId', '12 chữ số'],
      [{ citizenId: '999301000123' }, 'body.citizenId', 'mã tỉnh'],
      [{ dateOfBirth: '1990-02-30' }, 'body.dateOfBirth', 'không có thật'],
      [{ dateOfBirth: '31/05/1990' }, 'body.dateOfBirth', 'năm-tháng-ngày'],
      [{ phone: '12345' }, 'body.phone', '10 chữ số'],
      [{ email: 'hoa@' }, 'body.email', 'e-mail'],
      [{ fullName: '' }, 'body.fullName', 'họ và tên'],
      [{ address: { line: 'x', unitCode: 'KHONG-CO' } }, 'body.address.unitCode', 'KHONG-CO'],
    ];
    for (const [patch, path, text] of cases) {
      const res = await a.put('/citizens/me/profile', { ...profile, ...patch }, hoa);
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      const errors = res.json().errors as { path: string; message: string }[];
      const e = errors.find((x) => x.path === path);
      expect(e?.message.toLowerCase(), `${JSON.stringify(patch)} → ${res.body}`).toContain(
        text.toLowerCase(),
      );
    }
    expect(await rawProfile(hoa.userId)).toEqual(before);
  });

  it('is only for citizens, and needs the CSRF token', async () => {
    expect((await a.get('/citizens/me/profile')).statusCode).toBe(401);
    expect((await a.get('/citizens/me/profile', desk)).statusCode).toBe(403);
    const noCsrf = { headers: { cookie: hoa.headers.cookie! } };
    const res = await a.put('/citizens/me/profile', profile, noCsrf);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });

  it('the audit row names the changed fields, never their values', async () => {
    await a.put('/citizens/me/profile', { ...profile, dateOfBirth: '1990-06-01' }, hoa);
    const rows = (
      await sql<{ after: { changed: string[] } }>`select after from audit_log
        where action = 'citizen.profile.update' order by seq desc limit 1`.execute(t.db.kysely)
    ).rows;
    expect(rows[0]!.after.changed).toEqual(['dateOfBirth']);
    const all = await sql`select after::text as a from audit_log`.execute(t.db.kysely);
    expect(JSON.stringify(all.rows)).not.toContain('079301000123');
  });
});

describe('the citizen ID at rest', () => {
  it('is stored only as AES-256-GCM ciphertext naming its key, bound to its owner', async () => {
    const row = await rawProfile(hoa.userId);
    const dump = JSON.stringify(row);
    expect(dump).not.toContain('079301000123');
    expect(row.citizen_id_key_id).toBe('k1');
    expect(String(row.citizen_id_cipher)).toMatch(/^v1:k1:/);
    const ring = parseDataKeys(K1);
    expect(decryptField(ring, String(row.citizen_id_cipher), citizenIdContext(hoa.userId))).toBe(
      '079301000123',
    );
    // Copied onto another citizen's row it does not decrypt (the owner is authenticated data).
    expect(() =>
      decryptField(ring, String(row.citizen_id_cipher), citizenIdContext(binh.userId)),
    ).toThrow();
    // Nor with another key of the same id.
    expect(() =>
      decryptField(
        parseDataKeys(newDataKeySpec('k1')),
        String(row.citizen_id_cipher),
        citizenIdContext(hoa.userId),
      ),
    ).toThrow();
  });

  it('the rotation re-encrypts every value with the first key, and the server reads them after', async () => {
    await a.put('/citizens/me/profile', { ...profile, citizenId: '001099000777' }, binh);
    const ring = parseDataKeys(`${K2},${K1}`);
    const r = await rotateCitizenKeys(t.db.kysely, ring, { batchSize: 1 });
    expect(r).toEqual({ keyId: 'k2', rotated: 2 });
    for (const [who, id] of [
      [hoa, '079301000123'],
      [binh, '001099000777'],
    ] as const) {
      const row = await rawProfile(who.userId);
      expect(row.citizen_id_key_id).toBe('k2');
      expect(String(row.citizen_id_cipher)).toMatch(/^v1:k2:/);
      // k2 alone decrypts it now: k1 can be removed.
      expect(
        decryptField(
          parseDataKeys(K2),
          String(row.citizen_id_cipher),
          citizenIdContext(who.userId),
        ),
      ).toBe(id);
    }
    expect((await rotateCitizenKeys(t.db.kysely, ring)).rotated).toBe(0);
    expect((await a.get('/citizens/me/profile', hoa)).json().citizenId).toBe('079301000123');
    // A key removed too early: the value cannot be read, and the error says which key.
    const row = await rawProfile(hoa.userId);
    expect(() =>
      decryptField(parseDataKeys(K1), String(row.citizen_id_cipher), citizenIdContext(hoa.userId)),
    ).toThrow(/"k2".*no longer lists/);
  });
});

const BASIS = 'Công văn số 123/CAT-PC05 ngày 20/11/2026 của Công an tỉnh';
const LOGGED = `Xác minh theo yêu cầu của cơ quan điều tra — căn cứ: ${BASIS}`;

describe('staff reads', () => {
  it('a system administrator reads the profile only with a stated legal basis; the read is logged with it', async () => {
    const purpose = `?purpose=${encodeURIComponent('Xác minh theo yêu cầu của cơ quan điều tra')}`;
    // No dossier of Hoà's anywhere: staff have no ground to read it (404, as if unknown).
    expect((await a.get(`/citizens/${hoa.userId}/profile${purpose}`, desk)).statusCode).toBe(404);
    const bare = await a.get(`/citizens/${hoa.userId}/profile${purpose}`, t.admin);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().code).toBe('legal_basis_required');
    const vague = await a.get(
      `/citizens/${hoa.userId}/profile${purpose}&legalBasis=${encodeURIComponent('theo yêu cầu')}`,
      t.admin,
    );
    expect(vague.statusCode).toBe(400);
    const res = await a.get(
      `/citizens/${hoa.userId}/profile${purpose}&legalBasis=${encodeURIComponent(BASIS)}`,
      t.admin,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      userId: hoa.userId,
      username: '0912345678',
      citizenId: '079301000123',
    });
    const log = (
      await sql<{ field: string; purpose: string; accessor_name: string; request_id: string }>`
        select field, purpose, accessor_name, request_id from personal_data_access
        where subject_user_id = ${hoa.userId} order by id`.execute(t.db.kysely)
    ).rows;
    expect(log.map((l) => l.field)).toEqual(['profile', 'citizen_id']);
    expect(log[0]).toMatchObject({ purpose: LOGGED, accessor_name: 'admin' });
    expect(log[0]!.request_id).toBeTruthy();
    const audit = (
      await sql<{ actor_name: string; after: unknown }>`select actor_name, after from audit_log
        where action = 'citizen.personal_data.read' and entity_id = ${hoa.userId}`.execute(
        t.db.kysely,
      )
    ).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_name: 'admin',
      after: { fields: ['profile', 'citizen_id'], purpose: LOGGED },
    });
  });

  it('the citizen sees who read their data', async () => {
    const res = await a.get('/citizens/me/access-log', hoa);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(2);
    expect(res.json().items[0]).toMatchObject({
      accessorName: 'Quản trị hệ thống',
      accessorUsername: 'admin',
      purpose: LOGGED,
    });
    const page = await a.get('/citizens/me/access-log?limit=1', hoa);
    expect(page.json().items).toHaveLength(1);
    const next = await a.get(
      `/citizens/me/access-log?limit=1&cursor=${page.json().nextCursor}`,
      hoa,
    );
    expect(next.json().items[0].id).toBeLessThan(page.json().items[0].id);
    expect(next.json().nextCursor).toBeNull();
    expect((await a.get('/citizens/me/access-log', binh)).json().items).toEqual([]);
  });

  it('needs a purpose, a reader role; a citizen cannot read another citizen', async () => {
    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from personal_data_access`.execute(t.db.kysely);
    expect((await a.get(`/citizens/${hoa.userId}/profile`, desk)).statusCode).toBe(400);
    expect((await a.get(`/citizens/${hoa.userId}/profile?purpose=xem`, desk)).statusCode).toBe(400);
    const q = `?purpose=${encodeURIComponent('Kiểm tra hồ sơ')}`;
    expect((await a.get(`/citizens/${hoa.userId}/profile${q}`, specialist)).statusCode).toBe(403);
    expect((await a.get(`/citizens/${hoa.userId}/profile${q}`, binh)).statusCode).toBe(403);
    expect((await a.get(`/citizens/${hoa.userId}/profile${q}`)).statusCode).toBe(401);
    expect(
      (await a.get(`/citizens/00000000-0000-4000-8000-000000000000/profile${q}`, desk)).statusCode,
    ).toBe(404);
    const after = await sql<{
      n: number;
    }>`select count(*)::int as n from personal_data_access`.execute(t.db.kysely);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe('consent per purpose', () => {
  it('nothing is given until the citizen says so; every change is kept with its wording version', async () => {
    const first = await a.get('/citizens/me/consents', binh);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((i: { purpose: string }) => i.purpose)).toEqual([
      'profile_prefill',
      'data_store',
      'email_notices',
      'sms_notices',
      'surveys',
    ]);
    expect(first.json().items.every((i: { granted: boolean }) => !i.granted)).toBe(true);
    expect(first.json().history).toEqual([]);

    const give = await a.put('/citizens/me/consents/sms_notices', { granted: true }, binh);
    expect(give.statusCode, give.body).toBe(200);
    expect(give.json()).toMatchObject({
      purpose: 'sms_notices',
      granted: true,
      wordingVersion: '2026-11-v1',
    });
    clock.advance(60_000);
    // The same decision twice records one change.
    await a.put('/citizens/me/consents/sms_notices', { granted: true }, binh);
    await a.put('/citizens/me/consents/sms_notices', { granted: false }, binh);
    await a.put('/citizens/me/consents/surveys', { granted: false }, binh);
    const now = (await a.get('/citizens/me/consents', binh)).json();
    expect(now.items.find((i: { purpose: string }) => i.purpose === 'sms_notices').granted).toBe(
      false,
    );
    expect(
      now.history.map((h: { purpose: string; granted: boolean }) => [h.purpose, h.granted]),
    ).toEqual([
      ['sms_notices', true],
      ['sms_notices', false],
    ]);
    const { hasConsent } = await import('./citizens.personal-data.js');
    expect(await hasConsent(t.db.kysely, binh.userId, 'sms_notices')).toBe(false);
    await a.put('/citizens/me/consents/profile_prefill', { granted: true }, binh);
    expect(await hasConsent(t.db.kysely, binh.userId, 'profile_prefill')).toBe(true);
    expect(await hasConsent(t.db.kysely, hoa.userId, 'profile_prefill')).toBe(false);
  });

  it('refuses an unknown purpose; the history cannot be rewritten', async () => {
    expect(
      (await a.put('/citizens/me/consents/ban_du_lieu', { granted: true }, binh)).statusCode,
    ).toBe(400);
    await expect(sql`delete from citizen_consent_event`.execute(t.db.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from personal_data_access`.execute(t.db.kysely)).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('download my data', () => {
  it('is a JSON attachment with account, decrypted profile, consents and history, access log', async () => {
    const res = await a.get('/citizens/me/export', hoa);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="du-lieu-cua-toi-2026-11-23\.json"$/,
    );
    const data = JSON.parse(res.body);
    expect(data.account).toMatchObject({
      id: hoa.userId,
      username: '0912345678',
      termsVersion: '2026-11-v1',
    });
    expect(data.profile).toMatchObject({ citizenId: '079301000123', dateOfBirth: '1990-06-01' });
    expect(data.consents.items).toHaveLength(5);
    expect(data.accessLog).toHaveLength(2);
    expect(data.accessLog[0]).toMatchObject({
      accessorUsername: 'admin',
      field: 'citizen_id',
    });
    // Other modules' sections (registered in app.ts) ride along under their names.
    expect(typeof data.sections).toBe('object');
    const mine = JSON.parse((await a.get('/citizens/me/export', binh)).body);
    expect(mine.consents.history).toHaveLength(3);
    expect(mine.profile.citizenId).toBe('001099000777');
  });
});

describe('deletion', () => {
  it('needs the password', async () => {
    const res = await a.post('/citizens/me/deletion', { password: 'sai-mat-khau-9' }, binh);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('wrong_password');
    expect((await a.get('/citizens/me/profile', binh)).statusCode).toBe(200);
  });

  it('deletes the profile and consents, closes and anonymises the account, keeps the proof', async () => {
    expect(
      (await a.post('/auth/login', { username: '0987654321', password: 'matkhau2026' })).statusCode,
    ).toBe(200);
    const res = await a.post('/citizens/me/deletion', { password: 'matkhau2026' }, binh);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // Other modules' sections (app.ts) add their own lines.
    expect(body.deleted.map((d: { what: string }) => d.what)).toEqual(
      expect.arrayContaining(['profile', 'consents', 'account']),
    );
    expect(body.kept.map((k: { what: string }) => k.what)).toEqual(
      expect.arrayContaining(['consent_history', 'access_log', 'dossiers']),
    );
    expect(res.cookies.find((c) => c.name === 'cqs_session')?.value).toBe('');
    // Signed out, cannot sign in, the phone is free again.
    expect((await a.get('/auth/me', binh)).statusCode).toBe(401);
    expect(
      (await a.post('/auth/login', { username: '0987654321', password: 'matkhau2026' })).statusCode,
    ).toBe(401);
    const raw = (
      await sql<{ username: string; full_name: string; email: string | null; disabled: boolean }>`
        select username, full_name, email, disabled from app_user where id = ${binh.userId}`.execute(
        t.db.kysely,
      )
    ).rows[0]!;
    expect(raw).toMatchObject({ full_name: 'Tài khoản đã xoá', email: null, disabled: true });
    expect(raw.username).not.toContain('0987654321');
    expect(
      (await sql`select 1 from citizen_profile where user_id = ${binh.userId}`.execute(t.db.kysely))
        .rows,
    ).toEqual([]);
    expect(
      (await sql`select 1 from citizen_consent where user_id = ${binh.userId}`.execute(t.db.kysely))
        .rows,
    ).toEqual([]);
    expect(
      (
        await sql`select 1 from citizen_consent_event where user_id = ${binh.userId}`.execute(
          t.db.kysely,
        )
      ).rows,
    ).toHaveLength(3);
    const audit = (
      await sql<{
        after: unknown;
      }>`select after from audit_log where action = 'citizen.delete'`.execute(t.db.kysely)
    ).rows;
    expect(audit).toHaveLength(1);
    // The phone can register again, as a new account.
    const again = await registerByPhone(t, '0987654321', 'Lê Văn Bình');
    expect(again.userId).not.toBe(binh.userId);
  });
});

describe('keys from configuration', () => {
  it('parses CITIZEN_DATA_KEYS and refuses malformed ones without echoing key material', () => {
    expect(parseDataKeys(`${K2}, ${K1}`).keys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(() => parseDataKeys('k1:c2hvcnQ=')).toThrow(/32 byte/);
    expect(() => parseDataKeys(`${K1},${K1}`)).toThrow(/lặp/);
    expect(() => parseDataKeys('khong-co-dau-hai-cham')).toThrow(/CITIZEN_DATA_KEYS/);
    expect(() => parseDataKeys(' , ')).toThrow(/không có khoá/);
  });

  it('without keys: a 0600 key file under DATA_DIR (embedded or demo); PostgreSQL without demo refuses', () => {
    const dir = fs.mkdtempSync('/tmp/cqs-keys-');
    const warnings: string[] = [];
    const ring = loadCitizenKeys(
      { citizenDataKeys: undefined, databaseUrl: undefined, demoData: false, dataDir: dir },
      (m) => warnings.push(m),
    );
    expect(ring.keys).toHaveLength(1);
    expect(fs.statSync(keyFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(warnings).toHaveLength(1);
    // The second start reads the same key and does not warn again.
    const again = loadCitizenKeys(
      { citizenDataKeys: undefined, databaseUrl: undefined, demoData: false, dataDir: dir },
      (m) => warnings.push(m),
    );
    expect(again.keys[0]!.key.equals(ring.keys[0]!.key)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(
      loadCitizenKeys({
        citizenDataKeys: undefined,
        databaseUrl: 'postgres://x@h/db',
        demoData: true,
        dataDir: dir,
      }).keys[0]!.id,
    ).toBe('local1');
    expect(() =>
      loadCitizenKeys({
        citizenDataKeys: undefined,
        databaseUrl: 'postgres://x@h/db',
        demoData: false,
        dataDir: fs.mkdtempSync('/tmp/cqs-keys-'),
      }),
    ).toThrow(/CITIZEN_DATA_KEYS/);
  });
});
