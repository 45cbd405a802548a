import { ValidationError } from '../errors.js';

// Keyset cursors of the cursor-paged lists (architecture.md: `?cursor=&limit=`), one codec for
// every module: an opaque base64url JSON array of the last row's sort keys. Decoding checks
// each part against its kind before any of it reaches SQL, so a forged or truncated cursor
// answers 400 `invalid_cursor` — never a PostgreSQL cast error (`invalid input syntax for type
// uuid`, `timestamp out of range`, `bigint out of range`) turned into a 500 (issue 11).

/** What one part of a cursor holds. */
export type CursorPart =
  | 'uuid'
  | 'instant'
  | 'instant?'
  | 'text'
  | 'int'
  /** A fixed tag, so one list's cursor is not taken by another. */
  | { tag: string };

type Value<P> = P extends 'uuid' | 'instant' | 'text'
  ? string
  : P extends 'instant?'
    ? string | null
    : P extends 'int'
      ? number
      : P extends { tag: string }
        ? string
        : never;

/** The decoded parts, typed by kind (instants as ISO strings, UTC). */
export type Decoded<K extends readonly CursorPart[]> = { [I in keyof K]: Value<K[I]> };

/** 400 `invalid_cursor`: the cursor is not one this list gave out. */
export class InvalidCursorError extends ValidationError {
  constructor() {
    super(
      'Con trỏ phân trang không hợp lệ; hãy tải lại danh sách từ đầu.',
      [{ path: 'querystring.cursor', message: 'Con trỏ phân trang không hợp lệ.' }],
      'invalid_cursor',
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Rows are stamped by the server's clock and deadlines by the working calendar (to 2199):
// anything outside is not a position of ours, and PostgreSQL need never parse it.
const MIN_INSTANT = Date.UTC(1900, 0, 1);
const MAX_INSTANT = Date.UTC(2200, 0, 1);
const MAX_TEXT = 500;
// What encodeCursor writes (Date#toISOString), and nothing looser: Date.parse takes "1".
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** A cursor for the given sort keys (instants as Date or ISO string). */
export function encodeCursor(parts: readonly (string | number | Date | null)[]): string {
  const json = parts.map((p) => (p instanceof Date ? p.toISOString() : p));
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

function instant(v: unknown): string | undefined {
  if (typeof v !== 'string' || !ISO_INSTANT.test(v)) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t) || t < MIN_INSTANT || t >= MAX_INSTANT) return undefined;
  return new Date(t).toISOString();
}

function part(kind: CursorPart, v: unknown): { ok: true; value: unknown } | { ok: false } {
  const ok = (value: unknown) => ({ ok: true as const, value });
  if (typeof kind === 'object') return v === kind.tag ? ok(v) : { ok: false };
  switch (kind) {
    case 'uuid':
      return typeof v === 'string' && UUID.test(v) ? ok(v.toLowerCase()) : { ok: false };
    case 'instant': {
      const at = instant(v);
      return at ? ok(at) : { ok: false };
    }
    case 'instant?': {
      if (v === null) return ok(null);
      const at = instant(v);
      return at ? ok(at) : { ok: false };
    }
    case 'text':
      return typeof v === 'string' && v.length <= MAX_TEXT ? ok(v) : { ok: false };
    case 'int':
      return Number.isSafeInteger(v) && (v as number) >= 0 ? ok(v) : { ok: false };
  }
}

/** The parts of a cursor made by encodeCursor; throws InvalidCursorError for anything else. */
export function decodeCursor<const K extends readonly CursorPart[]>(
  cursor: string,
  kinds: K,
): Decoded<K> {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parts) || parts.length !== kinds.length) throw new InvalidCursorError();
  return kinds.map((k, i) => {
    const r = part(k, parts[i]);
    if (!r.ok) throw new InvalidCursorError();
    return r.value;
  }) as Decoded<K>;
}

/** A cursor that is a plain row number (a bigint id): a safe integer ≥ 0, or InvalidCursorError. */
export function decodeIntCursor(cursor: string): number {
  const n = /^\d{1,16}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new InvalidCursorError();
  return n;
}
