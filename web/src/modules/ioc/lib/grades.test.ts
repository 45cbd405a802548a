import { describe, expect, it } from 'vitest';
import { comparatorSign, countGrades, gradeClass, gradeLabel, gradeTone } from './grades.ts';

describe('grades', () => {
  it('maps each grade of the API to its colour family', () => {
    expect(gradeTone('Vượt')).toBe('exceeded');
    expect(gradeTone('Đạt')).toBe('met');
    expect(gradeTone('Chưa đạt')).toBe('missed');
    expect(gradeTone('Chưa có số liệu')).toBe('nodata');
    expect(gradeTone(undefined)).toBe('nodata');
    expect(gradeTone('Đạt ')).toBe('nodata');
  });

  it('labels with a symbol and the words, so colour is never the only cue', () => {
    expect(gradeLabel('Vượt')).toBe('▲ Vượt');
    expect(gradeLabel('Chưa đạt')).toBe('▼ Chưa đạt');
    expect(gradeLabel(null)).toBe('– Chưa có số liệu');
    expect(gradeClass('Đạt')).toBe('ioc-grade ioc-grade--met');
  });

  it("counts seed 002's graded rows (96% → 100% Vượt; 80% → 80% Đạt; 80% → 77,85% Chưa đạt)", () => {
    expect(countGrades(['Vượt', 'Đạt', 'Chưa đạt', 'Vượt', 'x'])).toEqual({
      Vượt: 2,
      Đạt: 1,
      'Chưa đạt': 1,
      'Chưa có số liệu': 1,
    });
  });

  it('writes comparators as signs', () => {
    expect(comparatorSign('>=')).toBe('≥');
    expect(comparatorSign('<=')).toBe('≤');
  });
});
