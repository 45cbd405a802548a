import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, toCsv } from './csv.js';

/** A small RFC 4180 reader, to check the writer round-trips. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('csv', () => {
  it('quotes commas, quotes and line breaks, and starts with a BOM', () => {
    const out = toCsv(['a', 'b'], [['x, "y"', 'dòng 1\ndòng 2']]);
    expect(out.startsWith(CSV_BOM)).toBe(true);
    expect(out).toBe(`${CSV_BOM}a,b\r\n"x, ""y""","dòng 1\ndòng 2"\r\n`);
  });

  it('neutralises formulas in text but keeps negative numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+84912345678')).toBe("'+84912345678");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-105.43)).toBe('-105.43');
    expect(csvField(null)).toBe('');
  });

  it('round-trips any text that does not look like a formula (law)', () => {
    const text = fc.string({ unit: 'grapheme' }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        (rows) => {
          const header = rows[0]?.map((_, i) => `c${i}`) ?? ['c0'];
          const fixed = rows.map((r) => header.map((_, i) => r[i] ?? ''));
          const parsed = parse(toCsv(header, fixed).slice(1));
          expect(parsed).toEqual([header, ...fixed]);
        },
      ),
    );
  });
});
