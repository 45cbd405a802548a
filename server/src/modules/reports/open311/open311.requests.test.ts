import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportArea, buildReportInput } from '../../../../test/factories/reports.js';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { FixedClock } from '../../../platform/clock.js';
import { ReportService } from '../reports.service.js';
import { readOpen311Form } from './open311.form.js';
import { Open311Service } from './open311.service.js';
import { getOpen311, newClient, parseXml, postRequest } from './open311.test-support.js';

// Mon 01/02/2027 09:00 +07.
const START = new Date('2027-02-01T02:00:00Z');
const DAY = 86_400_000;
const clock = new FixedClock(START);
let t: TestApp;
let area: Awaited<ReturnType<typeof buildReportArea>>;
let client: { id: string; apiKey: string };
beforeAll(async () => {
  t = await createTestApp({ clock });
  area = await buildReportArea(t);
  client = await newClient(t);
});
afterAll(() => t.close());

// The reporter's identity, which must never come out of Open311.
const PERSON = {
  first_name: 'Bí Ẩn',
  last_name: 'Trần Thị',
  phone: '0987654321',
  email: 'bi.an.tran@example.vn',
  device_id: 'thiet-bi-9f8e7d',
  account_id: 'tai-khoan-424242',
};
const WEB_PERSON = { name: 'Lê Văn Kín Đáo', phone: '0912000111', email: 'kin.dao@example.vn' };

/** Files a report through Open311 at `at` (default now); returns its code and token. */
async function file311(
  overrides: Record<string, string | undefined> = {},
  at?: Date,
): Promise<{ code: string; token: string }> {
  if (at) clock.set(at);
  const res = await postRequest(t, 'json', {
    api_key: client.apiKey,
    service_code: 'lighting',
    lat: '10.3812',
    long: '105.7531',
    address_id: area.ward.code,
    description: 'Đèn đường không sáng.',
    ...overrides,
  });
  clock.set(START);
  expect(res.statusCode, res.body).toBe(201);
  const [a] = res.json();
  return { code: a.service_request_id, token: a.token };
}

