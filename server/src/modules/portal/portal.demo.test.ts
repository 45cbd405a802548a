import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { DEMO_PASSWORD, seedDemo } from '../../demo.js';
import { systemClock } from '../../platform/clock.js';
import { personalIdKeys } from '../dossiers/index.js';
import { IdentityService } from '../identity/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo citizen', () => {
  it('has a profile and the prefill consent, so online submission shows the prefill at once', async () => {
    const identity = new IdentityService(t.db.kysely, systemClock);
    const keys = personalIdKeys(t.db.kysely)!;
    await seedDemo(t.db.kysely, identity, 'http://localhost:3000', keys);
    await seedDemo(t.db.kysely, identity, 'http://localhost:3000', keys);
    const who = await t.login('congdan.demo', DEMO_PASSWORD);
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/drafts',
      headers: who.headers,
      payload: { procedureCode: '1.004884' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({
      unitCode: '30280',
      applicant: { fullName: 'Huỳnh Thị Dân', citizenId: '089190000001', phone: '0900000001' },
    });
    expect(draft.json().prefilled.length).toBeGreaterThan(5);
  });
});
