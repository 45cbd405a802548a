// The follower: claims the subjects the publishers queued (platform/facts) and folds them
// into the rollups, a batch per transaction, every ≤ 250 ms. With WORKERS > 1 every process
// runs one, and a transaction-scoped advisory lock lets one fold at a time (a second one
// finds the lock taken and waits for its next tick); the claim and the rollup change commit
// together, so a crash leaves the subjects queued.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { claimPendingFacts } from '../../platform/facts/index.js';
import { syncIndicatorLibrary } from './indicators.definitions.js';
import { foldFacts, isComputed } from './indicators.fold.js';
import { rebuildIndicators } from './indicators.rebuild.js';
import { indicatorsRepository as repo } from './indicators.repository.js';

/** Subjects folded per transaction. */
export const FOLD_BATCH = 500;
/** Pause between ticks when nothing was left to fold (issue 12: changes within a second). */
export const FOLD_INTERVAL_MS = 200;

export interface FoldResult {
  /** The fold lock was free (false: another process was folding). */
  locked: boolean;
  /** Subjects claimed. */
  claimed: number;
  /** (indicator, unit) pairs whose rollups changed. */
  changed: number;
}

/** One batch: claim up to `limit` subjects and fold them, in one transaction. */
export async function foldPendingBatch(
  db: Kysely<Database>,
  limit = FOLD_BATCH,
): Promise<FoldResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await repo.tryFoldLock(trx))) return { locked: false, claimed: 0, changed: 0 };
    await repo.noJit(trx);
    const facts = await claimPendingFacts(trx, limit);
    if (facts.length === 0) return { locked: true, claimed: 0, changed: 0 };
    const defs = (await repo.definitions(trx)).filter(isComputed);
    const changed = await foldFacts(trx, defs, facts);
    return { locked: true, claimed: facts.length, changed };
  });
}

/**
 * Folds until nothing is pending (tests, the rebuild CLI). Waits while another process holds
 * the fold lock. Returns the subjects folded here.
 */
export async function drainFacts(db: Kysely<Database>): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await foldPendingBatch(db);
    total += r.claimed;
    if (r.locked && r.claimed === 0) return total;
    if (!r.locked) await new Promise((res) => setTimeout(res, 20));
  }
}

type Log = (level: 'info' | 'error', msg: string, extra?: Record<string, unknown>) => void;

/**
 * Upserts the shipped definitions and rebuilds the computed ones that are new or whose spec
 * changed (issue 12: a new or changed definition rebuilds that indicator). Not a migration:
 * a freshly migrated database stays empty, as a restore needs it.
 */
export async function syncLibraryAndRebuild(db: Kysely<Database>, log: Log = () => {}) {
  try {
    const changed = await syncIndicatorLibrary(db);
    if (changed.length > 0) {
      const r = await rebuildIndicators(db, { indicators: changed });
      log('info', 'indicators rebuilt after a definition change', { codes: changed, ...r });
    }
  } catch (err) {
    log('error', 'indicator library sync failed', { err });
  }
}

export interface IndicatorFollower {
  /** Stops after the batch in progress. */
  stop(): Promise<void>;
}

/**
 * Starts following the facts: syncs the definition library (rebuilding new or changed
 * computed indicators), then folds every FOLD_INTERVAL_MS, at once again while batches are
 * full. Errors are logged and retried on the next tick.
 */
export function startIndicatorFollower(
  db: Kysely<Database>,
  opts: {
    intervalMs?: number;
    log?: Log;
  } = {},
): IndicatorFollower {
  const interval = opts.intervalMs ?? FOLD_INTERVAL_MS;
  const log = opts.log ?? (() => {});
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastPrune = 0;
  let wake: () => void = () => {};
  const running = (async () => {
    await syncLibraryAndRebuild(db, log);
    while (!stopped) {
      let full = false;
      try {
        const r = await foldPendingBatch(db);
        full = r.claimed === FOLD_BATCH;
        if (Date.now() - lastPrune > 10_000) {
          lastPrune = Date.now();
          await repo.pruneChanges(db);
        }
      } catch (err) {
        log('error', 'folding facts into indicators failed', { err });
      }
      if (full || stopped) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, interval);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake();
      await running;
    },
  };
}

export { isComputed };
