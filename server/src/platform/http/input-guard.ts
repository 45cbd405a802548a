import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors.js';

// One guard in front of every route's validation (issue 11): text that no field of this API
// takes never reaches a handler or the database. PostgreSQL refuses NUL in text and jsonb
// (`invalid byte sequence`, `unsupported Unicode escape sequence`), which used to surface as
// 500s on about 24 operations; other C0 controls and lone UTF-16 surrogates are refused with
// them because no Vietnamese or English text contains them and some break storage (a lone
// surrogate is silently turned into U+FFFD) or logs and CSV exports. Tab, LF and CR are text
// in JSON bodies (multi-line descriptions) but never in a path segment or query value.
// Deeply nested JSON is refused too: nothing in the API nests past a few levels, and
// recursive code further down (serialisers, jsonb) must not meet a 10,000-deep array.

/** Deepest nesting of arrays and objects accepted in a JSON body. */
export const MAX_JSON_DEPTH = 32;

type Where = 'params' | 'querystring' | 'body';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** What is wrong with one string, or null; `text` when tab, LF and CR are allowed. */
export function badText(s: string, text: boolean): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (text && (c === TAB || c === LF || c === CR)) continue;
      return c === 0
        ? 'Có ký tự NUL (mã 0), không được phép.'
        : 'Có ký tự điều khiển (mã 1–31), không được phép.';
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate must be followed by a low one; a low one never comes first.
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'Có ký tự Unicode không hợp lệ (nửa cặp UTF-16).';
    }
  }
  return null;
}

/**
 * Objects to look inside: arrays and plain objects (JSON), and at the top any parsed object
 * (the query, params and form parsers make objects with a prototype of their own). Buffers
 * and streams of raw uploads are not text.
 */
function isContainer(v: unknown, top: boolean): v is object {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  if (Buffer.isBuffer(v) || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return false;
  if (typeof (v as { pipe?: unknown }).pipe === 'function') return false;
  const proto = Object.getPrototypeOf(v);
  return top || proto === Object.prototype || proto === null;
}

interface Finding {
  path: string;
  message: string;
  code: 'invalid_characters' | 'json_too_deep';
}

/** The first forbidden text or excessive nesting in a parsed request part (iterative: no recursion). */
export function findForbiddenInput(value: unknown, where: Where): Finding | null {
  const text = where === 'body';
  const stack: [unknown, string, number][] = [[value, where, 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      const why = badText(v, text);
      if (why) return { path, message: why, code: 'invalid_characters' };
      continue;
    }
    // Numbers, booleans, null, and the Buffers or streams of raw uploads.
    if (!isContainer(v, depth === 0)) continue;
    const isArray = Array.isArray(v);
    if (depth >= MAX_JSON_DEPTH)
      return {
        path,
        message: `Dữ liệu lồng nhau quá ${MAX_JSON_DEPTH} cấp.`,
        code: 'json_too_deep',
      };
    for (const [k, e] of Object.entries(v as object)) {
      const at = `${path}.${k}`;
      if (!isArray) {
        const why = badText(k, false);
        if (why) return { path: at, message: `Tên trường: ${why}`, code: 'invalid_characters' };
      }
      stack.push([e, at, depth + 1]);
    }
  }
  return null;
}

/** Throws 400 `invalid_characters` (or `json_too_deep`) for the first offending part. */
export function assertCleanInput(req: Pick<FastifyRequest, 'params' | 'query' | 'body'>): void {
  const parts: [unknown, Where][] = [
    [req.params, 'params'],
    [req.query, 'querystring'],
    [req.body, 'body'],
  ];
  for (const [value, where] of parts) {
    const f = findForbiddenInput(value, where);
    if (!f) continue;
    throw new ValidationError(
      f.code === 'invalid_characters'
        ? `Dữ liệu gửi lên có ký tự không được phép ở ${f.path}: ${f.message} Hãy xoá ký tự đó rồi gửi lại.`
        : `Dữ liệu gửi lên lồng nhau quá sâu ở ${f.path} (tối đa ${MAX_JSON_DEPTH} cấp).`,
      [{ path: f.path, message: f.message }],
      f.code,
    );
  }
}

/** Installs the guard on every route (before each route's own schema validation). */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => assertCleanInput(req));
}
