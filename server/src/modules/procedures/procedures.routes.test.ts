import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProcedureInput } from '../../../test/factories/procedures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { IdentityService } from '../identity/index.js';

let t: TestApp;
let staff: { headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  // A signed-in user who is not an administrator.
  await new IdentityService(t.ctx.kysely, t.ctx.clock).createUser(SYSTEM_ACTOR, {
    username: 'chuyenvien',
    password: 'mat-khau-chuyen-vien',
    fullName: 'Chuyên viên',
    kind: 'staff',
    roles: [{ role: 'specialist', unitCode: null }],
  });
  staff = await t.login('chuyenvien', 'mat-khau-chuyen-vien');
});
afterAll(async () => {
  await t?.close();
});

const post = (body: unknown, headers = t.admin.headers) =>
  t.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: body as object, headers });

describe('procedures over HTTP', () => {
  it('creates, reads, replaces and archives a procedure', async () => {
    const input = buildProcedureInput({ name: 'Đăng ký giám hộ' });
    const created = await post(input);
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      code: input.code,
      name: 'Đăng ký giám hộ',
      status: 'active',
      version: 1,
      steps: input.steps,
      fees: input.fees,
    });
    expect(Object.keys(p.components[0].formSchema.properties)).toEqual([
      'hoTen',
      'ngaySinh',
      'cccd',
    ]);

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/procedures/${p.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(p);

    const replaced = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/procedures/${p.id}`,
      headers: t.admin.headers,
      payload: { ...input, name: 'Đăng ký giám hộ (sửa)', version: 1 },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ name: 'Đăng ký giám hộ (sửa)', version: 2 });

    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/procedures/${p.id}`,
      headers: t.admin.headers,
      payload: { ...input, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('procedure_version_conflict');

    const archived = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/procedures/${p.id}`,
      headers: t.admin.headers,
    });
    expect(archived.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/procedures/${p.id}` });
    expect(after.json()).toMatchObject({ status: 'archived', version: 3 });

    // The code is free again once archived.
    expect((await post({ ...input, name: 'Đăng ký giám hộ (mới)' })).statusCode).toBe(201);

    const audit = await t.ctx.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_type', '=', 'procedure')
      .where('entity_id', '=', p.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'procedure.create', actor_name: 'admin' },
      { action: 'procedure.update', actor_name: 'admin' },
      { action: 'procedure.archive', actor_name: 'admin' },
    ]);
  });

  it('refuses a duplicate code among procedures in force with 409 procedure_code_taken', async () => {
    const input = buildProcedureInput();
    expect((await post(input)).statusCode).toBe(201);
    const again = await post({ ...input, name: 'Bản trùng' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'procedure_code_taken',
      detail: `Mã thủ tục ${input.code} đã được dùng cho một thủ tục đang áp dụng.`,
    });
  });

  it('answers validation problems as problem+json with Vietnamese messages', async () => {
    const input = buildProcedureInput({ code: '1001193' });
    input.steps[3]!.order = 7;
    const res = await post(input);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        {
          path: 'body.code',
          message: 'Nhập mã thủ tục theo định dạng 1.001193 hoặc 2.000815.000.00.00.H55.',
        },
        {
          path: 'body.steps.3.order',
          message: 'Thứ tự các bước phải liên tục từ 1 đến 4; bước này có thứ tự 7.',
        },
      ]),
    );
  });

  it('answers 404 procedure_not_found for an unknown id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/procedures/00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('procedure_not_found');
  });

  it('refuses writes from anonymous callers (401) and non-administrators (403)', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedures',
      payload: buildProcedureInput(),
    });
    expect(anon.statusCode).toBe(401);
    const forbidden = await post(buildProcedureInput(), staff.headers);
    expect(forbidden.statusCode).toBe(403);
    const id = (await post(buildProcedureInput())).json().id as string;
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/procedures/${id}`,
          headers: staff.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/procedures/${id}` })).statusCode,
    ).toBe(401);
    const imp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedures/import',
      headers: staff.headers,
      payload: { format: 'cqs-procedures', version: 1, items: [] },
    });
    expect(imp.statusCode).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents the procedure routes from their zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/procedures'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/procedures/{id}'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'put',
    ]);
    expect(paths['/api/v1/procedures/import']).toHaveProperty('post');
  });
});

describe('catalogue search', () => {
  let field: string;
  beforeAll(async () => {
    field = `Lĩnh vực tìm kiếm ${Date.now()}`;
    for (const name of [
      'Đăng ký khai sinh',
      'Đăng ký kết hôn',
      'Chứng thực chữ ký',
      'Cấp bản sao trích lục hộ tịch',
      'Đăng ký lại khai sinh',
    ]) {
      expect((await post(buildProcedureInput({ name, field }))).statusCode).toBe(201);
    }
    expect(
      (
        await post(
          buildProcedureInput({
            name: 'Đăng ký khai sinh (cấp tỉnh)',
            field,
            level: 'province',
            onlineLevel: 'partial',
          }),
        )
      ).statusCode,
    ).toBe(201);
  });

  const search = async (query: Record<string, string>) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/procedures',
      query: { field, ...query },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: { name: string; code: string }[]; nextCursor: string | null };
  };

  it('ignores diacritics and case: "khai sinh" and "dang ky" find "Đăng ký …"', async () => {
    expect((await search({ q: 'khai sinh' })).items.map((p) => p.name).sort()).toEqual(
      ['Đăng ký khai sinh', 'Đăng ký khai sinh (cấp tỉnh)', 'Đăng ký lại khai sinh'].sort(),
    );
    expect((await search({ q: 'dang ky' })).items).toHaveLength(4);
    expect((await search({ q: 'ĐĂNG KÝ KẾT HÔN' })).items.map((p) => p.name)).toEqual([
      'Đăng ký kết hôn',
    ]);
    expect((await search({ q: 'sinh khai' })).items).toHaveLength(3);
  });

  it('finds by code and filters by level and online level', async () => {
    const one = (await search({ q: 'chung thuc' })).items[0]!;
    expect((await search({ q: one.code })).items.map((p) => p.name)).toEqual(['Chứng thực chữ ký']);
    expect((await search({ level: 'province' })).items.map((p) => p.name)).toEqual([
      'Đăng ký khai sinh (cấp tỉnh)',
    ]);
    expect((await search({ onlineLevel: 'partial' })).items).toHaveLength(1);
  });

  it('pages by cursor in code order without gaps or repeats', async () => {
    const all = (await search({ limit: '100' })).items.map((p) => p.code);
    expect(all).toHaveLength(6);
    expect([...all].sort()).toEqual(all);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ limit: '4', ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((p) => p.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('refuses a forged cursor with 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures?cursor=abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_cursor');
  });

  it('lists fields with counts of procedures in force', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/fields' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual({ field, count: 6 });
  });
});
