import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { FixedClock } from '../../platform/clock.js';
import { findUnitsByCodes, seedDemoOrg, unitDescendants, unitLineage } from './index.js';

// The 1 July 2025 reform, replayed on the demo tree: district 883 (Long Xuyên) is closed and
// its wards and communes move straight under province 89. "Today" is after the reform.
const clock = new FixedClock(new Date('2025-08-01T03:00:00Z'));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemoOrg(t.db.kysely, SYSTEM_ACTOR);
});
afterAll(() => t.close());

const count = async (table: 'org_unit' | 'org_unit_version' | 'audit_log') =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.kysely))
      .rows[0]!.n,
  );

describe('demo organisation', () => {
  it('has the city, its 12 wards and communes, their agencies and four khóm', async () => {
    const sub = await unitDescendants(t.db.kysely, '883', '2025-06-30');
    expect(sub).toHaveLength(1 + 10 + 12 + 12 * 3 + 4);
    const units = await findUnitsByCodes(
      t.db.kysely,
      ['883.UBND', '30280.MOTCUA', '30313.UBND', '30280.K04'],
      '2025-06-30',
    );
    expect(units.get('883.UBND')).toMatchObject({
      name: 'Ủy ban nhân dân thành phố Long Xuyên',
      kind: 'agency',
      closed: false,
    });
    expect(units.get('30280.MOTCUA')?.name).toBe('Bộ phận Tiếp nhận và Trả kết quả phường Mỹ Bình');
    expect(units.get('30313.UBND')?.name).toBe('Ủy ban nhân dân xã Mỹ Hoà Hưng');
    expect(await unitLineage(t.db.kysely, '30280.K04', '2025-06-30')).toEqual([
      '30280.K04',
      '30280',
      '883',
      '89',
    ]);
    const ids = await sql<{
      agency_id: string;
    }>`select agency_id from org_unit_version where agency_id is not null`.execute(t.db.kysely);
    expect(ids.rows.length).toBe(9 + 24);
    expect(ids.rows.every((r) => /^[0-9A-Z]+(\.[0-9A-Z]+){3}$/.test(r.agency_id))).toBe(true);
    expect(new Set(ids.rows.map((r) => r.agency_id)).size).toBe(ids.rows.length);
  });

  it('seeding again changes nothing', async () => {
    const before = [await count('org_unit'), await count('org_unit_version')];
    await seedDemoOrg(t.db.kysely, SYSTEM_ACTOR);
    expect([await count('org_unit'), await count('org_unit_version')]).toEqual(before);
  });
});

describe('closing district 883 on 1 July 2025 (two-level government)', () => {
  it('moves its communes and agencies under province 89 and keeps the district reportable', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units/883/close',
      headers: t.admin.headers,
      payload: {
        date: '2025-07-01',
        successorCode: '89',
        reason: 'Nghị quyết 202/2025/QH15: chấm dứt hoạt động của đơn vị hành chính cấp huyện',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: '883',
      validFrom: '2025-03-01',
      validTo: '2025-07-01',
      successorCode: '89',
      parentCode: '89',
    });

    // Lineage before and after the reform.
    expect(await unitLineage(t.db.kysely, '30280', '2025-06-30')).toEqual(['30280', '883', '89']);
    expect(await unitLineage(t.db.kysely, '30280', '2025-07-02')).toEqual(['30280', '89']);
    expect(await unitLineage(t.db.kysely, '30280.K01', '2025-07-02')).toEqual([
      '30280.K01',
      '30280',
      '89',
    ]);
    expect(await unitLineage(t.db.kysely, '883.UBND', '2025-07-02')).toEqual(['883.UBND', '89']);
    // The closed district still resolves, with its last place.
    expect(await unitLineage(t.db.kysely, '883', '2025-07-02')).toEqual(['883', '89']);

    const found = await findUnitsByCodes(t.db.kysely, ['883', '30280']);
    expect(found.get('883')).toEqual({
      code: '883',
      name: 'Thành phố Long Xuyên',
      kind: 'district',
      closed: true,
    });
    expect(found.get('30280')?.closed).toBe(false);
    expect((await findUnitsByCodes(t.db.kysely, ['883'], '2025-06-30')).get('883')?.closed).toBe(
      false,
    );

    const list = async (q: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/v1/units?${q}`, headers: t.admin.headers })
      ).json().items as { code: string; parentCode: string | null }[];
    const june = await list('asOf=2025-06-30');
    expect(june.map((u) => u.code)).toContain('883');
    expect(june.find((u) => u.code === '30280')?.parentCode).toBe('883');
    const today = await list('');
    expect(today.map((u) => u.code)).not.toContain('883');
    expect(today.find((u) => u.code === '30280')?.parentCode).toBe('89');
    expect((await list('includeClosed=true')).find((u) => u.code === '883')).toMatchObject({
      validTo: '2025-07-01',
      successorCode: '89',
    });
  });

  it('records each move as a new version, and audits the closure and every move', async () => {
    const detail = (
      await t.app.inject({ method: 'GET', url: '/api/v1/units/30310', headers: t.admin.headers })
    ).json();
    expect(
      detail.versions.map(
        (v: { parentCode: string; validFrom: string; validTo: string | null }) => [
          v.parentCode,
          v.validFrom,
          v.validTo,
        ],
      ),
    ).toEqual([
      ['883', '2025-03-01', '2025-07-01'],
      ['89', '2025-07-01', null],
    ]);
    const audit = await sql<{ action: string; n: number }>`
      select action, count(*) as n from audit_log where entity_type = 'unit' and action in ('unit.close', 'unit.move')
      group by action order by action`.execute(t.db.kysely);
    // 12 wards and communes + 10 city agencies moved; one closure.
    expect(audit.rows.map((r) => [r.action, Number(r.n)])).toEqual([
      ['unit.close', 1],
      ['unit.move', 22],
    ]);
    expect(await unitDescendants(t.db.kysely, '883')).toEqual(['883']);
    expect((await unitDescendants(t.db.kysely, '89')).length).toBe(1 + 12 + 10 + 36 + 4);
  });

  it('a closed unit cannot be changed any more, nor take new units', async () => {
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/units/883',
      headers: t.admin.headers,
      payload: { name: 'Long Xuyên' },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().code).toBe('unit_not_in_force');
    const child = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: t.admin.headers,
      payload: {
        code: '883.MOI',
        name: 'Phòng mới',
        kind: 'agency',
        category: 'phong',
        parentCode: '883',
      },
    });
    expect(child.statusCode).toBe(409);
    expect(child.json().code).toBe('parent_not_in_force');
  });
});
