import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../api/task.types.ts';
import { validateProgress } from './progress-form.ts';
import { validateTaskDraft } from './task-form.ts';
import { countByStatus, deadlineText, taskStatusLabel } from './task-status.ts';

describe('validateProgress', () => {
  it('accepts a whole percent from 0 to 100 (a trailing % too) with a report text', () => {
    expect(validateProgress({ percent: '60 %', text: '  Đã lắp 12/20 camera  ' }, 40)).toEqual({
      ok: true,
      value: { percent: 60, text: 'Đã lắp 12/20 camera', done: false },
    });
  });

  it('refuses in Vietnamese: empty, fraction, over 100, lower than before, short text', () => {
    const bad = (percent: string, text = 'Nội dung đủ dài', prev = 0) => {
      const r = validateProgress({ percent, text }, prev);
      return r.ok ? null : r.errors;
    };
    expect(bad('')?.percent).toBe('Nhập tỷ lệ hoàn thành (từ 0 đến 100).');
    expect(bad('50,5')?.percent).toBe('Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.');
    expect(bad('-1')?.percent).toBe('Tỷ lệ hoàn thành là số nguyên từ 0 đến 100.');
    expect(bad('101')?.percent).toBe('Tỷ lệ hoàn thành không quá 100%.');
    expect(bad('30', 'Nội dung đủ dài', 40)?.percent).toBe(
      'Tỷ lệ hoàn thành không thấp hơn lần báo cáo trước (40%).',
    );
    expect(bad('50', '')?.text).toBe('Nhập nội dung kết quả thực hiện.');
    expect(bad('50', 'ngắn')?.text).toBe('Nội dung kết quả quá ngắn (ít nhất 10 ký tự).');
    const early = validateProgress({ percent: '90', text: 'Nội dung đủ dài', done: true });
    expect(early.ok ? null : early.errors.done).toBe(
      'Chỉ báo hoàn thành khi tỷ lệ hoàn thành là 100%.',
    );
  });
});

describe('task status', () => {
  const task = (
    status: string,
    overdue = false,
    statusLabel = '',
  ): Pick<TaskSummary, 'status' | 'statusLabel' | 'overdue'> => ({
    status: status as TaskSummary['status'],
    statusLabel,
    overdue,
  });

  it('names statuses, preferring the server’s words', () => {
    expect(taskStatusLabel(task('in_progress'))).toBe('Đang thực hiện');
    expect(taskStatusLabel(task('not_started'))).toBe('Chưa bắt đầu');
    expect(taskStatusLabel(task('in_progress', false, 'Đang làm'))).toBe('Đang làm');
    expect(taskStatusLabel(task('odd'))).toBe('odd');
  });

  it('writes a deadline as dd/mm/yyyy and an ongoing task as "Thường xuyên"', () => {
    expect(deadlineText('2026-03-31')).toBe('31/03/2026');
    expect(deadlineText(null)).toBe('Thường xuyên');
  });

  it('counts tasks per status with overdue ones apart', () => {
    expect(
      countByStatus([task('done'), task('in_progress', true), task('in_progress'), task('done')]),
    ).toEqual([
      { label: 'Hoàn thành', count: 2 },
      { label: 'Quá hạn', count: 1 },
      { label: 'Đang thực hiện', count: 1 },
    ]);
  });
});

describe('validateTaskDraft', () => {
  const draft = {
    content: '  Rà soát hồ sơ tồn đọng ',
    leadUnitCode: '30280',
    supportUnitCodes: ['30283', '30280'],
    responsibleId: '',
    ongoing: false,
    deadlineOn: '2027-06-30',
    carriedOver: true,
  };

  it('builds the POST /tasks body: a date deadline, the lead not among the supporting units', () => {
    expect(validateTaskDraft(draft)).toEqual({
      ok: true,
      value: {
        content: 'Rà soát hồ sơ tồn đọng',
        leadUnitCode: '30280',
        supportUnitCodes: ['30283'],
        responsibleId: null,
        kind: 'carried_over',
        deadline: { on: '2027-06-30' },
      },
    });
  });

  it('sends "thường xuyên" as an ongoing deadline, with no date needed', () => {
    const r = validateTaskDraft({ ...draft, ongoing: true, deadlineOn: '' });
    expect(r.ok && r.value.deadline).toEqual({ ongoing: true });
  });

  it('refuses in Vietnamese: no content, no lead unit, no date', () => {
    const r = validateTaskDraft({ ...draft, content: ' ', leadUnitCode: '', deadlineOn: '' });
    expect(r.ok ? null : r.errors).toEqual({
      content: 'Nhập nội dung nhiệm vụ.',
      leadUnitCode: 'Chọn đơn vị chủ trì.',
      deadlineOn: 'Chọn ngày hết hạn, hoặc chọn "Thường xuyên".',
    });
  });
});
