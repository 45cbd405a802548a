import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { seedReplyTemplates, seedReportCategories } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('starter data', () => {
  it('seeds the categories and the starter reply templates once', async () => {
    await seedReportCategories(t.db.kysely);
    await seedReplyTemplates(t.db.kysely, new Date());
    await seedReplyTemplates(t.db.kysely, new Date());
    const rows = await t.db.kysely.selectFrom('report_reply_template').selectAll().execute();
    expect(rows.map((r) => r.kind).sort()).toEqual(['info', 'reject', 'resolve', 'resolve']);
    expect(rows.every((r) => r.active && r.body.length > 20)).toBe(true);
  });
});
