import { describe, expect, it } from 'vitest';
import { importKind, parsePlanJson, problemPlace } from './import.ts';

describe('plan import', () => {
  it('recognises JSON and XLSX by name only', () => {
    expect(importKind('ke-hoach-2026.JSON')).toBe('json');
    expect(importKind('kh.xlsx')).toBe('xlsx');
    expect(importKind('kh.xls')).toBeNull();
  });

  it('reads a plan document (a BOM is fine) and says in Vietnamese why anything else is not one', () => {
    expect(parsePlanJson('\uFEFF{"unitCode":"883","year":2026,"title":"KH"}').ok).toBe(true);
    const broken = parsePlanJson('{');
    expect(broken.ok ? '' : broken.error).toBe('Tệp không phải JSON hợp lệ.');
    const notPlan = parsePlanJson('[1,2]');
    expect(notPlan.ok ? '' : notPlan.error).toBe('Tệp JSON không chứa một kế hoạch.');
    const untitled = parsePlanJson('{"year":2026,"targets":[]}');
    expect(untitled.ok ? '' : untitled.error).toContain('không có tên (title)');
  });

  it("names the server's JSON problem paths in words and keeps the workbook's places", () => {
    expect(problemPlace('body.targets.3.targetValue')).toBe('Chỉ tiêu thứ 4 › Giá trị chỉ tiêu');
    expect(problemPlace('body.tasks.0.lead.1')).toBe('Nhiệm vụ thứ 1 › Cơ quan chủ trì thứ 2');
    expect(problemPlace('body.title')).toBe('Tên kế hoạch');
    expect(problemPlace('body.somethingNew')).toBe('somethingNew');
    expect(problemPlace('trang "Mục tiêu", dòng 5, cột "Giá trị"')).toBe(
      'trang "Mục tiêu", dòng 5, cột "Giá trị"',
    );
  });
});
