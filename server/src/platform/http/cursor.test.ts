import { describe, expect, it } from 'vitest';
import { decodeCursor, decodeIntCursor, encodeCursor, InvalidCursorError } from './cursor.js';

const ID = '5f0c1a9e-3b8d-4f6a-9c2e-7d4b1e8a6f30';
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('keyset cursors', () => {
  it('round-trips the parts a list gives out', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    expect(
      decodeCursor(encodeCursor(['due', at, ID]), [{ tag: 'due' }, 'instant?', 'uuid']),
    ).toEqual(['due', at.toISOString(), ID]);
    expect(decodeCursor(encodeCursor([null, ID]), ['instant?', 'uuid'])).toEqual([null, ID]);
    expect(decodeCursor(encodeCursor(['1.000001', ID]), ['text', 'uuid'])).toEqual([
      '1.000001',
      ID,
    ]);
  });

  it.each([
    ['not base64 JSON', 'abc'],
    ['another shape', b64({ a: 1 })],
    ['too few parts', b64([ID])],
    ['a forged id', b64(['2026-03-02T00:00:00Z', '------------------------------------'])],
    ['an id with SQL', b64(['2026-03-02T00:00:00Z', `${ID}'`])],
    ['year 0', b64(['0000-01-01T00:00:00Z', ID])],
    ['beyond the calendar', b64(['+275760-09-13T00:00:00Z', ID])],
    ['a bare number as time', b64(['1', ID])],
    ['a date without time', b64(['2026-03-02', ID])],
  ])('refuses %s with 400 invalid_cursor', (_what, c) => {
    expect(() => decodeCursor(c, ['instant', 'uuid'])).toThrow(InvalidCursorError);
    expect(() => decodeCursor(c, ['instant', 'uuid'])).toThrow(
      expect.objectContaining({ status: 400, code: 'invalid_cursor' }),
    );
  });

  it('refuses another list’s cursor by its tag', () => {
    const c = encodeCursor(['other', null, ID]);
    expect(() => decodeCursor(c, [{ tag: 'due' }, 'instant?', 'uuid'])).toThrow(InvalidCursorError);
  });

  it('takes row numbers only as safe integers (no bigint overflow reaches SQL)', () => {
    expect(decodeIntCursor('42')).toBe(42);
    for (const bad of ['99999999999999999999999', '9007199254740993', '-1', '1.5', '', '1e3'])
      expect(() => decodeIntCursor(bad), bad).toThrow(InvalidCursorError);
  });
});
