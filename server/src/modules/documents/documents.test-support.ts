// Test world of the documents module: a city with its office, leader and a department (phòng),
// and two wards with their clerk, leader and specialist (used only by *.test.ts beside it).
import { randomUUID } from 'node:crypto';
import { buildUnit } from '../../../test/factories/org.js';
import type { TestApp } from '../../../test/helpers.js';

export const PASSWORD = 'mat-khau-van-ban-1';
export type Headers = Record<string, string>;

/** Builds the units and people; each person has `headers` of a signed-in session. */
export async function buildDocumentWorld(t: TestApp) {
  const province = await buildUnit(t.db.kysely, { kind: 'province' });
  const city = await buildUnit(t.db.kysely, {
    kind: 'district',
    parentCode: province.code,
    name: 'UBND thành phố Thử',
  });
  const dept = await buildUnit(t.db.kysely, {
    kind: 'agency',
    category: 'ubnd',
    parentCode: city.code,
    name: 'Phòng Văn hóa và Thông tin',
  });
  const wardA = await buildUnit(t.db.kysely, {
    kind: 'commune',
    parentCode: city.code,
    name: 'Phường Thử A',
  });
  const wardB = await buildUnit(t.db.kysely, {
    kind: 'commune',
    parentCode: city.code,
    name: 'Phường Thử B',
  });
  const suffix = randomUUID().slice(0, 6);
  const person = async (key: string, roles: { role: string; unitCode: string }[]) => {
    const username = `${key}.${suffix}`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: { username, password: PASSWORD, fullName: `Cán bộ ${key}`, roles },
    });
    if (r.statusCode !== 201) throw new Error(`user ${key}: ${r.body}`);
    return {
      id: r.json().id as string,
      username,
      headers: (await t.login(username, PASSWORD)).headers,
    };
  };
  return {
    units: {
      province: province.code,
      city: city.code,
      dept: dept.code,
      A: wardA.code,
      B: wardB.code,
    },
    cityClerk: await person('vt.tp', [{ role: 'secretariat', unitCode: city.code }]),
    cityLeader: await person('ld.tp', [{ role: 'leader', unitCode: city.code }]),
    deptHead: await person('tp.vhtt', [{ role: 'leader', unitCode: dept.code }]),
    deptSpecialist: await person('cv.vhtt', [{ role: 'specialist', unitCode: dept.code }]),
    clerkA: await person('vt.a', [{ role: 'secretariat', unitCode: wardA.code }]),
    leaderA: await person('ld.a', [{ role: 'leader', unitCode: wardA.code }]),
    specialistA: await person('cv.a', [{ role: 'specialist', unitCode: wardA.code }]),
    specialistB: await person('cv.b', [{ role: 'specialist', unitCode: wardB.code }]),
    clerkB: await person('vt.b', [{ role: 'secretariat', unitCode: wardB.code }]),
  };
}
export type DocumentWorld = Awaited<ReturnType<typeof buildDocumentWorld>>;

/** Sends a JSON request as someone; returns status and parsed body. */
export async function call(
  t: TestApp,
  headers: Headers,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const r = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload === undefined ? {} : { payload: payload as never }),
  });
  let body: any = r.body;
  try {
    body = r.json();
  } catch {}
  return { status: r.statusCode, body, raw: r.rawPayload, headers: r.headers };
}

/** A registration body of an incoming paper document. */
export function paperDocument(over: Record<string, unknown> = {}) {
  return {
    source: 'paper',
    issuer: { name: 'Sở Thông tin và Truyền thông tỉnh Thử' },
    codeNumber: '125',
    codeNotation: 'STTTT-CĐS',
    issuedOn: '2027-01-20',
    typeCode: 'CV',
    summary: 'Về việc triển khai chữ ký số chuyên dùng công vụ',
    urgency: 'normal',
    files: [
      {
        name: 'cong-van-125.pdf',
        contentType: 'application/pdf',
        data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
      },
    ],
    ...over,
  };
}
