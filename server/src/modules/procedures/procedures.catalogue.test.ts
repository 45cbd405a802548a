// The public catalogue over HTTP on a real database with the demo catalogue: ranked search,
// filters, the procedure page, the blank forms (opened with pdf-parse), the synonym list
// (admin only, audited, bad input refused) and the cached index following changes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { readPdf } from '../dossiers/forms/pdf-test-utils.js';
import { IdentityService } from '../identity/index.js';
import { seedDemoProcedures } from './index.js';
import { DEFAULT_SYNONYMS } from './procedures.synonyms-default.js';

let t: TestApp;
let staff: { headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoProcedures(t.ctx.kysely, SYSTEM_ACTOR);
  await new IdentityService(t.ctx.kysely, t.ctx.clock).createUser(SYSTEM_ACTOR, {
    username: 'motcua',
    password: 'mat-khau-mot-cua-1',
    fullName: 'Cán bộ một cửa',
    kind: 'staff',
    roles: [{ role: 'desk_officer', unitCode: null }],
  });
  staff = await t.login('motcua', 'mat-khau-mot-cua-1');
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const search = async (query: string) => {
  const res = await get(`/api/v1/public/procedures?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    items: { code: string; name: string; field: string; score?: number }[];
    total: number;
  };
};
const auditCount = async (action: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = ${action}`.execute(t.db.kysely)
  ).rows[0]!.n;

describe('GET /api/v1/public/procedures', () => {
  it.each([
    'ket hon',
    'kết hôn',
    'dang ky ket hon',
    'két hôn',
    'hon ket dang ky',
    'dang ki ket hon',
    'kêt hon',
  ])('"%s" → Đăng ký kết hôn first, ranked', async (q) => {
    const page = await search(`q=${encodeURIComponent(q)}`);
    expect(page.items[0]).toMatchObject({ code: '1.000894', name: 'Đăng ký kết hôn' });
    const scores = page.items.map((i) => i.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
  });

  it('pages with limit and offset, and filters by field, agency, level and online level', async () => {
    const all = await search('q=dang+ky&limit=100');
    const two = await search('q=dang+ky&limit=2&offset=1');
    expect(two.items.map((i) => i.code)).toEqual(all.items.slice(1, 3).map((i) => i.code));
    expect(two.total).toBe(all.total);

    const civil = await search(`q=dang+ky&field=${encodeURIComponent('Hộ tịch')}&limit=100`);
    expect(civil.total).toBeGreaterThan(3);
    expect(civil.items.every((i) => i.field === 'Hộ tịch')).toBe(true);
    expect((await search('q=ket+hon&onlineLevel=full')).items.map((i) => i.code)).not.toContain(
      '1.000894',
    );
    expect((await search('q=ket+hon&level=commune')).items[0]!.code).toBe('1.000894');

    const agencies = await get('/api/v1/procedures/agencies');
    expect(agencies.statusCode).toBe(200);
    const list = agencies.json().items as { agency: string; count: number }[];
    expect(list.length).toBeGreaterThan(3);
    const one = list.find((a) => a.count === 1)!;
    const byAgency = await search(`agency=${encodeURIComponent(one.agency)}`);
    expect(byAgency.total).toBe(1);
  });

  it('without q lists all by field then name, no scores; junk finds nothing; bad filters are 400', async () => {
    const all = await search('limit=100');
    expect(all.total).toBeGreaterThanOrEqual(25);
    expect(all.items.every((i) => i.score === undefined)).toBe(true);
    const collator = new Intl.Collator('vi');
    const fields = all.items.map((i) => i.field);
    expect(fields).toEqual([...fields].sort(collator.compare));

    expect(await search('q=xyzzy+qwerty')).toEqual({ items: [], total: 0 });
    const bad = await get('/api/v1/public/procedures?level=province2&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const long = await get(`/api/v1/public/procedures?q=${'a'.repeat(201)}`);
    expect(long.statusCode).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/public/procedures',
        '/api/v1/public/procedures/{code}',
        '/api/v1/public/procedures/{code}/forms/{file}',
        '/api/v1/procedures/agencies',
        '/api/v1/procedure-synonyms',
      ]),
    );
  });
});

describe('GET /api/v1/public/procedures/{code}', () => {
  it('shows what the law requires public, with the ways of submitting and form links', async () => {
    const res = await get('/api/v1/public/procedures/1.000894');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      code: '1.000894',
      name: 'Đăng ký kết hôn',
      field: 'Hộ tịch',
      level: 'commune',
      onlineLevel: 'partial',
      methods: ['direct', 'online', 'postal'],
      result: 'Giấy chứng nhận kết hôn',
      processingTime: { value: 4, unit: 'working_hours' },
    });
    expect(p.legalBasis).toContain('Luật Hộ tịch');
    expect(p.fees[0].name).toBe('Lệ phí đăng ký kết hôn');
    expect(p.steps.map((s: { order: number }) => s.order)).toEqual([1, 2, 3, 4]);
    expect(p.steps[0]).not.toHaveProperty('role');
    const toKhai = p.components.find((c: { key: string }) => c.key === 'to_khai');
    expect(toKhai.formUrl).toBe('/api/v1/public/procedures/1.000894/forms/to_khai.pdf');
    const paper = p.components.find((c: { key: string }) => c.key === 'xac_nhan_hon_nhan');
    expect(paper.formUrl).toBeNull();

    const info = (await get('/api/v1/public/procedures/2.000884')).json();
    expect(info.methods).toEqual(['direct', 'postal']);
    expect((await get('/api/v1/public/procedures/9.999999')).json().code).toBe(
      'procedure_not_found',
    );
  });

  it('serves a blank form as a PDF with the Vietnamese field labels', async () => {
    const res = await get('/api/v1/public/procedures/1.000894/forms/to_khai.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('1.000894-to_khai.pdf');
    const { text } = await readPdf(res.rawPayload);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TỜ KHAI ĐĂNG KÝ KẾT HÔN',
      'Họ, chữ đệm, tên bên nữ (*)',
      'Số định danh cá nhân bên nam',
      'Kính gửi: Ủy ban nhân dân cấp xã',
      'NGƯỜI KHAI',
    ]) {
      expect(text).toContain(s);
    }
    // A choice field is printed as tick boxes with its options.
    const biz = await get('/api/v1/public/procedures/2.000575/forms/thong_bao.pdf');
    expect((await readPdf(biz.rawPayload)).text).toContain('Vốn kinh doanh');

    const none = await get('/api/v1/public/procedures/1.000894/forms/xac_nhan_hon_nhan.pdf');
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('procedure_form_not_found');
    expect((await get('/api/v1/public/procedures/1.000894/forms/..%2Fx.pdf')).statusCode).toBe(400);
  });
});

