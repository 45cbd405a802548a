import pg from 'pg';

/**
 * One set of value parsers for both backends (PGlite is reached through node-postgres too),
 * so a query returns the same JavaScript values on PGlite and on PostgreSQL:
 *  - `date` stays a 'YYYY-MM-DD' string: pg's default turns it into a Date at *server-local*
 *    midnight, which shifts the day across time zones;
 *  - int8 / count(*) become numbers (our counts and ids stay far below 2^53);
 *  - numeric stays a string (money and rates must not lose precision).
 */
export function installTypeParsers(): void {
  pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
}
