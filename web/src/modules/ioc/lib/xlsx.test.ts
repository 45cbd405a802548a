import { describe, expect, it } from 'vitest';
import { buildXlsxBytes, columnName, crc32, sheetName, sheetXml } from './xlsx.ts';

/** Reads the stored entries of a zip back (enough to check what buildXlsxBytes wrote). */
function unzipStored(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, string>();
  const dec = new TextDecoder();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const crc = view.getUint32(at + 16, true);
    const name = dec.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    const localNameLen = view.getUint16(local + 26, true);
    const data = bytes.subarray(local + 30 + localNameLen, local + 30 + localNameLen + size);
    expect(crc32(data)).toBe(crc);
    out.set(name, dec.decode(data));
    at += 46 + nameLen;
  }
  return out;
}

describe('xlsx', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('writes strings inline (escaped, diacritics kept) and numbers as numbers', () => {
    const xml = sheetXml(
      ['Đơn vị', 'Tỷ lệ'],
      [
        ['A & <B>', 93.5],
        ['C', null],
      ],
    );
    expect(xml).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">Đơn vị</t>');
    expect(xml).toContain('A &amp; &lt;B&gt;');
    expect(xml).toContain('<c r="B2"><v>93.5</v></c>');
    expect(xml).toContain('<row r="3"><c r="A3"');
    expect(xml).not.toContain('B3');
    // XML 1.0 forbids control characters; tabs and line ends stay.
    expect(sheetXml(['a\u0001b\tc'], [])).toContain('>ab\tc</t>');
  });

  it('packages the five parts of a workbook in a zip whose checksums hold', () => {
    const files = unzipStored(buildXlsxBytes('Chỉ tiêu: kế hoạch [2026]', ['a'], [[1]]));
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/workbook.xml')).toContain('name="Chỉ tiêu  kế hoạch  2026"');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });
});
