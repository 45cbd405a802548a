import { describe, expect, it } from 'vitest';
import { parseEntryValue } from './entry-value.ts';

describe('parseEntryValue', () => {
  it('reads Vietnamese and plain decimals', () => {
    expect(parseEntryValue('77,85', '%')).toEqual({ ok: true, value: 77.85 });
    expect(parseEntryValue(' 77.85 ', '%')).toEqual({ ok: true, value: 77.85 });
    expect(parseEntryValue('13.640', 'count')).toEqual({ ok: true, value: 13640 });
    expect(parseEntryValue('1.5', 'count')).toEqual({ ok: false, problem: 'count' });
    expect(parseEntryValue('1.234,0', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseEntryValue('13 640', 'count')).toEqual({ ok: true, value: 13640 });
  });

  it('says what is wrong', () => {
    expect(parseEntryValue('', '%')).toEqual({ ok: false, problem: 'required' });
    expect(parseEntryValue('abc', '%')).toEqual({ ok: false, problem: 'number' });
    expect(parseEntryValue('12,5,1', 'count')).toEqual({ ok: false, problem: 'number' });
    expect(parseEntryValue('101', '%')).toEqual({ ok: false, problem: 'rate' });
    expect(parseEntryValue('-1', '%')).toEqual({ ok: false, problem: 'rate' });
    expect(parseEntryValue('2,5', 'count')).toEqual({ ok: false, problem: 'count' });
    expect(parseEntryValue('-3', 'count')).toEqual({ ok: false, problem: 'count' });
    expect(parseEntryValue('-3', 'điểm')).toEqual({ ok: true, value: -3 });
  });
});
