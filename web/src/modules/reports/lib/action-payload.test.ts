import { describe, expect, it } from 'vitest';
import { buildReportAction, emptyReportActionDraft } from './action-payload.ts';

describe('buildReportAction', () => {
  it('sends nothing extra for confirm-only actions', () => {
    expect(buildReportAction('accept', emptyReportActionDraft())).toEqual({ payload: {} });
  });
  it('requires the inputs of each action', () => {
    const d = emptyReportActionDraft();
    expect(buildReportAction('reject', d).errors).toEqual({ reason: 'reports.validation.reason' });
    expect(buildReportAction('resolve', d).errors).toEqual({ reply: 'reports.validation.reply' });
    expect(buildReportAction('assign', d).errors).toEqual({
      assigneeUsername: 'reports.validation.assignee',
    });
    expect(buildReportAction('request_info', d).errors).toEqual({
      reason: 'reports.validation.reason',
    });
    expect(buildReportAction('request_info', { ...d, reason: ' Số nhà? ' })).toEqual({
      payload: { reason: 'Số nhà?' },
    });
    expect(buildReportAction('merge', { ...d, targetId: 'PA-1' }).errors).toEqual({
      targetId: 'reports.validation.mergeTarget',
    });
  });
  it('trims values and adds optional ones when given', () => {
    const d = { ...emptyReportActionDraft(), unitCode: ' 30281 ', reason: ' Sai địa bàn ' };
    expect(buildReportAction('transfer', d)).toEqual({
      payload: { unitCode: '30281', reason: 'Sai địa bàn' },
    });
    expect(buildReportAction('resolve', { ...d, reply: 'Đã vá' })).toEqual({
      payload: { reply: 'Đã vá' },
    });
  });
});