/** Files a report through the web API (a named reporter); returns its id and code. */
async function fileWeb(): Promise<{ id: string; code: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    payload: buildReportInput(area, { contact: WEB_PERSON }),
    remoteAddress: '10.99.0.1',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function idOf(code: string): Promise<string> {
  const r = await t.db.kysely
    .selectFrom('report')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return r.id;
}

async function act(code: string, who: { headers: Record<string, string> }, body: object) {
  const id = await idOf(code);
  const view = await t.app.inject({
    method: 'GET',
    url: `/api/v1/reports/${id}`,
    headers: who.headers,
  });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/reports/${id}/actions`,
    headers: who.headers,
    payload: { ...body, version: view.json().version },
  });
  expect(res.statusCode, res.body).toBe(200);
}

type Request = Record<string, unknown>;
const one = async (code: string, query = ''): Promise<Request> => {
  const res = await getOpen311(t, `/requests/${code}.json${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const list = res.json() as Request[];
  expect(list).toHaveLength(1);
  return list[0]!;
};
const codes = async (query: string): Promise<string[]> => {
  const res = await getOpen311(t, `/requests.json${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Request[]).map((r) => r.service_request_id as string);
};

describe('GET /requests/{id}', () => {
  it('gives the standard fields in JSON and XML: status, notice, agency, dates in +07:00', async () => {
    const { code } = await file311({ address_string: '12 Trần Hưng Đạo' });
    const r = await one(code);
    expect(r).toEqual({
      service_request_id: code,
      status: 'open',
      status_notes: 'Mới tiếp nhận',
      service_name: 'Chiếu sáng công cộng',
      service_code: 'lighting',
      description: 'Đèn đường không sáng.',
      agency_responsible: expect.any(String),
      service_notice: expect.stringContaining('15 ngày làm việc'),
      requested_datetime: '2027-02-01T09:00:00+07:00',
      updated_datetime: '2027-02-01T09:00:00+07:00',
      // Accept within 2 working days: Wed 03/02 17:00.
      expected_datetime: '2027-02-03T17:00:00+07:00',
      address: '12 Trần Hưng Đạo',
      address_id: area.ward.code,
      zipcode: null,
      lat: 10.3812,
      long: 105.7531,
      media_url: null,
    });
    const xml = await getOpen311(t, `/requests/${code}.xml`);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const request = parseXml(xml.body).service_requests.request;
    expect(request).toHaveLength(1);
    expect(Object.keys(request[0])).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
    expect(request[0].lat).toBe('10.3812');
    expect(request[0].zipcode).toBe('');
  });

  it('an unknown request is 404 in both formats', async () => {
    const json = await getOpen311(t, '/requests/PA-000000-0000.json');
    expect(json.statusCode).toBe(404);
    expect(json.json()[0].code).toBe(404);
    const xml = await getOpen311(t, '/requests/PA-000000-0000.xml');
    expect(xml.statusCode).toBe(404);
    expect(parseXml(xml.body).errors.error[0].code).toBe('404');
  });
});

describe('status mapping', () => {
  it('open while worked on; closed with the public reply once resolved', async () => {
    const { code } = await file311();
    await act(code, area.desk, { action: 'accept' });
    expect(await one(code)).toMatchObject({ status: 'open', status_notes: 'Đã tiếp nhận xử lý' });
    await act(code, area.leader, { action: 'assign', assigneeUsername: area.specialist.username });
    await act(code, area.specialist, { action: 'start' });
    expect((await one(code)).status).toBe('open');
    await act(code, area.specialist, { action: 'resolve', reply: 'Đã thay bóng đèn mới.' });
    expect(await one(code)).toMatchObject({
      status: 'closed',
      status_notes: 'Đã thay bóng đèn mới.',
      expected_datetime: null,
    });
    await act(code, area.desk, { action: 'close' });
    expect(await one(code)).toMatchObject({
      status: 'closed',
      status_notes: 'Đã thay bóng đèn mới.',
    });
  });

  it('a merged report is closed and points to the one it was merged into', async () => {
    const target = await file311();
    const dup = await file311();
    await act(dup.code, area.desk, { action: 'merge', targetId: await idOf(target.code) });
    const r = await one(dup.code);
    expect(r.status).toBe('closed');
    expect(r.status_notes).toContain(target.code);
  });

  it('a rejected report is not published, except to the client that sent it (with the reason)', async () => {
    const { code, token } = await file311();
    await act(code, area.desk, { action: 'reject', reason: 'Không thuộc thẩm quyền giải quyết.' });
    expect((await getOpen311(t, `/requests/${code}.json`)).statusCode).toBe(404);
    expect(await codes(`?service_request_id=${code}`)).toEqual([]);
    const own = await one(code, `?api_key=${encodeURIComponent(client.apiKey)}`);
    expect(own).toMatchObject({
      status: 'closed',
      status_notes: 'Từ chối: Không thuộc thẩm quyền giải quyết.',
    });
    const other = await newClient(t, 'Ứng dụng khác');
    expect(
      (await getOpen311(t, `/requests/${code}.json?api_key=${encodeURIComponent(other.apiKey)}`))
        .statusCode,
    ).toBe(404);
    expect((await getOpen311(t, `/requests/${code}.json?api_key=sai`)).statusCode).toBe(403);
    // The token still leads to it (its holder sent it).
    expect((await getOpen311(t, `/tokens/${token}.json`)).json()[0].service_request_id).toBe(code);
  });
});

describe('GET /requests filters', () => {
  let old: string;
  let recent: string;
  let road: string;
  let closed: string;
  beforeAll(async () => {
    old = (await file311({}, new Date(START.getTime() - 100 * DAY))).code;
    recent = (await file311({}, new Date(START.getTime() - 10 * DAY))).code;
    road = (
      await file311(
        { service_code: 'road', 'attribute[damage]': 'pothole' },
        new Date(START.getTime() - 5 * DAY),
      )
    ).code;
    closed = (await file311({}, new Date(START.getTime() - 3 * DAY))).code;
    await act(closed, area.desk, { action: 'accept' });
    await act(closed, area.leader, {
      action: 'assign',
      assigneeUsername: area.specialist.username,
    });
    await act(closed, area.specialist, { action: 'start' });
    await act(closed, area.specialist, { action: 'resolve', reply: 'Xong.' });
  });

  it('by default the last 90 days, newest first', async () => {
    const list = await codes('');
    expect(list).toContain(recent);
    expect(list).not.toContain(old);
    expect(list.indexOf(road)).toBeLessThan(list.indexOf(recent));
    const xml = parseXml((await getOpen311(t, '/requests.xml')).body);
    expect(
      xml.service_requests.request.map((r: { service_request_id: string }) => r.service_request_id),
    ).toEqual(list);
  });

  it('start_date / end_date choose the window; over 90 days is 400', async () => {
    const window = await codes(
      `?start_date=2026-10-01T00:00:00%2B07:00&end_date=2026-12-01T00:00:00%2B07:00`,
    );
    expect(window).toEqual([old]);
    // Date only, and a '+' left unencoded (a space once decoded).
    expect(await codes('?start_date=2026-10-23&end_date=2026-10-24T09:00:00+07:00')).toEqual([old]);
    const span = await getOpen311(t, '/requests.json?start_date=2026-10-01&end_date=2027-01-15');
    expect(span.statusCode).toBe(400);
    expect(span.json()[0].description).toContain('90 ngày');
    const xmlSpan = await getOpen311(t, '/requests.xml?start_date=2026-10-01&end_date=2027-01-15');
    expect(xmlSpan.statusCode).toBe(400);
    expect(parseXml(xmlSpan.body).errors.error[0].code).toBe('400');
    const bad = await getOpen311(t, '/requests.json?start_date=hom-qua');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()[0].description).toMatch(/^start_date: /);
  });

  it('service_code and status filter; a bad status is 400', async () => {
    expect(await codes('?service_code=road')).toEqual([road]);
    expect(await codes('?status=closed')).toContain(closed);
    expect(await codes('?status=closed')).not.toContain(recent);
    const open = await codes('?status=open');
    expect(open).toContain(recent);
    expect(open).not.toContain(closed);
    expect(await codes('?status=closed&service_code=road')).toEqual([]);
    expect((await getOpen311(t, '/requests.json?status=pending')).statusCode).toBe(400);
  });

  it('service_request_id (a comma list) overrides every other filter', async () => {
    const list = await codes(
      `?service_request_id=${old},${road}&service_code=lighting&status=closed`,
    );
    expect(list.sort()).toEqual([old, road].sort());
  });

  it('at most the cap (1000 by default; a smaller one injected here), newest first', async () => {
    const svc = new Open311Service({
      db: t.db.kysely,
      clock,
      reports: new ReportService({ db: t.db.kysely, clock, publicUrl: 'http://x' }),
      publicUrl: 'http://x',
      jurisdictionId: 'x',
      maxRequests: 2,
    });
    const all = await codes('');
    const capped = (await svc.listRequests({}, null)) as Request[];
    expect(capped.map((r) => r.service_request_id)).toEqual(all.slice(0, 2));
    await expect(svc.listRequests({ service_request_id: 'a,b,c' }, null)).rejects.toThrow(
      /Tối đa 2/,
    );
  });
});

describe('the jurisdiction unit, when configured', () => {
  it('refuses a point or an address_id outside it; address_string alone goes to it', async () => {
    const svc = new Open311Service({
      db: t.db.kysely,
      clock,
      reports: new ReportService({ db: t.db.kysely, clock, publicUrl: 'http://x' }),
      publicUrl: 'http://x',
      jurisdictionId: 'x',
      jurisdictionUnit: area.east.code,
    });
    const base = { service_code: 'lighting', description: 'Đèn hỏng.' };
    // West district's point and ward are outside East.
    await expect(
      svc.createRequest(readOpen311Form({ ...base, lat: '10.5', long: '105.2' }), client.id),
    ).rejects.toMatchObject({ status: 400, code: 'location_outside_jurisdiction' });
    await expect(
      svc.createRequest(readOpen311Form({ ...base, address_id: area.otherWard.code }), client.id),
    ).rejects.toMatchObject({ status: 400, code: 'location_outside_jurisdiction' });
    const [created] = (await svc.createRequest(
      readOpen311Form({ ...base, address_string: 'Cầu Hoàng Diệu' }),
      client.id,
    )) as Request[];
    const row = await t.db.kysely
      .selectFrom('report')
      .select(['unit_code', 'address'])
      .where('code', '=', created!.service_request_id as string)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_code: area.east.code, address: 'Cầu Hoàng Diệu' });
    const unknown = new Open311Service({ ...svc.deps, jurisdictionUnit: 'KHONGCO' });
    await expect(
      unknown.createRequest(readOpen311Form({ ...base, address_string: 'Chợ' }), client.id),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('privacy', () => {
  it("no body of any Open311 call carries a reporter's name, phone, e-mail, device or account", async () => {
    const named = await file311({ ...PERSON, address_string: '5 Lê Lợi' });
    const anonymous = await file311();
    const web = await fileWeb();
    const tokenRes = await postRequest(t, 'xml', {
      api_key: client.apiKey,
      service_code: 'lighting',
      address_id: area.ward.code,
      ...PERSON,
    });
    expect(tokenRes.statusCode, tokenRes.body).toBe(201);
    const stored = await t.db.kysely
      .selectFrom('report')
      .select(['reporter_name', 'reporter_phone', 'reporter_email'])
      .where('code', '=', named.code)
      .executeTakeFirstOrThrow();
    // Stored for the staff (name from first and last name)…
    expect(stored).toEqual({
      reporter_name: 'Bí Ẩn Trần Thị',
      reporter_phone: '0987654321',
      reporter_email: 'bi.an.tran@example.vn',
    });
    // …and never given out.
    const paths = [
      '/requests',
      `/requests?service_request_id=${named.code},${anonymous.code},${web.code}`,
      `/requests/${named.code}`,
      `/requests/${web.code}`,
      `/requests/${anonymous.code}`,
      `/tokens/${named.token}`,
      '/services',
      '/services/road',
      '/discovery',
    ];
    const bodies = [tokenRes.body];
    for (const path of paths)
      for (const fmt of ['json', 'xml']) {
        const res = await getOpen311(t, `${path.replace(/(\?|$)/, `.${fmt}$1`)}`);
        expect(res.statusCode, `${path} ${fmt}`).toBe(200);
        bodies.push(res.body);
      }
    const secrets = [
      ...Object.values(PERSON),
      'Bí Ẩn Trần Thị',
      ...Object.values(WEB_PERSON),
      '+84',
      '987654321',
      '912000111',
    ];
    for (const body of bodies) for (const s of secrets) expect(body).not.toContain(s);
    // The web report is listed (anyone's published report is), without its reporter.
    expect(bodies.some((b) => b.includes(web.code))).toBe(true);
  });
});
