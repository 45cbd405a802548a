// The only SQL of the indicators module. It names its own tables and nothing else: facts come
// through platform/facts, units through the org module's index.ts.
import type { ComputedSpec, IndicatorDefinition } from '@cqs/shared/indicators/index';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored contribution or rollup delta. */
export interface ContributionRow {
  indicator: string;
  subjectKind: string;
  subjectId: string;
  unitCode: string;
  day: string;
  num: number;
  den: number;
}

export interface Delta {
  indicator: string;
  unitCode: string;
  day: string;
  num: number;
  den: number;
}

export interface ChangeRow {
  id: string;
  indicator: string;
  unitCode: string;
  firstDay: string;
  lastDay: string;
}

/** Key of pg_try_advisory_xact_lock: one folder of facts at a time (bytes of "indicatr"). */
export const FOLD_LOCK_KEY = 0x696e646963617472n;

const parseSpec = (s: unknown): ComputedSpec | null =>
  s === null || s === undefined
    ? null
    : ((typeof s === 'string' ? JSON.parse(s) : s) as ComputedSpec);

function toDefinition(r: {
  code: string;
  name: string;
  name_en: string;
  unit: string;
  kind: 'computed' | 'entered' | 'imported';
  definition: string;
  decimals: number;
  published: boolean;
  spec: unknown;
}): IndicatorDefinition {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    unit: r.unit,
    kind: r.kind,
    definition: r.definition,
    decimals: r.decimals,
    published: r.published,
    spec: parseSpec(r.spec),
  };
}

