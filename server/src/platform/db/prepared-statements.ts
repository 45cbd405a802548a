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
    const prepared = new Set<string>();
    (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
      const [text, values, callback] = args;
      if (
        typeof text === 'string' &&
        Array.isArray(values) &&
        callback === undefined &&
        text.length <= MAX_TEXT_LENGTH &&
        PLANNABLE.test(text)
      ) {
        const name = `k${createHash('sha1').update(text).digest('base64url')}`;
        if (prepared.has(name) || prepared.size < MAX_PREPARED_PER_CONNECTION) {
          prepared.add(name);
          return original({ name, text, values });
        }
      }
      return original(...args);
    };
  });
}