describe('/api/v1/procedure-synonyms', () => {
  it('is for system administrators only', async () => {
    expect((await get('/api/v1/procedure-synonyms')).statusCode).toBe(401);
    expect((await get('/api/v1/procedure-synonyms', staff.headers)).statusCode).toBe(403);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/procedure-synonyms',
      headers: staff.headers,
      payload: { items: [] },
    });
    expect(put.statusCode).toBe(403);
  });

  it('starts with the default list, and a replacement is audited and searched at once', async () => {
    const list = (await get('/api/v1/procedure-synonyms', t.admin.headers)).json();
    expect(list.items.map((g: { terms: string[] }) => g.terms)).toEqual(
      DEFAULT_SYNONYMS.map((g) => [...g]),
    );
    expect((await search('q=phong+hat')).items.map((i) => i.code)).not.toContain('1.001029');

    const before = await auditCount('procedure_synonym.replace');
    const items = [...list.items, { terms: ['karaoke', 'phòng hát'] }];
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/procedure-synonyms',
      headers: t.admin.headers,
      payload: { items },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().items).toEqual(items);
    expect(await auditCount('procedure_synonym.replace')).toBe(before + 1);
    // The cached index was rebuilt: the new synonym finds the karaoke licence.
    expect((await search('q=phong+hat')).items[0]!.code).toBe('1.001029');
    expect((await get('/api/v1/procedure-synonyms', t.admin.headers)).json().items).toEqual(items);
  });

  it('refuses a bad list with 400 and changes nothing', async () => {
    const before = (await get('/api/v1/procedure-synonyms', t.admin.headers)).json();
    const audits = await auditCount('procedure_synonym.replace');
    for (const payload of [
      { items: [{ terms: ['một từ'] }] },
      { items: [{ terms: ['kết hôn', 'cưới'] }, { terms: ['Ket Hon', 'lấy vợ'] }] },
      { items: [{ terms: ['!!!', 'cưới'] }] },
      { items: [{ terms: ['a'.repeat(101), 'b'] }] },
      { items: 'không phải danh sách' },
      { items: [] },
    ]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/procedure-synonyms',
        headers: t.admin.headers,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().detail).toMatch(/[ăâđêôơư]/);
    }
    const dup = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/procedure-synonyms',
      headers: t.admin.headers,
      payload: { items: [{ terms: ['kết hôn', 'cưới'] }, { terms: ['Ket Hon', 'lấy vợ'] }] },
    });
    expect(dup.json().errors).toEqual([expect.objectContaining({ path: 'body.items.1.terms.0' })]);
    expect((await get('/api/v1/procedure-synonyms', t.admin.headers)).json()).toEqual(before);
    expect(await auditCount('procedure_synonym.replace')).toBe(audits);
  });

  it('rebuilds the index when a procedure changes', async () => {
    expect((await search('q=ket+hon')).items[0]!.code).toBe('1.000894');
    const p = (await get('/api/v1/procedures?q=1.000894')).json().items[0];
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/procedures/${p.id}`,
      headers: t.admin.headers,
    });
    expect(del.statusCode).toBe(204);
    expect((await search('q=ket+hon')).items.map((i) => i.code)).not.toContain('1.000894');
    expect((await get('/api/v1/public/procedures/1.000894')).statusCode).toBe(404);
  });
});
