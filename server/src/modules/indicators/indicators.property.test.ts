// Incremental = rebuild (issue 12 deliver 4): whatever sequence of fact publications —
// first receipts, corrections of any key, late facts for past days, subjects moving between
// units, keys set back to null — and wherever the follower happens to fold in between, the
// rollups it leaves equal the ones a rebuild computes from the final facts.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import type { Db } from '../../platform/db/connect.js';
import { type FactKind, publishFact } from '../../platform/facts/index.js';
import { syncIndicatorLibrary } from './indicators.definitions.js';
import { drainFacts } from './indicators.follower.js';
import { rebuildIndicators } from './indicators.rebuild.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  // What the app does when ready (a migration leaves the definitions empty, for restores).
  await syncIndicatorLibrary(db.kysely);
});
afterAll(() => db.close());

const UNITS = ['30280', '30283', '883', '30280.K01'];
const DAYS = ['2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01', '2026-03-15'];
const day = fc.option(fc.constantFrom(...DAYS), { nil: null });
const bool = fc.option(fc.boolean(), { nil: null });

const dossierKeys = fc.record(
  {
    channel: fc.constantFrom('direct', 'online', 'postal'),
    receivedOn: day,
    finishedOn: day,
    returnedOn: day,
    status: fc.constantFrom('received', 'in_progress', 'processed', 'returned', 'refused'),
    onTime: bool,
    digitised: fc.boolean(),
    feeBearing: fc.boolean(),
    paidOnline: bool,
    resultElectronic: bool,
    formFields: fc.integer({ min: 0, max: 12 }),
    prefilledFields: fc.integer({ min: 0, max: 12 }),
  },
  { requiredKeys: [] },
);
const reportKeys = fc.record(
  {
    receivedOn: day,
    resolvedOn: day,
    status: fc.constantFrom('new', 'accepted', 'in_progress', 'resolved', 'closed'),
    onTime: bool,
    reopenedCount: fc.integer({ min: 0, max: 2 }),
  },
  { requiredKeys: [] },
);

type Step =
  | {
      op: 'publish';
      kind: FactKind;
      id: string;
      unit: string | undefined;
      data: Record<string, unknown>;
    }
  | { op: 'fold' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('publish' as const),
    kind: fc.constant('dossier' as FactKind),
    id: fc.constantFrom('d1', 'd2', 'd3', 'd4'),
    unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
    data: dossierKeys,
  }),
  fc.record({
    op: fc.constant('publish' as const),
    kind: fc.constant('report' as FactKind),
    id: fc.constantFrom('r1', 'r2', 'd1'),
    unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
    data: reportKeys,
  }),
  fc.constant({ op: 'fold' as const }),
);

async function snapshot() {
  const r = await sql<{ row: string }>`
    select indicator || '|' || unit_code || '|' || day::text || '|' || num || '|' || den as row
    from indicator_rollup order by 1`.execute(db.kysely);
  return r.rows.map((x) => x.row);
}

describe('incremental folding equals a rebuild', () => {
  it('over random sequences of publications, corrections, late facts and unit moves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        await sql`delete from fact_pending`.execute(db.kysely);
        await sql`delete from fact`.execute(db.kysely);
        await sql`delete from indicator_contribution`.execute(db.kysely);
        await sql`delete from indicator_rollup`.execute(db.kysely);
        for (const s of steps) {
          if (s.op === 'fold') {
            await drainFacts(db.kysely);
            continue;
          }
          // The first publication of a subject names its unit (platform/facts).
          const known = await db.kysely
            .selectFrom('fact')
            .select('subject_id')
            .where('kind', '=', s.kind)
            .where('subject_id', '=', s.id)
            .executeTakeFirst();
          await publishFact(db.kysely, {
            kind: s.kind,
            subjectId: s.id,
            unitCode: known ? s.unit : (s.unit ?? UNITS[0]),
            data: s.data,
          });
        }
        await drainFacts(db.kysely);
        const incremental = await snapshot();
        await rebuildIndicators(db.kysely);
        expect(await snapshot()).toEqual(incremental);
      }),
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? 1226) },
    );
  });
});
