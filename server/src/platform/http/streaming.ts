import { Readable } from 'node:stream';

// A streamed answer (CSV exports) commits to 200 with its first byte; an error after that can
// only cut the connection, which a browser shows as a broken download and a client as a
// network failure (issue 11: `public/reports.csv?category=%00` began a 200, then dropped).
// Producing the first page before answering makes every error that depends on the request —
// a filter the database refuses, a missing unit, a query error — a problem+json answer
// instead; only a failure on a later page can still cut a download short.

/**
 * A Readable of `lines` once its first `ahead` items (a header and the first row, i.e. the
 * first query) are produced; whatever throws before that rejects here, before any answer.
 */
export async function readyStream(lines: AsyncIterator<string>, ahead = 2): Promise<Readable> {
  const first: string[] = [];
  let done = false;
  while (first.length < ahead) {
    const r = await lines.next();
    if (r.done) {
      done = true;
      break;
    }
    first.push(r.value);
  }
  async function* all() {
    yield* first;
    if (done) return;
    for (let r = await lines.next(); !r.done; r = await lines.next()) yield r.value;
  }
  return Readable.from(all());
}
