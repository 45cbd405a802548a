import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type pg from 'pg';

// Kysely sends every query unnamed, so PostgreSQL parses and plans it on every execution.
// For the statements a request runs (a dossier read with its units' lineage, an action
// written as one data-modifying CTE) planning costs 1–2.5 ms of database CPU — more than
// running them. Naming a statement after a hash of its text makes node-postgres prepare it
// once per connection and then only bind and execute it; PostgreSQL re-plans by itself when
// a table it uses changes. See docs/benchmarks.md ("Dossier lifecycle").

/** Statements one connection keeps prepared; later new texts are sent unnamed as before. */
export const MAX_PREPARED_PER_CONNECTION = 300;
/** Longer texts (bulk inserts with many rows) are one-offs: not worth keeping. */
const MAX_TEXT_LENGTH = 20_000;
/** Only plannable statements; DDL and transaction control gain nothing from a name. */
const PLANNABLE = /^\s*(select|insert|update|delete|with)\b/i;

type QueryFn = (...args: unknown[]) => unknown;

/** "cached plan must not change result type" (SQLSTATE 0A000): the statement must be re-prepared. */
function isStalePlan(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '0A000' && /cached plan must not change result type/.test(e.message ?? '');
}

/**
 * Every connection the pool opens: names the cacheable queries (see the comment above), and
 * sends each query's protocol messages in one write. node-postgres writes Parse, Bind,
 * Describe, Execute and Sync one by one — five system calls and, with Nagle off, five
 * packets per query; on the benchmark VM those writes were a third of the server's CPU.
 */
export function prepareStatementsOnConnect(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const stream = (client as unknown as { connection?: { stream?: Partial<Writable> } }).connection
      ?.stream;
    const raw = client.query.bind(client) as QueryFn;
    // A client given one query at a time (as Kysely does) submits it synchronously inside
    // query(), so everything it writes lands between cork and uncork.
    const original: QueryFn =
      stream?.cork && stream.uncork
        ? (...args) => {
            stream.cork!();
            try {
              return raw(...args);
            } finally {
              stream.uncork!();
            }
          }
        : raw;
    // Hash of the text → the name it is prepared under on this connection (a new name after
    // the old statement went stale, see below).
    const prepared = new Map<string, string>();
    (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
      const [text, values, callback] = args;
      if (
        typeof text === 'string' &&
        Array.isArray(values) &&
        callback === undefined &&
        text.length <= MAX_TEXT_LENGTH &&
        PLANNABLE.test(text)
      ) {
        const hash = `k${createHash('sha1').update(text).digest('base64url')}`;
        const name = prepared.get(hash);
        if (name !== undefined || prepared.size < MAX_PREPARED_PER_CONNECTION) {
          if (name === undefined) prepared.set(hash, hash);
          const inTransaction = client.getTransactionStatus?.() !== 'I';
          const run = (n: string) => original({ name: n, text, values }) as Promise<unknown>;
          return run(prepared.get(hash)!).catch((err: unknown) => {
            if (!isStalePlan(err)) throw err;
            // A migration changed a table this statement returns (`select *` gained a column):
            // PostgreSQL refuses the prepared statement for good. Prepare it afresh under a new
            // name; outside a transaction the failed attempt changed nothing, so run it again.
            const fresh = `${hash}_${Date.now().toString(36)}`;
            prepared.set(hash, fresh);
            if (inTransaction) throw err;
            return run(fresh);
          });
        }
      }
      return original(...args);
    };
  });
}
