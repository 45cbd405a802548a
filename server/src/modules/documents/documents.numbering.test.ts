// Arrival numbers (số đến) are gap-free and unique under 100 concurrent registrations, and a
// registration that fails after taking its number gives it back (ND30 Điều 22). Runs on
// PGlite, and on PostgreSQL when TEST_DATABASE_URL is set (real concurrency there).

import { RegisterIncomingBody } from '@cqs/shared/documents/index';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildUnit } from '../../../test/factories/org.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import type { Actor } from '../../platform/actor.js';
import { documentService } from './documents.routes.js';
import type { DocumentService } from './documents.service.js';
import { paperDocument } from './documents.test-support.js';

vi.setConfig({ testTimeout: 240_000 });

let t: TestApp;
let svc: DocumentService;
let clerk: Actor;

beforeAll(async () => {
  t = await createTestApp();
  svc = documentService(t.ctx);
  const unit = await buildUnit(t.db.kysely, { kind: 'commune' });
  clerk = { id: null, name: 'Văn thư thử', roles: [{ role: 'secretariat', unitCode: unit.code }] };
}, 120_000);
afterAll(async () => t?.close());

const input = (over: Record<string, unknown> = {}) =>
  RegisterIncomingBody.parse(paperDocument({ files: [], ...over }));

describe('arrival numbers', () => {
  it('are 1..100 with no gap and no repeat under 100 concurrent registrations', async () => {
    const rows = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        svc.registerIncoming(clerk, input({ codeNumber: String(i + 1) }), []),
      ),
    );
    const numbers = rows.map((r) => r.arrival_number!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('a registration that fails after taking its number gives it back', async () => {
    const bad = { ...input(), summary: 'x'.repeat(2001) }; // refused by the table's CHECK
    const results = await Promise.allSettled([
      svc.registerIncoming(clerk, input(), []),
      svc.registerIncoming(clerk, bad, []),
      svc.registerIncoming(clerk, input(), []),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const numbers = results
      .flatMap((r) => (r.status === 'fulfilled' ? [r.value.arrival_number] : []))
      .sort();
    expect(numbers).toEqual([101, 102]);
  });
});