/** Sums in SQL come back as text or numbers depending on the driver. */
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export const indicatorsRepository = {
  async tryFoldLock(trx: Transaction<Database>): Promise<boolean> {
    const r = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_xact_lock(${FOLD_LOCK_KEY.toString()}::bigint) as ok`.execute(trx);
    return r.rows[0]?.ok === true;
  },

  /**
   * No JIT compilation in this transaction: a fold's statements each touch a few hundred rows,
   * but a stale estimate (the queue table is often analysed empty) can push one over
   * jit_above_cost, and compiling then costs more than the statement (measured 8 ms a query).
   */
  async noJit(trx: Transaction<Database>): Promise<void> {
    await sql`set local jit = off`.execute(trx);
  },

  async waitFoldLock(trx: Transaction<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${FOLD_LOCK_KEY.toString()}::bigint)`.execute(trx);
  },

  async definitions(db: Db): Promise<IndicatorDefinition[]> {
    const rows = await db.selectFrom('indicator_definition').selectAll().orderBy('code').execute();
    return rows.map(toDefinition);
  },

  async definition(db: Db, code: string): Promise<IndicatorDefinition | null> {
    const r = await db
      .selectFrom('indicator_definition')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
    return r ? toDefinition(r) : null;
  },

  /** Inserts or updates a definition; true when it is new or its spec changed. */
  async upsertDefinition(db: Db, d: IndicatorDefinition): Promise<boolean> {
    const before = await db
      .selectFrom('indicator_definition')
      .select('spec')
      .where('code', '=', d.code)
      .executeTakeFirst();
    const spec = d.spec === null ? null : JSON.stringify(d.spec);
    await db
      .insertInto('indicator_definition')
      .values({
        code: d.code,
        name: d.name,
        name_en: d.nameEn,
        unit: d.unit,
        kind: d.kind,
        definition: d.definition,
        decimals: d.decimals,
        published: d.published,
        spec,
      })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          name_en: eb.ref('excluded.name_en'),
          unit: eb.ref('excluded.unit'),
          kind: eb.ref('excluded.kind'),
          definition: eb.ref('excluded.definition'),
          decimals: eb.ref('excluded.decimals'),
          published: eb.ref('excluded.published'),
          spec: eb.ref('excluded.spec'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
    if (!before) return true;
    // jsonb keeps keys in its own order (shorter first), not the library's: compare sorted,
    // or every start would rebuild every indicator (bench/indicators.ts found it).
    return canonicalJson(parseSpec(before.spec)) !== canonicalJson(d.spec);
  },

  // The fold's reads and writes below pass whole columns as arrays (`unnest`): one statement
  // text whatever the batch size, so the driver and the server parse and plan it once, instead
  // of a statement with thousands of parameters per batch (bench: the follower's share of the
  // dossier lifecycle's CPU, docs/benchmarks.md).

  async contributionsOf(
    trx: Db,
    indicators: string[],
    subjectIds: string[],
  ): Promise<ContributionRow[]> {
    if (indicators.length === 0 || subjectIds.length === 0) return [];
    const rows = await sql<{
      indicator: string;
      subject_kind: string;
      subject_id: string;
      unit_code: string;
      day: string;
      num: unknown;
      den: unknown;
    }>`select indicator, subject_kind, subject_id, unit_code, day::text as day, num, den
      from indicator_contribution
      where indicator = any(${indicators}::text[]) and subject_id = any(${subjectIds}::text[])`.execute(
      trx,
    );
    return rows.rows.map((r) => ({
      indicator: r.indicator,
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      unitCode: r.unit_code,
      day: r.day,
      num: num(r.num),
      den: num(r.den),
    }));
  },

  async putContributions(trx: Db, rows: ContributionRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      await sql`insert into indicator_contribution
          (indicator, subject_kind, subject_id, unit_code, day, num, den)
        select * from unnest(${part.map((r) => r.indicator)}::text[],
          ${part.map((r) => r.subjectKind)}::text[], ${part.map((r) => r.subjectId)}::text[],
          ${part.map((r) => r.unitCode)}::text[], ${part.map((r) => r.day)}::date[],
          ${part.map((r) => r.num)}::float8[], ${part.map((r) => r.den)}::float8[])
        on conflict (subject_id, indicator) do update set
          subject_kind = excluded.subject_kind, unit_code = excluded.unit_code,
          day = excluded.day, num = excluded.num, den = excluded.den`.execute(trx);
    }
  },

  async deleteContributions(trx: Db, keys: { indicator: string; subjectId: string }[]) {
    for (let i = 0; i < keys.length; i += 5000) {
      const part = keys.slice(i, i + 5000);
      await sql`delete from indicator_contribution c
        using unnest(${part.map((k) => k.indicator)}::text[],
          ${part.map((k) => k.subjectId)}::text[]) as k(indicator, subject_id)
        where c.indicator = k.indicator and c.subject_id = k.subject_id`.execute(trx);
    }
  },

  /** Adds the deltas to the rollups; rows that fall back to (0, 0) are removed. */
  async applyDeltas(trx: Db, deltas: Delta[]): Promise<void> {
    for (let i = 0; i < deltas.length; i += 5000) {
      const part = deltas.slice(i, i + 5000);
      const indicators = part.map((d) => d.indicator);
      const units = part.map((d) => d.unitCode);
      const days = part.map((d) => d.day);
      // The upsert names the rows it left at (0, 0); usually none, so no second statement.
      const zero = await sql<{ indicator: string; unit_code: string; day: string; zero: boolean }>`
        insert into indicator_rollup (indicator, unit_code, day, num, den)
        select * from unnest(${indicators}::text[], ${units}::text[], ${days}::date[],
          ${part.map((d) => d.num)}::float8[], ${part.map((d) => d.den)}::float8[])
        on conflict (indicator, unit_code, day) do update set
          num = indicator_rollup.num + excluded.num, den = indicator_rollup.den + excluded.den
        returning indicator, unit_code, day::text as day, num = 0 and den = 0 as zero`.execute(trx);
      const gone = zero.rows.filter((r) => r.zero === true);
      if (gone.length === 0) continue;
      await sql`delete from indicator_rollup r
        using unnest(${gone.map((g) => g.indicator)}::text[], ${gone.map((g) => g.unit_code)}::text[],
          ${gone.map((g) => g.day)}::date[]) as k(indicator, unit_code, day)
        where r.indicator = k.indicator and r.unit_code = k.unit_code and r.day = k.day
          and r.num = 0 and r.den = 0`.execute(trx);
    }
  },

  // The two below take every indicator being rebuilt at once: contributions are keyed by
  // subject (migration 1401), so each is one pass over the table, not one per indicator.

  /** Drops these indicators' contributions and rollups (before a rebuild). */
  async clearIndicators(trx: Db, indicators: string[]): Promise<void> {
    if (indicators.length === 0) return;
    await sql`delete from indicator_contribution where indicator = any(${indicators}::text[])`.execute(
      trx,
    );
    await sql`delete from indicator_rollup where indicator = any(${indicators}::text[])`.execute(
      trx,
    );
  },

  /** Recomputes these indicators' rollups from their contributions (after a rebuild). */
  async rollupFromContributions(trx: Db, indicators: string[]): Promise<void> {
    if (indicators.length === 0) return;
    await sql`insert into indicator_rollup (indicator, unit_code, day, num, den)
      select indicator, unit_code, day, sum(num), sum(den) from indicator_contribution
      where indicator = any(${indicators}::text[])
      group by indicator, unit_code, day
      having sum(num) <> 0 or sum(den) <> 0`.execute(trx);
  },

  /** One change row per (unit) of the indicator, covering its whole history (after a rebuild). */
  async logWholeIndicator(trx: Db, indicator: string): Promise<void> {
    await sql`insert into indicator_change (indicator, unit_code, first_day, last_day)
      select indicator, unit_code, min(day), max(day) from indicator_rollup
      where indicator = ${indicator} group by indicator, unit_code`.execute(trx);
  },

  async logChanges(
    trx: Db,
    rows: { indicator: string; unitCode: string; firstDay: string; lastDay: string }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      await sql`insert into indicator_change (indicator, unit_code, first_day, last_day)
        select * from unnest(${part.map((r) => r.indicator)}::text[],
          ${part.map((r) => r.unitCode)}::text[], ${part.map((r) => r.firstDay)}::date[],
          ${part.map((r) => r.lastDay)}::date[])`.execute(trx);
    }
  },

  async changesAfter(db: Db, afterId: string, limit: number): Promise<ChangeRow[]> {
    const rows = await db
      .selectFrom('indicator_change')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      indicator: r.indicator,
      unitCode: r.unit_code,
      firstDay: r.first_day,
      lastDay: r.last_day,
    }));
  },

  async lastChangeId(db: Db): Promise<string> {
    const r = await sql<{
      id: string | null;
    }>`select max(id)::text as id from indicator_change`.execute(db);
    return r.rows[0]?.id ?? '0';
  },

  /** Forgets change rows every stream has long read (kept a minute for slow pollers). */
  async pruneChanges(db: Db): Promise<void> {
    await sql`delete from indicator_change where at < now() - interval '1 minute'`.execute(db);
  },

  /**
   * Sums of an indicator's rollups per unit over the given units and days (`first` null:
   * from the beginning, for stock indicators).
   */
  async sumsByUnit(
    db: Db,
    indicator: string,
    units: string[],
    first: string | null,
    last: string,
  ): Promise<Map<string, { num: number; den: number }>> {
    const out = new Map<string, { num: number; den: number }>();
    if (units.length === 0) return out;
    let q = db
      .selectFrom('indicator_rollup')
      .select((eb) => [
        'unit_code',
        eb.fn.sum<number>('num').as('num'),
        eb.fn.sum<number>('den').as('den'),
      ])
      .where('indicator', '=', indicator)
      .where('unit_code', 'in', units)
      .where('day', '<=', last)
      .groupBy('unit_code');
    if (first !== null) q = q.where('day', '>=', first);
    for (const r of await q.execute()) out.set(r.unit_code, { num: num(r.num), den: num(r.den) });
    return out;
  },

  /** Sums per day or per month over the units, days from..to (both included). */
  async series(
    db: Db,
    indicator: string,
    units: string[],
    from: string,
    to: string,
    grain: 'day' | 'month',
  ): Promise<{ bucket: string; num: number; den: number }[]> {
    if (units.length === 0) return [];
    const bucket =
      grain === 'day'
        ? sql<string>`to_char(day, 'YYYY-MM-DD')`
        : sql<string>`to_char(day, 'YYYY-MM')`;
    const r = await sql<{ bucket: string; num: unknown; den: unknown }>`
      select ${bucket} as bucket, sum(num) as num, sum(den) as den from indicator_rollup
      where indicator = ${indicator} and unit_code in (${sql.join(units)})
        and day between ${from}::date and ${to}::date
      group by 1 order by 1`.execute(db);
    return r.rows.map((x) => ({ bucket: x.bucket, num: num(x.num), den: num(x.den) }));
  },

  /** Sums before `from` (a stock indicator's opening balance for a series). */
  async sumBefore(
    db: Db,
    indicator: string,
    units: string[],
    from: string,
  ): Promise<{ num: number; den: number }> {
    if (units.length === 0) return { num: 0, den: 0 };
    const r = await db
      .selectFrom('indicator_rollup')
      .select((eb) => [eb.fn.sum<number>('num').as('num'), eb.fn.sum<number>('den').as('den')])
      .where('indicator', '=', indicator)
      .where('unit_code', 'in', units)
      .where('day', '<', from)
      .executeTakeFirst();
    return { num: num(r?.num), den: num(r?.den) };
  },

  /** Entered values of an indicator for exactly `period`, per unit, over the units given. */
  async enteredValues(
    db: Db,
    indicator: string,
    units: string[],
    period: string,
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (units.length === 0) return out;
    const rows = await db
      .selectFrom('indicator_value')
      .select(['unit_code', 'value'])
      .where('indicator', '=', indicator)
      .where('period', '=', period)
      .where('unit_code', 'in', units)
      .execute();
    for (const r of rows) out.set(r.unit_code, Number(r.value));
    return out;
  },

  async enteredValue(
    db: Db,
    key: { indicator: string; unitCode: string; period: string },
  ): Promise<{ value: number; comment: string | null } | null> {
    const r = await db
      .selectFrom('indicator_value')
      .select(['value', 'comment'])
      .where('indicator', '=', key.indicator)
      .where('unit_code', '=', key.unitCode)
      .where('period', '=', key.period)
      .executeTakeFirst();
    return r ? { value: Number(r.value), comment: r.comment } : null;
  },

  async putEnteredValue(
    trx: Db,
    v: {
      indicator: string;
      unitCode: string;
      period: string;
      firstDay: string;
      lastDay: string;
      value: number;
      comment: string | null;
      actorId: string | null;
      actorName: string;
    },
  ): Promise<void> {
    await trx
      .insertInto('indicator_value')
      .values({
        indicator: v.indicator,
        unit_code: v.unitCode,
        period: v.period,
        first_day: v.firstDay,
        last_day: v.lastDay,
        value: v.value,
        comment: v.comment,
        updated_by: v.actorId,
      })
      .onConflict((oc) =>
        oc.columns(['indicator', 'unit_code', 'period']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          comment: eb.ref('excluded.comment'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
    await trx
      .insertInto('indicator_value_event')
      .values({
        indicator: v.indicator,
        unit_code: v.unitCode,
        period: v.period,
        value: v.value,
        comment: v.comment,
        actor_id: v.actorId,
        actor_name: v.actorName,
      })
      .execute();
  },
};

/** JSON with object keys sorted at every level, to compare values whatever their key order. */
function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : x,
  );
}
