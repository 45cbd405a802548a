// Tesseract's TSV as it prints it: line numbers restart in every paragraph, ruled lines come back
// as words without text, and the Vietnamese may arrive decomposed (NFD).
import { describe, expect, it } from 'vitest';
import { meanConfidence, parseTsv } from './ocr.tsv.js';

const HEADER =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const rows = [
  '1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t',
  '5\t1\t1\t1\t1\t1\t374\t247\t138\t33\t91.3\tUBND',
  '5\t1\t1\t1\t1\t2\t528\t237\t173\t43\t93.1\tTHÀNH',
  '5\t1\t2\t1\t1\t1\t601\t354\t325\t3\t95\t ', // a ruled line
  '5\t1\t4\t1\t1\t1\t358\t295\t181\t44\t96.2\tPHÒNG',
  `5\t1\t4\t2\t1\t1\t569\t406\t64\t40\t93.2\t${'Số:'.normalize('NFD')}`,
  '5\t1\t4\t2\t2\t1\t569\t460\t64\t40\t71\tKẾ',
];

describe('parseTsv', () => {
  it('gives page-wide line indices, drops empty words, NFC-normalises, rebuilds the text', () => {
    const [page, ...more] = parseTsv([HEADER, ...rows].join('\n'));
    expect(more).toEqual([]);
    expect(page).toMatchObject({ width: 2481, height: 3508 });
    expect(page!.words.map((w) => [w.text, w.line, w.block])).toEqual([
      ['UBND', 0, 1],
      ['THÀNH', 0, 1],
      ['PHÒNG', 1, 4],
      ['Số:', 2, 4], // paragraph 2, line 1: not merged with paragraph 1, line 1
      ['KẾ', 3, 4],
    ]);
    expect(page!.words[3]!.text).toBe('Số:'.normalize('NFC'));
    expect(page!.text).toBe('UBND THÀNH\n\nPHÒNG\n\nSố:\nKẾ');
    expect(meanConfidence(page!)).toBeCloseTo((91.3 + 93.1 + 96.2 + 93.2 + 71) / 5);
  });

  it('keeps pages apart (multi-page TIFF) and reads nothing from an empty output', () => {
    const two = [HEADER, rows[1], rows[1]!.replace(/^5\t1/, '5\t2')].join('\n');
    expect(parseTsv(two).map((p) => p.text)).toEqual(['UBND', 'UBND']);
    expect(parseTsv(HEADER)).toEqual([]);
  });
});
