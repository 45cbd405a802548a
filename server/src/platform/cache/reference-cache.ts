import { type Kysely, sql } from 'kysely';

// Reference data (đơn vị, lịch làm việc, thủ tục) is read on every dossier request and changes
// a few times a year. Each process keeps what it read, stamped with the data's *generation*:
// a value that triggers on the source tables change on every write (migration
// 0003_platform_cache_generation and the modules' own trigger migrations). A cached value is
// used only while its generation is still current, so nothing stale is ever served:
// - an authenticated request reads every generation with its session (no extra round trip;
//   `Actor.generations`) and passes them to its lookups;
// - anything else (jobs, public pages, tests calling services) passes none, and the lookup
//   reads the generation first.
// Only request paths that never write reference data use these caches (the dossier module):
// a request that wrote a unit and then read it back would otherwise hold the generation its
// session read before the write. Values read through a transaction are never cached (they
// may include that transaction's uncommitted writes).
// (An AsyncLocalStorage request scope would spare the parameter, but on Node 20 it slows
// every promise of the process down measurably.)

// biome-ignore lint/suspicious/noExplicitAny: the cache reads one table of its own.
type AnyDb = Kysely<any>;

/** Generation of each source (name → generation) as read with a session. */
export type Generations = Record<string, string>;

/** The generations as one SQL expression (json object name → generation), for the session query. */
export const generationsSql = sql<Record<string, string> | null>`(select json_object_agg(name,
  generation::text) from cache_generation)`;

/** The generations of `names`, as one comparable string. */
async function currentGeneration(
  db: AnyDb,
  names: string[],
  seen: Generations | undefined,
): Promise<string> {
  if (!seen) {
    const r = await sql<{
      name: string;
      generation: string;
    }>`select name, generation::text as generation from cache_generation
      where name in (${sql.join(names)})`.execute(db);
    seen = Object.fromEntries(r.rows.map((x) => [x.name, x.generation]));
  }
  return names.map((n) => seen[n] ?? '0').join(':');
}

/**
 * Values of one kind of reference data, per database, valid for one generation of the source
 * named `source` (e.g. 'org'). Store only values nobody mutates.
 */
export class ReferenceCache<V> {
  // Keyed by the Kysely adapter: one object per opened database, shared by its transactions.
  private readonly perDb = new WeakMap<object, { generation: string; values: Map<string, V> }>();

  private readonly sources: string[];

  /** `source`: the generation name(s) the values derive from, e.g. 'org' or ['calendar', 'org']. */
  constructor(
    source: string | string[],
    private readonly maxEntries = 2_000,
  ) {
    this.sources = typeof source === 'string' ? [source] : source;
  }

  /** `seen`: the generations the caller's session read; absent = read them now. */
  async get(
    db: AnyDb,
    key: string,
    load: () => Promise<V>,
    seen: Generations | undefined,
  ): Promise<V> {
    if (db.isTransaction) return load();
    const generation = await currentGeneration(db, this.sources, seen);
    const dbKey = db.getExecutor().adapter;
    let entry = this.perDb.get(dbKey);
    if (!entry || entry.generation !== generation) {
      entry = { generation, values: new Map() };
      this.perDb.set(dbKey, entry);
    }
    if (entry.values.has(key)) return entry.values.get(key) as V;
    // Loaded after the generation was read, so the value is at least that new.
    const value = await load();
    if (entry.values.size >= this.maxEntries) entry.values.clear();
    entry.values.set(key, value);
    return value;
  }
}
