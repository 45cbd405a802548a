import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers.js';
import { buildUnit } from './org.js';
import { buildProcedureInput } from './procedures.js';

export const STAFF_PASSWORD = 'mat-khau-can-bo-1';

/** A commune with an agency id, a procedure, and one account per dossier role there. */
export async function buildOneStopShop(t: TestApp) {
  const unit = await buildUnit(t.db.kysely, {
    kind: 'commune',
    agencyId: `000.00.${String(Math.floor(Math.random() * 90) + 10)}.H01`,
  });
  const proc = await t.app.inject({
    method: 'POST',
    url: '/api/v1/procedures',
    headers: t.admin.headers,
    payload: buildProcedureInput(),
  });
  if (proc.statusCode !== 201) throw new Error(`procedure: ${proc.body}`);
  const procedure = proc.json() as { id: string; code: string };
  const suffix = randomUUID().slice(0, 6);
  const people: Record<
    'desk' | 'specialist' | 'leader',
    { username: string; headers: Record<string, string> }
  > = {} as never;
  for (const [key, role] of [
    ['desk', 'desk_officer'],
    ['specialist', 'specialist'],
    ['leader', 'leader'],
  ] as const) {
    const username = `${key}.${suffix}`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: {
        username,
        password: STAFF_PASSWORD,
        fullName: `Cán bộ ${key}`,
        roles: [{ role, unitCode: unit.code }],
      },
    });
    if (r.statusCode !== 201) throw new Error(`user: ${r.body}`);
    people[key] = { username, headers: (await t.login(username, STAFF_PASSWORD)).headers };
  }
  return { unit, procedure, ...people };
}

/** A valid receipt body for that shop. */
export function buildDossierInput(
  shop: { unit: { code: string }; procedure: { id: string } },
  overrides: Record<string, unknown> = {},
) {
  return {
    procedureId: shop.procedure.id,
    unitCode: shop.unit.code,
    channel: 'direct',
    applicant: {
      type: 'individual',
      fullName: 'Nguyễn Thị Ánh',
      citizenId: '089301001234',
      dateOfBirth: '1990-05-17',
      phone: '+84 912 345 678',
      address: { line: '12 Trần Hưng Đạo, khóm Bình Khánh 1' },
    },
    formData: { to_khai: { hoTen: 'Trần Văn Bé', ngaySinh: '2026-11-01', cccd: '089301001234' } },
    ...overrides,
  };
}
