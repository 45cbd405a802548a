import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossierInput, buildOneStopShop } from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

const clock = new FixedClock(new Date('2026-11-24T02:00:00Z'));
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
});
afterAll(() => t.close());

describe('dossier codes under concurrent receipt', () => {
  it('200 concurrent receipts at one agency on one day get 200 distinct consecutive codes', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/dossiers',
          payload: buildDossierInput(shop),
          headers: shop.desk.headers,
        }),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const seqs = results
      .map((r) => Number((r.json().code as string).split('-').at(-1)))
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('the same Idempotency-Key sent 10 times at once makes one dossier', async () => {
    const input = buildDossierInput(shop);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/dossiers',
          payload: input,
          headers: { ...shop.desk.headers, 'idempotency-key': 'cung-mot-khoa-123' },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
  });
});
