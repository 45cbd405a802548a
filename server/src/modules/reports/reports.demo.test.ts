import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { seedDemo } from '../../demo.js';
import { systemClock } from '../../platform/clock.js';
import { IdentityService } from '../identity/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo field reports', () => {
  it('files and handles reports in every stage, once', async () => {
    const identity = new IdentityService(t.db.kysely, systemClock);
    await seedDemo(t.db.kysely, identity, 'http://localhost:3000');
    await seedDemo(t.db.kysely, identity, 'http://localhost:3000');
    const rows = await t.db.kysely
      .selectFrom('report')
      .select(['status', 'handling_unit_code', 'rating', 'anonymous'])
      .execute();
    expect(rows).toHaveLength(8);
    const statuses = rows.map((r) => r.status).sort();
    expect(statuses).toEqual([
      'assigned',
      'in_progress',
      'new',
      'new',
      'new',
      'rejected',
      'resolved',
      'resolved',
    ]);
    // One goes to the city's desk (a point with no ward picked), the rest to Mỹ Bình ward.
    expect(rows.filter((r) => r.handling_unit_code === '883')).toHaveLength(1);
    expect(
      rows
        .filter((r) => r.rating !== null)
        .map((r) => r.rating)
        .sort(),
    ).toEqual([4, 5]);
    const templates = await t.db.kysely.selectFrom('report_reply_template').select('id').execute();
    expect(templates.length).toBeGreaterThan(0);
  });
});
