import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffWords, sideText } from './word-diff.ts';

describe('diffWords', () => {
  it('marks the words deleted and added, keeping the rest', () => {
    expect(
      diffWords('Giao Phòng Tư pháp chủ trì', 'Giao Phòng Văn hóa và Thông tin chủ trì'),
    ).toEqual([
      { kind: 'same', text: 'Giao Phòng ' },
      { kind: 'del', text: 'Tư pháp' },
      { kind: 'ins', text: 'Văn hóa và Thông tin' },
      { kind: 'same', text: ' chủ trì' },
    ]);
  });

  it('gives one "same" run for equal texts and whole changes for empty sides', () => {
    expect(diffWords('Kế hoạch số 05', 'Kế hoạch số 05')).toEqual([
      { kind: 'same', text: 'Kế hoạch số 05' },
    ]);
    expect(diffWords('', 'Mới')).toEqual([{ kind: 'ins', text: 'Mới' }]);
    expect(diffWords('Cũ', '')).toEqual([{ kind: 'del', text: 'Cũ' }]);
  });

  it('rebuilds both versions exactly from the comparison (property)', () => {
    const word = fc.constantFrom(
      'Ủy',
      'ban',
      'nhân',
      'dân',
      'phường',
      'Mỹ',
      'Bình',
      'số',
      '05',
      '—',
    );
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n')), { maxLength: 30 })
      .map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = diffWords(a, b);
        expect(sideText(d, 'before')).toBe(a);
        expect(sideText(d, 'after')).toBe(b);
        // Runs alternate: never two neighbours of one kind.
        for (let i = 1; i < d.length; i++) expect(d[i]?.kind).not.toBe(d[i - 1]?.kind);
      }),
    );
  });
});

describe('diffParagraphs', () => {
  it('matches equal paragraphs, compares changed ones word by word, names added and removed ones', () => {
    const before = ['Kính gửi: UBND phường Mỹ Bình.', 'Đoạn giữ nguyên.', 'Đoạn bỏ đi.'];
    const after = [
      'Kính gửi: UBND phường Mỹ Thới.',
      'Đoạn giữ nguyên.',
      'Đoạn mới thêm.',
      'Đoạn cuối.',
    ];
    const d = diffParagraphs(before, after);
    expect(d.map((p) => p.kind)).toEqual(['changed', 'same', 'changed', 'added']);
    expect(d[0]?.segments).toEqual([
      { kind: 'same', text: 'Kính gửi: UBND phường Mỹ ' },
      { kind: 'del', text: 'Bình.' },
      { kind: 'ins', text: 'Thới.' },
    ]);
    expect(d[3]?.segments).toEqual([{ kind: 'ins', text: 'Đoạn cuối.' }]);
    expect(diffParagraphs(['Một.', 'Hai.'], ['Hai.']).map((p) => p.kind)).toEqual([
      'removed',
      'same',
    ]);
  });
});
