import { describe, expect, it } from 'vitest';
import {
  actionFields,
  buildActionPayload,
  emptyActionDraft,
  parseDisplayDateTime,
} from './action-payload.ts';

const due = '2026-11-27T17:00:00+07:00';
const draft = (p: Partial<ReturnType<typeof emptyActionDraft>>) => ({
  ...emptyActionDraft(),
  ...p,
});

describe('action payloads', () => {
  it('parses a typed date and time in Vietnam time', () => {
    expect(parseDisplayDateTime('30/11/2026 8:30')).toBe('2026-11-30T08:30:00+07:00');
    expect(parseDisplayDateTime('30/11/2026')).toBeNull();
    expect(parseDisplayDateTime('31/11/2026 08:30')).toBeNull();
  });

  it('builds each action payload', () => {
    expect(
      buildActionPayload('assign', draft({ assigneeUsername: ' cv.an ' }), due).payload,
    ).toEqual({ assigneeUsername: 'cv.an' });
    expect(
      buildActionPayload('request_completion', draft({ reason: 'Thiếu', items: 'A\n\n B ' }), due)
        .payload,
    ).toEqual({ reason: 'Thiếu', items: ['A', 'B'] });
    expect(buildActionPayload('return_result', draft({ method: 'postal' }), due).payload).toEqual({
      method: 'postal',
    });
    expect(
      buildActionPayload(
        'extend',
        draft({ reason: 'Cần xác minh', newDue: '04/12/2026 17:00' }),
        due,
      ).payload,
    ).toEqual({ reason: 'Cần xác minh', newDueAt: '2026-12-04T17:00:00+07:00' });
    expect(buildActionPayload('approve', draft({}), due).payload).toEqual({});
    expect(buildActionPayload('forward', draft({ unitCode: 'P01' }), due).payload).toEqual({
      unitCode: 'P01',
    });
  });

  it('reports what is missing', () => {
    expect(buildActionPayload('refuse', draft({}), due).errors.reason?.key).toBe(
      'dossiers.validation.reason',
    );
    expect(buildActionPayload('forward', draft({}), due).errors.unitCode?.key).toBe(
      'dossiers.validation.forwardTarget',
    );
    expect(
      buildActionPayload('extend', draft({ reason: 'x', newDue: '27/11/2026 16:00' }), due).errors
        .newDue?.key,
    ).toBe('dossiers.validation.newDueLater');
    expect(buildActionPayload('finish', draft({}), due).payload).toBeNull();
  });

  it('asks why a result is returned with its fee unpaid, when the procedure allows it', () => {
    const unpaid = { unpaidReason: true };
    expect(actionFields('return_result')).toEqual(['method']);
    expect(actionFields('return_result', unpaid)).toEqual(['method', 'reason']);
    expect(
      buildActionPayload('return_result', draft({ method: 'direct' }), due, unpaid).errors.reason
        ?.key,
    ).toBe('dossiers.validation.unpaidReason');
    expect(
      buildActionPayload(
        'return_result',
        draft({ method: 'direct', reason: ' Miễn lệ phí ' }),
        due,
        unpaid,
      ).payload,
    ).toEqual({ method: 'direct', reason: 'Miễn lệ phí' });
    // Paid (or nothing due): no reason asked, none sent.
    expect(
      buildActionPayload('return_result', draft({ method: 'direct', reason: 'x' }), due).payload,
    ).toEqual({ method: 'direct' });
  });
});
