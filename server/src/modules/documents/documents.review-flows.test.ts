// Approval flows as data through the API: read, set per type, used by the next submitted draft,
// refused to those who may not change them, reset to the default; audited.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { buildDocumentWorld, call, type DocumentWorld } from './documents.test-support.js';

vi.setConfig({ testTimeout: 240_000 });

let t: TestApp;
let w: DocumentWorld;
beforeAll(async () => {
  t = await createTestApp({ clock: new FixedClock(new Date('2027-03-02T09:00:00+07:00')) });
  w = await buildDocumentWorld(t);
}, 120_000);
afterAll(async () => t?.close());

describe('approval flows (trình duyệt) as data', () => {
  it('sets a flow for a type; the next draft of that type goes through it', async () => {
    const url = `/document-review-flows?unit=${w.units.city}`;
    const before = await call(t, w.deptSpecialist.headers, 'GET', url);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toMatchObject({
      flows: [],
      editable: false,
      defaultSteps: [{ role: 'office' }, { role: 'leader' }],
    });
    const path = `/document-review-flows/${w.units.city}/KH`;
    const body = { steps: ['department_head', 'office', 'leader'] };
    // The department's specialist reads but may not change; another ward's clerk neither.
    expect((await call(t, w.deptSpecialist.headers, 'PUT', path, body)).status).toBe(403);
    expect(
      (await call(t, w.clerkB.headers, 'GET', `/document-review-flows?unit=${w.units.A}`)).status,
    ).toBe(404);
    // Bad input: 400, nothing written.
    const dup = await call(t, w.cityLeader.headers, 'PUT', path, { steps: ['office', 'office'] });
    expect(dup.status).toBe(400);
    const badType = await call(
      t,
      w.cityLeader.headers,
      'PUT',
      `/document-review-flows/${w.units.city}/XYZ`,
      body,
    );
    expect(badType.status).toBe(400);
    const set = await call(t, w.cityLeader.headers, 'PUT', path, body);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.editable).toBe(true);
    expect(set.body.flows).toEqual([
      {
        typeCode: 'KH',
        steps: [
          { role: 'department_head', label: 'Lãnh đạo phòng, ban kiểm tra nội dung' },
          { role: 'office', label: 'Văn phòng kiểm tra thể thức' },
          { role: 'leader', label: 'Lãnh đạo duyệt' },
        ],
      },
    ]);

    // A plan drafted by the department now starts at its head.
    const draft = await call(t, w.deptSpecialist.headers, 'POST', '/documents/outgoing', {
      unitCode: w.units.city,
      typeCode: 'KH',
      summary: 'Kế hoạch thử quy trình trình duyệt',
      paragraphs: ['Nội dung.'],
      signer: { title: 'CHỦ TỊCH', name: 'Lãnh đạo' },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const submitted = await call(
      t,
      w.deptSpecialist.headers,
      'POST',
      `/documents/${draft.body.id}/actions`,
      {
        action: 'submit',
        version: 1,
      },
    );
    expect(submitted.body.reviewSteps.map((s: { role: string }) => s.role)).toEqual(body.steps);
    // The office may not skip the department head.
    expect(
      (
        await call(t, w.cityClerk.headers, 'POST', `/documents/${draft.body.id}/actions`, {
          action: 'approve',
          version: 2,
        })
      ).status,
    ).toBe(403);
    const head = await call(t, w.deptHead.headers, 'POST', `/documents/${draft.body.id}/actions`, {
      action: 'approve',
      version: 2,
    });
    expect(head.status, JSON.stringify(head.body)).toBe(200);
    expect(head.body.reviewStep).toBe(1);
    // The head still reads the draft after their step.
    expect((await call(t, w.deptHead.headers, 'GET', `/documents/${draft.body.id}`)).status).toBe(
      200,
    );

    // Reset: back to the default; both changes are in the audit log.
    const reset = await call(t, w.cityLeader.headers, 'DELETE', path);
    expect(reset.body.flows).toEqual([]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'document_review_flow')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'document_review_flow.set',
      'document_review_flow.reset',
    ]);
  });
});
