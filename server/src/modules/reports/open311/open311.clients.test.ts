import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportArea } from '../../../../test/factories/reports.js';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { hashApiKey } from './open311.clients.js';
import { newClient, postRequest } from './open311.test-support.js';

let t: TestApp;
let area: Awaited<ReturnType<typeof buildReportArea>>;
beforeAll(async () => {
  t = await createTestApp();
  area = await buildReportArea(t);
});
afterAll(() => t.close());

const admin = (method: 'GET' | 'POST', url: string, payload?: object, headers = t.admin.headers) =>
  t.app.inject({ method, url: `/api/v1/open311${url}`, headers, payload });

/** Every text column of every table, as one string per row: where a secret could hide. */
async function wholeDatabaseText(): Promise<string> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.db.kysely);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const r = await sql<{
      j: string;
    }>`select row_to_json(x)::text as j from ${sql.table(table_name)} x`.execute(t.db.kysely);
    parts.push(...r.rows.map((row) => row.j));
  }
  return parts.join('\n');
}

describe('Open311 client keys (admin)', () => {
  it('creates a client: 201 with the key shown once; only its hash and prefix are stored', async () => {
    const res = await admin('POST', '/clients', { name: '  Ứng dụng Phản ánh An Giang ' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Ứng dụng Phản ánh An Giang',
      apiKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      keyPrefix: created.apiKey.slice(0, 8),
      createdAt: expect.stringMatching(/\+07:00$/),
    });
    const row = await t.db.kysely
      .selectFrom('open311_client')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashApiKey(created.apiKey));
    expect(row.key_prefix).toBe(created.keyPrefix);
    // The key is nowhere in the database (audit log included).
    expect(await wholeDatabaseText()).not.toContain(created.apiKey);
    const audit = await sql<{ action: string; after: unknown }>`select action, after from audit_log
      where entity_type = 'open311_client' and entity_id = ${created.id}`.execute(t.db.kysely);
    expect(audit.rows).toEqual([
      {
        action: 'open311_client.create',
        after: { name: 'Ứng dụng Phản ánh An Giang', keyPrefix: created.keyPrefix },
      },
    ]);
  });

  it('lists clients without keys, with who created them and how many reports they sent', async () => {
    const { id, apiKey } = await newClient(t, 'Cổng phản ánh thành phố');
    const sent = await postRequest(t, 'json', {
      api_key: apiKey,
      service_code: 'lighting',
      address_id: area.ward.code,
      description: 'Đèn không sáng.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const res = await admin('GET', '/clients');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(apiKey);
    const item = res.json().items.find((c: { id: string }) => c.id === id);
    expect(item).toEqual({
      id,
      name: 'Cổng phản ánh thành phố',
      keyPrefix: apiKey.slice(0, 8),
      createdAt: expect.any(String),
      createdBy: { username: 'admin', fullName: expect.any(String) },
      revokedAt: null,
      reportCount: 1,
      lastReportAt: expect.stringMatching(/\+07:00$/),
    });
    expect(res.json().nextCursor).toBeNull();
    expect(res.json().items[0].id).toBe(id);
  });

  it('revokes a key: audited, then 403 on POST /requests; a second revoke is 409, an unknown id 404', async () => {
    const { id, apiKey } = await newClient(t, 'Ứng dụng cũ');
    const res = await admin('POST', `/clients/${id}/revoke`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, revokedAt: expect.stringMatching(/\+07:00$/) });
    const refused = await postRequest(t, 'json', {
      api_key: apiKey,
      service_code: 'lighting',
      address_id: area.ward.code,
    });
    expect(refused.statusCode).toBe(403);
    const again = await admin('POST', `/clients/${id}/revoke`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_revoked');
    const unknown = await admin('POST', '/clients/00000000-0000-4000-8000-000000000000/revoke');
    expect(unknown.statusCode).toBe(404);
    const audit = await sql<{ action: string }>`select action from audit_log
      where entity_type = 'open311_client' and entity_id = ${id} order by seq`.execute(t.db.kysely);
    expect(audit.rows.map((a) => a.action)).toEqual([
      'open311_client.create',
      'open311_client.revoke',
    ]);
  });

  it('only a system administrator manages keys; a name is required', async () => {
    expect((await admin('GET', '/clients', undefined, {})).statusCode).toBe(401);
    expect((await admin('GET', '/clients', undefined, area.leader.headers)).statusCode).toBe(403);
    const post = await admin('POST', '/clients', { name: 'Ứng dụng lạ' }, area.desk.headers);
    expect(post.statusCode).toBe(403);
    const { id } = await newClient(t, 'Ứng dụng thật');
    expect(
      (await admin('POST', `/clients/${id}/revoke`, undefined, area.desk.headers)).statusCode,
    ).toBe(403);
    const blank = await admin('POST', '/clients', { name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().detail).toContain('Nhập tên');
  });

  it('the admin API is in the OpenAPI document (tag open311); GeoReport v2 is not', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths);
    expect(paths).toContain('/api/v1/open311/clients');
    expect(paths).toContain('/api/v1/open311/clients/{id}/revoke');
    expect(paths.some((p) => p.startsWith('/open311'))).toBe(false);
    expect(doc.paths['/api/v1/open311/clients'].post.tags).toEqual(['open311']);
  });
});
