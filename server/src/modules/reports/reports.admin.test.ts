import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildReportArea,
  buildReportInput,
  REPORT_STAFF_PASSWORD,
} from '../../../test/factories/reports.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

// Mon 01/02/2027 09:00 +07, the week before Tết 2027 (05–11/02 off).
const START = new Date('2027-02-01T02:00:00Z');
const clock = new FixedClock(START);
let t: TestApp;
let area: Awaited<ReturnType<typeof buildReportArea>>;
let eastAdmin: { headers: Record<string, string> };
beforeAll(async () => {
  t = await createTestApp({ clock });
  area = await buildReportArea(t);
  const username = `qtv.${randomUUID().slice(0, 6)}`;
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: t.admin.headers,
    payload: {
      username,
      password: REPORT_STAFF_PASSWORD,
      fullName: 'Quản trị huyện',
      roles: [{ role: 'admin', unitCode: area.east.code }],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  eastAdmin = await t.login(username, REPORT_STAFF_PASSWORD);
});
afterAll(() => t.close());

let ip = 0;
const send = (method: string, url: string, payload?: unknown, headers = t.admin.headers) =>
  t.app.inject({
    method: method as 'GET',
    url: `/api/v1${url}`,
    payload: payload as never,
    headers,
    remoteAddress: `10.9.${Math.floor(++ip / 250)}.${ip % 250}`,
  });
const create = async (overrides: Record<string, unknown> = {}) => {
  const res = await send('POST', '/reports', buildReportInput(area, overrides), {});
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; handlingUnitCode: string; followToken: string };
};
const act = async (
  id: string,
  body: Record<string, unknown>,
  who: { headers: Record<string, string> },
) => {
  const got = await send('GET', `/reports/${id}`, undefined, area.leader.headers);
  expect(got.statusCode, got.body).toBe(200);
  const v = got.json().version;
  const res = await send('POST', `/reports/${id}/actions`, { version: v, ...body }, who.headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** Moves the clock and signs the staff in again (sessions end after 8 idle hours). */
async function travel(to: Date) {
  clock.set(to);
  for (const who of [area.desk, area.specialist, area.leader, area.outsider])
    who.headers = (await t.login(who.username, REPORT_STAFF_PASSWORD)).headers;
  t.admin.headers = (await t.login('admin', ADMIN_PASSWORD)).headers;
}
const auditCount = async (action: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = ${action}`.execute(t.db.kysely)
  ).rows[0]!.n;

const category = {
  nameVi: 'Cấp nước sinh hoạt',
  nameEn: 'Water supply',
  description: 'Mất nước, nước đục, vỡ ống.',
  responsibleKind: 'district',
  slaAcceptDays: 1,
  slaInfoDays: 3,
  slaResolveDays: 10,
  slaPublishDays: 2,
  active: true,
  sortOrder: 50,
};

describe('categories (system administrators)', () => {
  it('adds a category with its time limits; the form lists it; duplicates and bad limits are refused', async () => {
    const res = await send('POST', '/report-categories', { code: 'water', ...category });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'water',
      slaResolveDays: 10,
      responsibleKind: 'district',
    });
    const again = await send('POST', '/report-categories', { code: 'water', ...category });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('category_exists');
    const bad = await send('POST', '/report-categories', {
      code: 'Nuoc Sach',
      ...category,
      slaResolveDays: 0,
    });
    expect(bad.statusCode).toBe(400);
    const text = JSON.stringify(bad.json());
    expect(text).toContain('Mã lĩnh vực');
    expect(text).toContain('ít nhất 1 ngày làm việc');
    const form = await send('GET', '/report-categories', undefined, {});
    expect(form.json().items.map((c: { code: string }) => c.code)).toContain('water');
    expect(await auditCount('report.category.create')).toBe(1);
  });

  it('a report of the new category goes to its level and gets its deadline', async () => {
    const r = await create({ categoryCode: 'water' });
    // District level: the ward's district answers.
    expect(r.handlingUnitCode).toBe(area.east.code);
    const row = await t.db.kysely
      .selectFrom('report')
      .select('accept_due_at')
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    // 1 working day: Tue 02/02 17:00.
    expect(new Date(row.accept_due_at).toISOString()).toBe('2027-02-02T10:00:00.000Z');
  });

  it('deactivating hides it from the form and refuses new reports; staff and others get 403', async () => {
    const res = await send('PUT', '/report-categories/water', { ...category, active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);
    const form = await send('GET', '/report-categories', undefined, {});
    expect(form.json().items.map((c: { code: string }) => c.code)).not.toContain('water');
    const all = await send('GET', '/report-categories/all');
    expect(all.json().items.find((c: { code: string }) => c.code === 'water').active).toBe(false);
    const refused = await send(
      'POST',
      '/reports',
      buildReportInput(area, { categoryCode: 'water' }),
      {},
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('unknown_category');
    for (const who of [area.leader, eastAdmin]) {
      expect(
        (await send('PUT', '/report-categories/water', category, who.headers)).statusCode,
      ).toBe(403);
      expect((await send('GET', '/report-categories/all', undefined, who.headers)).statusCode).toBe(
        403,
      );
    }
    expect((await send('PUT', '/report-categories/khong_co', category)).statusCode).toBe(404);
    const audit = await sql<{ before: { active: boolean }; after: { active: boolean } }>`
      select before, after from audit_log where action = 'report.category.update'`.execute(
      t.db.kysely,
    );
    expect(audit.rows.map((a) => [a.before.active, a.after.active])).toEqual([[true, false]]);
  });
});

describe('category questions', () => {
  const question = {
    code: 'water_colour',
    description: 'Màu nước',
    datatype: 'singlevaluelist',
    required: true,
    values: [
      { key: 'brown', name: 'Nâu đục' },
      { key: 'clear', name: 'Trong nhưng có mùi' },
    ],
  };
  it('an administrator sets the questions; the form, Open311 and the check all use them; omitted keeps them', async () => {
    let res = await send('PUT', '/report-categories/water', {
      ...category,
      active: true,
      attributes: [question, { code: 'note', description: 'Ghi chú', datatype: 'text' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().attributes.map((a: { code: string }) => a.code)).toEqual([
      'water_colour',
      'note',
    ]);
    const form = (await send('GET', '/report-categories', undefined, {})).json().items;
    expect(form.find((c: { code: string }) => c.code === 'water').attributes[0]).toMatchObject({
      code: 'water_colour',
      required: true,
    });
    const service = await t.app.inject({ method: 'GET', url: '/open311/v2/services/water.json' });
    expect(service.statusCode, service.body).toBe(200);
    expect(service.json().attributes[0]).toMatchObject({ code: 'water_colour', order: 1 });
    const missing = await send(
      'POST',
      '/reports',
      buildReportInput(area, { categoryCode: 'water' }),
      {},
    );
    expect(missing.json().code).toBe('invalid_attributes');
    // An update without `attributes` keeps them.
    res = await send('PUT', '/report-categories/water', { ...category, active: true });
    expect(res.json().attributes).toHaveLength(2);
  });

  it('refuses duplicate codes and a list without choices, changing nothing', async () => {
    const dup = await send('PUT', '/report-categories/water', {
      ...category,
      attributes: [question, { ...question, description: 'Lần nữa' }],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().code).toBe('duplicate_question_code');
    expect(dup.json().errors[0].path).toBe('body.attributes.1.code');
    const empty = await send('PUT', '/report-categories/water', {
      ...category,
      attributes: [{ ...question, values: [] }],
    });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('ít nhất một lựa chọn');
    const all = (await send('GET', '/report-categories/all')).json().items;
    expect(all.find((c: { code: string }) => c.code === 'water').attributes).toHaveLength(2);
  });
});

describe('routing overrides', () => {
  it("an area administrator sends the area's reports of a category elsewhere; the nearest area wins; removing restores the default", async () => {
    // Lighting is a commune matter: by default the ward answers.
    expect((await create()).handlingUnitCode).toBe(area.ward.code);
    let res = await send(
      'PUT',
      '/report-routing-rules',
      { categoryCode: 'lighting', areaUnitCode: area.east.code, handlingUnitCode: area.east.code },
      eastAdmin.headers,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      areaUnitCode: area.east.code,
      handlingUnitCode: area.east.code,
    });
    expect((await create()).handlingUnitCode).toBe(area.east.code);
    // Other categories keep their default.
    expect(
      (await create({ categoryCode: 'road', attributes: { damage: 'pothole' } })).handlingUnitCode,
    ).toBe(area.ward.code);
    // A rule on the ward itself beats the district's.
    res = await send(
      'PUT',
      '/report-routing-rules',
      { categoryCode: 'lighting', areaUnitCode: area.ward.code, handlingUnitCode: area.ward.code },
      eastAdmin.headers,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await create()).handlingUnitCode).toBe(area.ward.code);
    const list = await send(
      'GET',
      '/report-routing-rules?category=lighting',
      undefined,
      eastAdmin.headers,
    );
    expect(list.json().items).toHaveLength(2);
    expect(list.json().items[0].areaUnitName).toBeTruthy();
    res = await send(
      'DELETE',
      `/report-routing-rules/lighting/${area.ward.code}`,
      undefined,
      eastAdmin.headers,
    );
    expect(res.statusCode).toBe(204);
    expect((await create()).handlingUnitCode).toBe(area.east.code);
    res = await send(
      'DELETE',
      `/report-routing-rules/lighting/${area.east.code}`,
      undefined,
      eastAdmin.headers,
    );
    expect(res.statusCode).toBe(204);
    expect((await create()).handlingUnitCode).toBe(area.ward.code);
    expect(await auditCount('report.routing_rule.put')).toBe(2);
    expect(await auditCount('report.routing_rule.delete')).toBe(2);
  });

  it('refuses areas the admin does not administer, unknown units and categories, and a missing rule', async () => {
    const outside = await send(
      'PUT',
      '/report-routing-rules',
      { categoryCode: 'lighting', areaUnitCode: area.west.code, handlingUnitCode: area.east.code },
      eastAdmin.headers,
    );
    expect(outside.statusCode).toBe(403);
    const unknownUnit = await send('PUT', '/report-routing-rules', {
      categoryCode: 'lighting',
      areaUnitCode: area.east.code,
      handlingUnitCode: 'khong-co',
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().errors[0].path).toBe('body.handlingUnitCode');
    const unknownCategory = await send('PUT', '/report-routing-rules', {
      categoryCode: 'khong_co',
      areaUnitCode: area.east.code,
      handlingUnitCode: area.east.code,
    });
    expect(unknownCategory.statusCode).toBe(404);
    const missing = await send('DELETE', `/report-routing-rules/lighting/${area.east.code}`);
    expect(missing.statusCode).toBe(404);
    const rows = await t.db.kysely.selectFrom('report_routing_rule').selectAll().execute();
    expect(rows).toEqual([]);
    // The west ward's desk officer cannot see the east admin's rules.
    expect(
      (await send('GET', '/report-routing-rules', undefined, area.outsider.headers)).json().items,
    ).toEqual([]);
  });

  it("never lets a unit admin send their area's reports (names, phones) to a unit they do not administer", async () => {
    const wardAdmin = await adminOf(area.otherWard.code);
    const eastWardAdmin = await adminOf(area.ward.code);
    // Issue 11: a ward-B admin pointed ward B's reports at ward A → 200, and they landed there.
    const leak = await send(
      'PUT',
      '/report-routing-rules',
      {
        categoryCode: 'lighting',
        areaUnitCode: area.otherWard.code,
        handlingUnitCode: area.ward.code,
      },
      wardAdmin.headers,
    );
    expect(leak.statusCode, leak.body).toBe(403);
    expect(leak.json().code).toBe('handling_unit_out_of_scope');
    expect(await t.db.kysely.selectFrom('report_routing_rule').selectAll().execute()).toEqual([]);
    // Nor up the tree: the district is outside a ward admin's scope too.
    const up = await send(
      'PUT',
      '/report-routing-rules',
      {
        categoryCode: 'lighting',
        areaUnitCode: area.ward.code,
        handlingUnitCode: area.east.code,
      },
      eastWardAdmin.headers,
    );
    expect(up.statusCode).toBe(403);
    // The district's admin may route the ward's reports to the district (both are theirs)…
    const superior = await send(
      'PUT',
      '/report-routing-rules',
      { categoryCode: 'lighting', areaUnitCode: area.ward.code, handlingUnitCode: area.east.code },
      eastAdmin.headers,
    );
    expect(superior.statusCode, superior.body).toBe(200);
    // …and the ward's admin can neither replace nor remove that superior's rule.
    const replace = await send(
      'PUT',
      '/report-routing-rules',
      { categoryCode: 'lighting', areaUnitCode: area.ward.code, handlingUnitCode: area.ward.code },
      eastWardAdmin.headers,
    );
    expect(replace.statusCode).toBe(403);
    const remove = await send(
      'DELETE',
      `/report-routing-rules/lighting/${area.ward.code}`,
      undefined,
      eastWardAdmin.headers,
    );
    expect(remove.statusCode).toBe(403);
    // Another area's rule is not even found by another unit's admin (404, not 403).
    const foreign = await send(
      'DELETE',
      `/report-routing-rules/lighting/${area.ward.code}`,
      undefined,
      wardAdmin.headers,
    );
    expect(foreign.statusCode).toBe(404);
    const rows = await t.db.kysely.selectFrom('report_routing_rule').selectAll().execute();
    expect(rows.map((r) => [r.area_unit_code, r.handling_unit_code])).toEqual([
      [area.ward.code, area.east.code],
    ]);
    // The west ward's reports still reach the west ward.
    const west = await create({
      location: { lat: 10.5, long: 105.2, unitCode: area.otherWard.code, address: '1 Lê Lợi' },
    });
    expect(west.handlingUnitCode).toBe(area.otherWard.code);
    await send('DELETE', `/report-routing-rules/lighting/${area.ward.code}`);
  });
});

/** A signed-in administrator of one unit. */
async function adminOf(unitCode: string) {
  const username = `qtv.${randomUUID().slice(0, 6)}`;
  const r = await send('POST', '/users', {
    username,
    password: REPORT_STAFF_PASSWORD,
    fullName: `Quản trị ${unitCode}`,
    roles: [{ role: 'admin', unitCode }],
  });
  expect(r.statusCode, r.body).toBe(201);
  return t.login(username, REPORT_STAFF_PASSWORD);
}

describe('reply templates', () => {
  it('admins manage them; staff read the active ones of a category plus the general ones', async () => {
    const general = await send('POST', '/report-reply-templates', {
      kind: 'resolve',
      title: 'Đã khắc phục',
      body: 'Đơn vị đã khắc phục xong. Cảm ơn bạn đã phản ánh.',
    });
    expect(general.statusCode, general.body).toBe(201);
    const lighting = await send('POST', '/report-reply-templates', {
      categoryCode: 'lighting',
      kind: 'resolve',
      title: 'Đã thay bóng đèn',
      body: 'Đã thay bóng đèn, đèn sáng bình thường.',
    });
    const road = await send('POST', '/report-reply-templates', {
      categoryCode: 'road',
      kind: 'reject',
      title: 'Không thuộc thẩm quyền',
      body: 'Tuyến đường do tỉnh quản lý.',
    });
    expect(road.statusCode).toBe(201);
    let list = await send(
      'GET',
      '/report-reply-templates?category=lighting&kind=resolve',
      undefined,
      area.specialist.headers,
    );
    expect(
      list
        .json()
        .items.map((x: { title: string }) => x.title)
        .sort(),
    ).toEqual(['Đã khắc phục', 'Đã thay bóng đèn']);
    const off = await send('PUT', `/report-reply-templates/${lighting.json().id}`, {
      categoryCode: 'lighting',
      kind: 'resolve',
      title: 'Đã thay bóng đèn',
      body: 'Đã thay bóng đèn.',
      active: false,
    });
    expect(off.statusCode, off.body).toBe(200);
    list = await send(
      'GET',
      '/report-reply-templates?category=lighting&kind=resolve',
      undefined,
      area.specialist.headers,
    );
    expect(list.json().items.map((x: { title: string }) => x.title)).toEqual(['Đã khắc phục']);
    expect(
      (await send('GET', '/report-reply-templates?all=true', undefined, area.specialist.headers))
        .statusCode,
    ).toBe(403);
    expect((await send('GET', '/report-reply-templates?all=true')).json().items).toHaveLength(3);
    expect(
      (
        await send(
          'POST',
          '/report-reply-templates',
          { kind: 'resolve', title: 'x', body: 'y' },
          area.leader.headers,
        )
      ).statusCode,
    ).toBe(403);
    const bad = await send('POST', '/report-reply-templates', {
      kind: 'resolve',
      title: '',
      body: '',
    });
    expect(bad.statusCode).toBe(400);
    const badCat = await send('POST', '/report-reply-templates', {
      categoryCode: 'khong_co',
      kind: 'info',
      title: 'x',
      body: 'y',
    });
    expect(badCat.json().code).toBe('unknown_category');
    expect((await send('DELETE', `/report-reply-templates/${road.json().id}`)).statusCode).toBe(
      204,
    );
    expect((await send('DELETE', `/report-reply-templates/${road.json().id}`)).statusCode).toBe(
      404,
    );
    expect(await auditCount('report.reply_template.create')).toBe(3);
  });
});

describe('statistics and exports', () => {
  it('counts per unit: on time, late, working days to resolve across Tết, reopened, satisfaction', async () => {
    // Received on Fri 29/01/2027, a day no other test uses.
    await travel(new Date('2027-01-29T02:00:00Z'));
    // Resolved on time on Tue 02/02: 2 working days (Mon 01, Tue 02); rated 5.
    const a = await create();
    // Resolved after Tết on Mon 15/02: Mon 01–Thu 04, Fri 12, Mon 15 = 6 working days; rated 3.
    const b = await create();
    // Still open and past its accept deadline (Tue 02/02 17:00) at the end.
    await create({ description: 'Đèn chập chờn cả tuần.' });
    // Rejected on time.
    const d = await create({ description: 'Không phải việc của phường.' });
    await act(d.id, { action: 'reject', reason: 'Đèn trong khuôn viên nhà dân.' }, area.desk);
    for (const r of [a, b]) {
      await act(r.id, { action: 'accept' }, area.desk);
      await act(
        r.id,
        { action: 'assign', assigneeUsername: area.specialist.username },
        area.leader,
      );
      await act(r.id, { action: 'start' }, area.specialist);
    }
    await travel(new Date('2027-02-02T02:00:00Z'));
    await act(a.id, { action: 'resolve', reply: 'Đã thay bóng đèn.' }, area.specialist);
    await travel(new Date('2027-02-15T02:00:00Z'));
    await act(b.id, { action: 'resolve', reply: 'Đã sửa đường dây.' }, area.specialist);
    // The reporter of b says it is not fixed, then it is resolved again.
    let res = await send(
      'POST',
      `/public/reports/${b.code}/reopen`,
      { token: b.followToken, reason: 'Vẫn tắt.' },
      {},
    );
    expect(res.statusCode, res.body).toBe(200);
    await act(b.id, { action: 'resolve', reply: 'Đã thay cả cột đèn.' }, area.specialist);
    for (const [r, rating] of [
      [a, 5],
      [b, 3],
    ] as const) {
      res = await send(
        'POST',
        `/public/reports/${r.code}/rating`,
        { token: r.followToken, rating },
        {},
      );
      expect(res.statusCode, res.body).toBe(200);
    }
    res = await send(
      'GET',
      `/reports/stats?from=2027-01-29&to=2027-01-29&unit=${area.ward.code}`,
      undefined,
      area.leader.headers,
    );
    expect(res.statusCode, res.body).toBe(200);
    const ward = res.json().items.find((i: { unitCode: string }) => i.unitCode === area.ward.code);
    expect(ward).toMatchObject({
      received: 4,
      open: 1,
      finished: 3,
      resolved: 2,
      rejected: 1,
      onTime: 3,
      late: 1,
      overdueOpen: 1,
      onTimeRate: 0.75,
      avgWorkingDaysToResolve: 4,
      reopened: 1,
      rated: 2,
      avgRating: 4,
    });
    expect(ward.unitName).toBeTruthy();
    expect(res.json().total.received).toBe(4);
    // Scoped: the west ward's officer sees nothing of the east ward.
    res = await send(
      'GET',
      '/reports/stats?from=2027-01-29&to=2027-01-29',
      undefined,
      area.outsider.headers,
    );
    expect(res.json().items).toEqual([]);
    res = await send(
      'GET',
      '/reports/stats?from=2027-03-01&to=2027-02-01',
      undefined,
      area.leader.headers,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_period');
    res = await send(
      'GET',
      '/reports/stats?from=2025-01-01&to=2027-02-01',
      undefined,
      area.leader.headers,
    );
    expect(res.json().code).toBe('period_too_long');
  });

  it('CSV exports never carry an anonymous name, nor any phone or e-mail; the public one no name at all', async () => {
    const named = await create({
      contact: { name: 'Trần Thị Công Khai', phone: '0987654321', email: 'congkhai@example.vn' },
    });
    const hidden = await create({
      anonymous: true,
      contact: { name: 'Lê Văn Ẩn Danh', phone: '0911111111', email: 'an.danh@example.vn' },
      description: '=HYPERLINK("http://example.invalid","bấm")',
    });
    const staff = await send('GET', '/reports/export.csv', undefined, area.leader.headers);
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(staff.headers['content-disposition']).toMatch(
      /^attachment; filename="phan-anh-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(staff.body.charCodeAt(0)).toBe(0xfeff);
    expect(staff.body).toContain(named.code);
    expect(staff.body).toContain('Trần Thị Công Khai');
    expect(staff.body).toContain(hidden.code);
    expect(staff.body).toContain('Ẩn danh');
    // Formula text is neutralised.
    expect(staff.body).toContain(`"'=HYPERLINK(`);
    const pub = await send('GET', '/public/reports.csv', undefined, {});
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.body).toContain(hidden.code);
    for (const body of [staff.body, pub.body]) {
      for (const secret of [
        'Lê Văn Ẩn Danh',
        '0911111111',
        'an.danh@example.vn',
        '0987654321',
        'congkhai@example.vn',
      ])
        expect(body).not.toContain(secret);
    }
    expect(pub.body).not.toContain('Trần Thị Công Khai');
    // The outsider's export holds none of the east ward's reports.
    const other = await send('GET', '/reports/export.csv', undefined, area.outsider.headers);
    expect(other.body).not.toContain(named.code);
    expect(await auditCount('report.export')).toBe(2);
    const bad = await send(
      'GET',
      '/public/reports.csv?from=2027-03-01&to=2027-02-01',
      undefined,
      {},
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_period');
    expect((await send('GET', '/reports/export.csv', undefined, {})).statusCode).toBe(401);
  });
});
