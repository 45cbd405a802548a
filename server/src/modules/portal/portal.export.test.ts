// "Download my data" with a prefilled draft (issue 11: it answered 500, "citizen data keys
// are not loaded for this database", because the export runs in a transaction whose handle
// was not the one the keys were looked up by).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOneStopShop } from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { registerByPhone } from '../citizens/citizens.test-support.js';

let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;

beforeAll(async () => {
  t = await createTestApp();
  shop = await buildOneStopShop(t);
}, 60_000);
afterAll(() => t?.close());

describe("a citizen's data export", () => {
  it('includes a prefilled draft with its citizen ID in clear (sealed at rest)', async () => {
    const c = await registerByPhone(t, '0966123456', 'Trần Thị Xuất');
    const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: c.headers, payload });
    const profile = await call('PUT', '/citizens/me/profile', {
      fullName: 'Trần Thị Xuất',
      citizenId: '089301000777',
      dateOfBirth: '1991-07-01',
      phone: '0966123456',
      address: { line: '5 Lý Tự Trọng', unitCode: shop.unit.code },
    });
    expect(profile.statusCode, profile.body).toBe(200);
    await call('PUT', '/citizens/me/consents/profile_prefill', { granted: true });
    const draft = await call('POST', '/portal/drafts', { procedureCode: shop.procedure.code });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().prefilled.length).toBeGreaterThan(0);
    // At rest the draft's ID number is sealed, so the export must open it.
    const stored = await t.db.kysely
      .selectFrom('portal_draft')
      .select('applicant')
      .where('id', '=', draft.json().id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.applicant)).not.toContain('089301000777');

    const res = await call('GET', '/citizens/me/export');
    expect(res.statusCode, res.body).toBe(200);
    const drafts = res.json().sections.dataStore.drafts as {
      id: string;
      applicant: { citizenId?: string };
    }[];
    expect(drafts.find((d) => d.id === draft.json().id)?.applicant.citizenId).toBe('089301000777');
  });
});
