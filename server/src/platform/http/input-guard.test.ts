import { describe, expect, it } from 'vitest';
import { badText, findForbiddenInput, MAX_JSON_DEPTH } from './input-guard.js';

describe('the input guard', () => {
  it('refuses every C0 control character in paths and queries, and all but tab/LF/CR in bodies', () => {
    for (let c = 0; c < 0x20; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      expect(badText(s, false), `U+${c.toString(16)}`).not.toBeNull();
      expect(badText(s, true) === null, `U+${c.toString(16)}`).toBe(
        c === 9 || c === 10 || c === 13,
      );
    }
  });

  it('takes ordinary text, Vietnamese and astral characters, refuses lone surrogates', () => {
    for (const ok of ['Mỹ Bình', '🙂 emoji', 'a\u200bb', '\u00a0', '中文', 'ǅ', '\uFFFD'])
      expect(badText(ok, false)).toBeNull();
    for (const bad of ['\uD800', 'a\uDC00', '\uDBFF\uDBFF', 'x\uD83D'])
      expect(badText(bad, true)).not.toBeNull();
  });

  it('names the offending place: a value, an object key, an array element', () => {
    expect(findForbiddenInput({ a: { b: ['ok', 'x\u0000'] } }, 'body')?.path).toBe('body.a.b.1');
    expect(findForbiddenInput({ 'k\u0001': 1 }, 'body')?.path).toBe('body.k\u0001');
    expect(
      findForbiddenInput(Object.assign(Object.create({}), { q: '\u0000' }), 'querystring'),
    ).toMatchObject({
      path: 'querystring.q',
      code: 'invalid_characters',
    });
  });

  it('leaves raw upload bodies alone and refuses JSON deeper than the limit, without recursing', () => {
    expect(findForbiddenInput(Buffer.from([0, 1, 2]), 'body')).toBeNull();
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_JSON_DEPTH; i++) ok = [ok];
    expect(findForbiddenInput(ok, 'body')).toBeNull();
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    expect(findForbiddenInput(deep, 'body')?.code).toBe('json_too_deep');
  });
});
