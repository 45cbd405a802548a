// Live values over server-sent events (issue 12 deliver 4 and 8). Each process polls the
// database's change log (`indicator_change`, written in the folding and entering
// transactions) every STREAM_POLL_MS while it has subscribers, so a change folded by any
// process (WORKERS) reaches every stream; polling works the same on PGlite and PostgreSQL.
// For each change a subscriber's units and periods cover, the value is recomputed from the
// rollups and sent when it differs from what that subscriber last received.
import { type IndicatorDefinition, type Period, periodOf } from '@cqs/shared/indicators/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ValidationError } from '../../platform/errors.js';
import { unitLineage, vnToday } from '../org/index.js';
import { type ChangeRow, indicatorsRepository as repo } from './indicators.repository.js';
import type { IndicatorsService } from './indicators.service.js';
import { periodOrThrow, subtreeOrThrow, valuesFor } from './indicators.values.js';

/** How often a process with subscribers reads the change log (issue 12: ≤ 300 ms). */
export const STREAM_POLL_MS = 250;
/** A comment line keeps proxies from closing an idle stream (issue 12: every 15 s). */
export const HEARTBEAT_MS = 15_000;

export interface StreamEvent {
  indicator: string;
  unit: string;
  period: string;
  value: number | null;
}

export interface Subscription {
  actor: Actor | null;
  /** Each subscribed unit with its subtree "ever". */
  units: Map<string, Set<string>>;
  periods: Period[];
  /** Only these indicators (all when null). */
  indicators: Set<string> | null;
}

interface Subscriber extends Subscription {
  send(e: StreamEvent): void;
  /** The value last sent per (indicator, unit, period). */
  lastSent: Map<string, number | null>;
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/**
 * Resolves a stream's query: `period` (comma-separated DHIS2 periods; default the current
 * year and month), `unit` (comma-separated codes; default the caller's granted units and
 * their ancestors — a caller without unit grants must name one), `indicator` (optional).
 */
export async function resolveSubscription(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor | null,
  q: { period?: string; unit?: string; indicator?: string },
): Promise<Subscription> {
  const today = vnToday(clock.now());
  const periodCodes = list(q.period);
  const periods =
    periodCodes.length > 0
      ? periodCodes.map(periodOrThrow)
      : [periodOf('year', today), periodOf('month', today)];
  let unitCodes = list(q.unit);
  if (unitCodes.length === 0) {
    const granted = [
      ...new Set((actor?.roles ?? []).map((g) => g.unitCode).filter((c) => c !== null)),
    ];
    if (granted.length === 0)
      throw new ValidationError(
        'Hãy chọn đơn vị cần theo dõi (tham số unit).',
        [{ path: 'unit', message: 'Bắt buộc khi tài khoản không gắn với đơn vị.' }],
        'unit_required',
      );
    for (const g of granted) unitCodes.push(...(await unitLineage(db, g)));
    unitCodes = [...new Set(unitCodes)];
  }
  const units = new Map<string, Set<string>>();
  for (const u of unitCodes) units.set(u, new Set(await subtreeOrThrow(db, u)));
  const indicators = list(q.indicator);
  return { actor, units, periods, indicators: indicators.length > 0 ? new Set(indicators) : null };
}

/** The per-process fan-out of the change log to the open streams. */
export class IndicatorStreamHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly closers = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastId: string | null = null;
  private polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly svc: IndicatorsService,
    private readonly pollMs = STREAM_POLL_MS,
  ) {}

  /** Adds a subscriber; returns its unsubscribe. `close` ends its stream when the hub closes. */
  async subscribe(
    sub: Subscription,
    send: (e: StreamEvent) => void,
    close: () => void,
  ): Promise<() => void> {
    if (this.subscribers.size === 0) {
      this.lastId = await repo.lastChangeId(this.db);
      this.schedule();
    }
    const s: Subscriber = { ...sub, send, lastSent: new Map() };
    this.subscribers.add(s);
    this.closers.add(close);
    return () => {
      this.subscribers.delete(s);
      this.closers.delete(close);
      if (this.subscribers.size === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** Ends every stream (server shutdown). */
  async close(): Promise<void> {
    for (const c of [...this.closers]) c();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  private schedule() {
    this.timer = setTimeout(() => {
      this.polling = this.poll().finally(() => {
        if (this.subscribers.size > 0) this.schedule();
        else this.timer = undefined;
      });
    }, this.pollMs);
  }

  private async poll(): Promise<void> {
    try {
      const changes = await repo.changesAfter(this.db, this.lastId ?? '0', 1000);
      if (changes.length === 0) return;
      this.lastId = changes.at(-1)!.id;
      const defs = new Map((await repo.definitions(this.db)).map((d) => [d.code, d]));
      await Promise.all([...this.subscribers].map((s) => this.answer(s, changes, defs)));
    } catch {
      // A failed poll (database restarting) is retried on the next tick; the id stays.
    }
  }

  private async answer(
    s: Subscriber,
    changes: ChangeRow[],
    defs: Map<string, IndicatorDefinition>,
  ) {
    const due = new Map<string, { def: IndicatorDefinition; unit: string; period: Period }>();
    for (const c of changes) {
      const def = defs.get(c.indicator);
      if (!def || (s.indicators && !s.indicators.has(def.code))) continue;
      const stock = def.spec?.timing === 'stock';
      for (const [unit, tree] of s.units) {
        if (!tree.has(c.unitCode)) continue;
        for (const p of s.periods) {
          if (c.firstDay > p.last || (!stock && c.lastDay < p.first)) continue;
          due.set(`${def.code}\u0001${unit}\u0001${p.code}`, { def, unit, period: p });
        }
      }
    }
    for (const { def, unit, period } of due.values()) {
      if (!(await this.svc.canSee(s.actor, def, unit))) continue;
      const tree = [...s.units.get(unit)!];
      const v = (await valuesFor(this.db, def, new Map([[unit, tree]]), period)).get(unit)!;
      const key = `${def.code}\u0001${unit}\u0001${period.code}`;
      if (s.lastSent.has(key) && s.lastSent.get(key) === v.value) continue;
      s.lastSent.set(key, v.value);
      s.send({ indicator: def.code, unit, period: period.code, value: v.value });
    }
  }
}
