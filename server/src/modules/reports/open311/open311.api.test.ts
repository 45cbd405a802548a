import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportArea, buildReportInput } from '../../../../test/factories/reports.js';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { FixedClock } from '../../../platform/clock.js';
import { mediaUrl } from './open311.present.js';
import { getOpen311, newClient, parseXml, postRequest } from './open311.test-support.js';

// Mon 01/02/2027 09:00 +07.
const clock = new FixedClock(new Date('2027-02-01T02:00:00Z'));
let t: TestApp;
let area: Awaited<ReturnType<typeof buildReportArea>>;
let apiKey: string;
let clientId: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  area = await buildReportArea(t);
  ({ apiKey, id: clientId } = await newClient(t));
});
afterAll(() => t.close());

const count = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from report`.execute(t.db.kysely)).rows[0]!.n;

/** A valid road report at a point of the East district, inside its ward (override anything). */
const roadReport = (overrides: Record<string, string | string[] | undefined> = {}) => ({
  api_key: apiKey,
  service_code: 'road',
  lat: '10.3812',
  long: '105.7531',
  address_id: area.ward.code,
  address_string: '12 Trần Hưng Đạo',
  description: 'Ổ gà lớn giữa đường trước số 12.',
  'attribute[damage]': 'pothole',
  ...overrides,
});

describe('discovery, services and service definitions', () => {
  it('GET /discovery in JSON and XML names the endpoint, its type and both formats', async () => {
    const json = await getOpen311(t, '/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const d = json.json();
    expect(d).toMatchObject({
      changeset: expect.stringMatching(/\+07:00$/),
      contact: expect.any(String),
      key_service: expect.stringContaining('/quan-tri/open311'),
    });
    expect(d.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${t.ctx.config.publicUrl}/open311/v2`,
        changeset: d.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
    const xml = await getOpen311(t, '/discovery.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const doc = parseXml(xml.body).discovery;
    expect(Object.keys(doc)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const endpoint = doc.endpoints.endpoint[0];
    expect(endpoint.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(endpoint.type).toBe('production');
    expect(endpoint.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('GET /services lists the active categories; metadata is true for the one with questions', async () => {
    const list = (await getOpen311(t, '/services.json')).json() as Record<string, unknown>[];
    expect(list.map((s) => s.service_code)).toEqual([
      'road',
      'lighting',
      'waste',
      'drainage',
      'trees',
      'order',
      'other',
    ]);
    expect(list[0]).toEqual({
      service_code: 'road',
      service_name: 'Giao thông, đường sá',
      description: expect.stringContaining('Ổ gà'),
      metadata: true,
      type: 'realtime',
      keywords: 'Giao thông, đường sá, Roads and traffic',
      group: 'Phản ánh hiện trường',
    });
    expect(list[1]!.metadata).toBe(false);
    const xml = parseXml((await getOpen311(t, '/services.xml')).body);
    const services = xml.services.service;
    expect(services).toHaveLength(7);
    expect(Object.keys(services[0])).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(services[0].metadata).toBe('true');
    expect(services[1].metadata).toBe('false');
  });

  it('GET /services/{code} gives the questions with their values', async () => {
    const def = (await getOpen311(t, '/services/road.json')).json();
    expect(def.service_code).toBe('road');
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual([
      'damage',
      'size_m',
      'hazards',
    ]);
    expect(def.attributes[0]).toMatchObject({
      variable: true,
      code: 'damage',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      description: 'Loại hư hỏng',
    });
    expect(def.attributes[0].values[0]).toEqual({ key: 'pothole', name: 'Ổ gà, ổ voi' });
    expect(def.attributes[1].values).toEqual([]);
    const xml = parseXml((await getOpen311(t, '/services/road.xml')).body).service_definition;
    expect(xml.service_code).toBe('road');
    const attr = xml.attributes.attribute[0];
    expect(Object.keys(attr)).toEqual([
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
      'values',
    ]);
    expect(attr.values.value.map((v: { key: string }) => v.key)).toEqual([
      'pothole',
      'subsidence',
      'sidewalk',
      'sign',
      'other',
    ]);
    const none = parseXml((await getOpen311(t, '/services/lighting.xml')).body);
    expect(none.service_definition.attributes).toBe('');
  });

  it('an unknown service is 404 with an error list in the asked format', async () => {
    const json = await getOpen311(t, '/services/khong_co.json');
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual([
      { code: 404, description: expect.stringContaining('"khong_co"') },
    ]);
    const xml = await getOpen311(t, '/services/khong_co.xml');
    expect(xml.statusCode).toBe(404);
    const errors = parseXml(xml.body).errors.error;
    expect(errors).toEqual([{ code: '404', description: expect.stringContaining('service_code') }]);
  });

  it('another suffix is 400 and no suffix or an unknown path 404, as XML error lists', async () => {
    const csv = await getOpen311(t, '/services.csv');
    expect(csv.statusCode).toBe(400);
    expect(csv.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(parseXml(csv.body).errors.error[0].description).toContain('.csv');
    for (const path of ['/services', '/khong-co.json', '/requests/a/b.xml']) {
      const res = await getOpen311(t, path);
      expect(res.statusCode, path).toBe(404);
    }
    expect((await getOpen311(t, '/khong-co.json')).json()[0].code).toBe(404);
    const put = await t.app.inject({ method: 'PUT', url: '/open311/v2/requests.json' });
    expect(put.statusCode).toBe(404);
  });

  it('jurisdiction_id: ours (or empty) is accepted, another is 400 on every call', async () => {
    const ours = t.ctx.config.open311JurisdictionId;
    expect((await getOpen311(t, `/services.json?jurisdiction_id=${ours}`)).statusCode).toBe(200);
    expect((await getOpen311(t, '/services.json?jurisdiction_id=')).statusCode).toBe(200);
    for (const path of [
      '/services.json',
      '/discovery.xml',
      '/requests.json',
      '/services/road.xml',
    ]) {
      const res = await getOpen311(t, `${path}?jurisdiction_id=sfgov.org`);
      expect(res.statusCode, path).toBe(400);
    }
    const json = (await getOpen311(t, '/requests.json?jurisdiction_id=sfgov.org')).json();
    expect(json[0].description).toContain('sfgov.org');
    const before = await count();
    const post = await postRequest(t, 'json', roadReport({ jurisdiction_id: 'sfgov.org' }));
    expect(post.statusCode).toBe(400);
    expect(await count()).toBe(before);
    const ok = await postRequest(t, 'json', roadReport({ jurisdiction_id: ours }));
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('POST /requests', () => {
  it('files a report through the reports module and answers with its code, token and notice', async () => {
    const res = await postRequest(
      t,
      'json',
      roadReport({
        'attribute[size_m]': '1.5',
        'attribute[hazards][]': ['traffic', 'night'],
        media_url: 'https://anh.example.vn/o-ga.jpg',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const [answer] = res.json();
    expect(answer).toEqual({
      service_request_id: expect.stringMatching(/^PA-270201-\d{4}$/),
      token: expect.any(String),
      service_notice: expect.stringContaining('2 ngày làm việc'),
      account_id: null,
    });
    const row = await t.db.kysely
      .selectFrom('report')
      .selectAll()
      .where('code', '=', answer.service_request_id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'open311',
      source_client_id: clientId,
      category_code: 'road',
      unit_code: area.ward.code,
      handling_unit_code: area.ward.code,
      address: '12 Trần Hưng Đạo',
      media_url: 'https://anh.example.vn/o-ga.jpg',
      status: 'new',
    });
    expect(row.attributes).toEqual({
      damage: 'pothole',
      size_m: 1.5,
      hazards: ['traffic', 'night'],
    });
    // The token is the follow token: GET /tokens finds the request by its hash.
    const token = await getOpen311(t, `/tokens/${answer.token}.json`);
    expect(token.json()).toEqual([
      { service_request_id: answer.service_request_id, token: answer.token },
    ]);
    const xml = parseXml((await getOpen311(t, `/tokens/${answer.token}.xml`)).body);
    expect(xml.service_requests.request[0].service_request_id).toBe(answer.service_request_id);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where entity_id = ${row.id} and action = 'report.submit'`.execute(t.db.kysely);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('answers in XML: <service_requests><request> with the standard elements', async () => {
    const res = await postRequest(t, 'xml', roadReport());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const request = parseXml(res.body).service_requests.request[0];
    expect(Object.keys(request)).toEqual([
      'service_request_id',
      'token',
      'service_notice',
      'account_id',
    ]);
    expect(request.account_id).toBe('');
  });

  it('403 without, with a wrong or with a revoked api_key; nothing is stored', async () => {
    const before = await count();
    const missing = await postRequest(t, 'json', roadReport({ api_key: undefined }));
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual([
      { code: 403, description: expect.stringContaining('api_key') },
    ]);
    const wrong = await postRequest(t, 'xml', roadReport({ api_key: 'khong-phai-khoa' }));
    expect(wrong.statusCode).toBe(403);
    expect(parseXml(wrong.body).errors.error[0].code).toBe('403');
    const revokedClient = await newClient(t, 'Ứng dụng đã ngừng');
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open311/clients/${revokedClient.id}/revoke`,
      headers: t.admin.headers,
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const revoked = await postRequest(t, 'json', roadReport({ api_key: revokedClient.apiKey }));
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()[0].description).toContain('thu hồi');
    expect(await count()).toBe(before);
  });

  it('400 without service_code, 404 for an unknown one', async () => {
    const none = await postRequest(t, 'json', roadReport({ service_code: undefined }));
    expect(none.statusCode).toBe(400);
    expect(none.json()[0].description).toContain('service_code');
    const unknown = await postRequest(t, 'json', roadReport({ service_code: 'khong_co' }));
    expect(unknown.statusCode).toBe(404);
  });

  it('checks the answers against the definition, one error per problem', async () => {
    const before = await count();
    const res = await postRequest(
      t,
      'json',
      roadReport({
        'attribute[damage]': undefined,
        'attribute[size_m]': 'một mét',
        'attribute[hazards][]': ['traffic', 'fire'],
        'attribute[color]': 'red',
      }),
    );
    expect(res.statusCode).toBe(400);
    const descriptions = (res.json() as { code: number; description: string }[]).map(
      (e) => e.description,
    );
    expect(descriptions).toEqual([
      'attribute[color]: Lĩnh vực này không có câu hỏi mã "color".',
      'attribute[damage]: Bắt buộc trả lời câu hỏi “Loại hư hỏng”.',
      expect.stringMatching(/^attribute\[size_m\]: .*cần một số/),
      expect.stringMatching(/^attribute\[hazards\]: Giá trị "fire" không có trong danh sách/),
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a missing or half location, a bad phone or e-mail, a long description, a bad media_url', async () => {
    const before = await count();
    const cases: [Record<string, string | undefined>, string][] = [
      [
        { lat: undefined, long: undefined, address_id: undefined, address_string: undefined },
        'lat, long: Cần vị trí',
      ],
      [{ long: undefined }, 'lat, long: Gửi cả vĩ độ'],
      [{ lat: 'bắc', address_id: undefined }, 'lat: '],
      [{ phone: '12345' }, 'phone: Nhập số điện thoại di động gồm 10 chữ số'],
      [{ email: 'khong-phai-email' }, 'email: Email không đúng định dạng'],
      [{ description: 'x'.repeat(4001) }, 'description: Mô tả tối đa 4.000 ký tự.'],
      [{ media_url: 'javascript:alert(1)' }, 'media_url: '],
      [{ address_string: 'x'.repeat(301) }, 'address_string: Tối đa 300 ký tự.'],
    ];
    for (const [overrides, expected] of cases) {
      const res = await postRequest(t, 'json', roadReport(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      const all = (res.json() as { description: string }[]).map((e) => e.description);
      expect(
        all.some((d) => d.startsWith(expected)),
        `${expected} in ${all}`,
      ).toBe(true);
    }
    expect(await count()).toBe(before);
  });

  it('routes by point, by address_id (a unit code), and address_string alone to the jurisdiction unit', async () => {
    const code = async (overrides: Record<string, string | undefined>) => {
      const res = await postRequest(t, 'json', roadReport(overrides));
      expect(res.statusCode, res.body).toBe(201);
      return t.db.kysely
        .selectFrom('report')
        .select(['unit_code', 'handling_unit_code', 'address', 'lat'])
        .where('code', '=', res.json()[0].service_request_id)
        .executeTakeFirstOrThrow();
    };
    // A point alone: the district whose boundary contains it (seed boundaries are districts').
    expect(await code({ address_id: undefined })).toMatchObject({ unit_code: area.east.code });
    expect(
      await code({ lat: undefined, long: undefined, address_id: area.otherWard.code }),
    ).toMatchObject({ unit_code: area.otherWard.code, lat: null });
    // The factory's province has two districts: it is the jurisdiction's unit.
    expect(
      await code({
        lat: undefined,
        long: undefined,
        address_id: undefined,
        address_string: 'Chợ Mỹ Bình',
      }),
    ).toMatchObject({
      unit_code: area.province.code,
      handling_unit_code: area.province.code,
      address: 'Chợ Mỹ Bình',
    });
    const outside = await postRequest(
      t,
      'json',
      roadReport({ lat: '21.0', long: '105.8', address_id: undefined }),
    );
    expect(outside.statusCode).toBe(400);
    const unknownUnit = await postRequest(
      t,
      'json',
      roadReport({ lat: undefined, long: undefined, address_id: 'KHONGCO' }),
    );
    expect(unknownUnit.statusCode).toBe(400);
  });

  it('a missing description takes the service name', async () => {
    const res = await postRequest(t, 'json', roadReport({ description: undefined }));
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.db.kysely
      .selectFrom('report')
      .select('description')
      .where('code', '=', res.json()[0].service_request_id)
      .executeTakeFirstOrThrow();
    expect(row.description).toBe('Giao thông, đường sá');
  });

  it('an unknown token is 404', async () => {
    expect((await getOpen311(t, '/tokens/khong-co-ma-nay-dau-nhe.json')).statusCode).toBe(404);
    expect((await getOpen311(t, '/tokens/x.xml')).statusCode).toBe(404);
  });

  it('is rate-limited per client key: 429 with an error list', async () => {
    const { apiKey: key } = await newClient(t, 'Ứng dụng gửi dồn dập');
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const res = await postRequest(t, 'json', { api_key: key });
      last = res.statusCode;
      if (i < 30) expect(res.statusCode).toBe(400);
    }
    expect(last).toBe(429);
    const again = await postRequest(t, 'xml', { api_key: key });
    expect(again.statusCode).toBe(429);
    expect(parseXml(again.body).errors.error[0].code).toBe('429');
    // Another client is not slowed down.
    expect((await postRequest(t, 'json', roadReport())).statusCode).toBe(201);
  });
});

describe('media_url', () => {
  it("is the citizen's first photo when the client sent none, and never a rejected report's", async () => {
    const jpeg = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#808080' },
    })
      .jpeg()
      .toBuffer();
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/report-photos',
      headers: { 'content-type': 'image/jpeg' },
      payload: jpeg,
      remoteAddress: '10.31.0.1',
    });
    expect(up.statusCode, up.body).toBe(201);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: buildReportInput(area, {
        categoryCode: 'road',
        attributes: { damage: 'pothole' },
        photoIds: [up.json().id],
      }),
      remoteAddress: '10.31.0.2',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const { code, id } = filed.json();
    const one = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${code}.json` });
    expect(one.json()[0].media_url).toBe(
      `${t.ctx.config.publicUrl}/api/v1/public/report-photos/${up.json().id}`,
    );
    const version = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/${id}`,
        headers: area.desk.headers,
      })
    ).json().version;
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/actions`,
      headers: area.desk.headers,
      payload: { action: 'reject', version, reason: 'Trùng với phản ánh khác.' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    // Only the sending client would see a rejected report; this one came from the web.
    expect(
      (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${code}.json` })).statusCode,
    ).toBe(404);
    // And a client that sent a rejected report gets no link to its (no longer public) photos.
    const row = { media_url: null, first_photo_id: up.json().id, status: 'rejected' };
    expect(mediaUrl(row as never, 'https://x.vn')).toBeNull();
    expect(mediaUrl({ ...row, status: 'closed' } as never, 'https://x.vn')).toBe(
      `https://x.vn/api/v1/public/report-photos/${up.json().id}`,
    );
  });
});
