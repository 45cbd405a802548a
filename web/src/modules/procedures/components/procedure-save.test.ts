import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client.ts';
import type { Procedure } from '../api/procedure.types.ts';
import { type ProcedureSender, saveDraft } from './procedure-save.ts';
import { tVi, validDraft } from './procedure-test-draft.ts';

/** A sender that records calls and answers with `answer`. */
function sender(answer: () => Promise<Procedure> = async () => ({ id: 'p1' }) as Procedure) {
  return {
    create: vi.fn<ProcedureSender['create']>(answer),
    update: vi.fn<ProcedureSender['update']>(answer),
  };
}

describe('saving the procedure draft', () => {
  it('shows the shared schema’s Vietnamese messages beside the fields and sends nothing', async () => {
    const api = sender();
    const draft = validDraft();
    draft.code = '1.23';
    draft.processingValue = '';
    draft.components[0]!.attachmentRequired = true;
    draft.components[0]!.maxFiles = '0';
    draft.components[0]!.accept = 'application/pdf, pdf';
    draft.components[0]!.form.fields[0]!.title = '';

    const outcome = await saveDraft(draft, undefined, tVi, { api });

    expect(api.create).not.toHaveBeenCalled();
    expect(api.update).not.toHaveBeenCalled();
    expect(outcome.saved).toBeUndefined();
    if (outcome.saved) return;
    expect(outcome.fields).toMatchObject({
      code: 'Nhập mã thủ tục theo định dạng 1.001193 hoặc 2.000815.000.00.00.H55.',
      'processingTime.value': 'Nhập thời gian là một số, ví dụ 3.',
      'components.0.attachment.accept':
        'Loại tệp phải là kiểu MIME, ví dụ application/pdf hoặc image/*.',
      'components.0.fields.0.title': 'Nhập nhãn (title) của trường, ví dụ "Họ, chữ đệm và tên".',
    });
    expect(outcome.summary).toContainEqual({
      message: outcome.fields.code,
      targetId: 'proc-code',
    });
    expect(outcome.summary).toHaveLength(Object.keys(outcome.fields).length);
  });

  it('reports cross-field rules together with field errors', async () => {
    const api = sender();
    const draft = validDraft();
    draft.name = '';
    draft.processingValue = '1';
    draft.components.push({ ...draft.components[0]!, uid: -1 });

    const outcome = await saveDraft(draft, undefined, tVi, { api });

    expect(api.create).not.toHaveBeenCalled();
    expect(outcome.saved ? {} : outcome.fields).toMatchObject({
      name: 'Nhập tên thủ tục, ví dụ "Đăng ký khai sinh".',
      'components.1.key': 'Mã thành phần "thanh_phan_1" bị trùng.',
      steps:
        'Tổng thời gian các bước (3 ngày làm việc) vượt thời hạn giải quyết (1 ngày làm việc).',
    });
  });

  it('checks by hand only what the body cannot show: duplicate field keys', async () => {
    const api = sender();
    const draft = validDraft();
    const fields = draft.components[0]!.form.fields;
    fields.push({ ...fields[0]!, uid: -2 });

    const outcome = await saveDraft(draft, undefined, tVi, { api });

    expect(api.create).not.toHaveBeenCalled();
    expect(outcome.saved ? {} : outcome.fields).toEqual({
      'components.0.fields.1.key': 'Mã của trường 2, thành phần hồ sơ 1 bị trùng',
    });
  });

  it('sends a valid draft and keys server problems like client ones', async () => {
    const ok = sender();
    const saved = await saveDraft(validDraft(), undefined, tVi, { api: ok });
    expect(saved.saved?.id).toBe('p1');
    expect(ok.create).toHaveBeenCalledOnce();
    expect(ok.create.mock.calls[0]?.[0]).toMatchObject({ code: '1.004194', steps: [{ order: 1 }] });

    const refused = sender(async () => {
      throw new ApiError(409, 'procedure_code_taken', 'Mã đã dùng', [
        { path: 'body.components.0.attachment.accept.0', message: 'Loại tệp sai.' },
      ]);
    });
    const existing = { id: 'p9' } as Procedure;
    const outcome = await saveDraft(validDraft(), existing, tVi, { api: refused });
    expect(refused.update).toHaveBeenCalledWith('p9', expect.any(Object));
    expect(outcome.saved ? {} : outcome.fields).toEqual({
      'components.0.attachment.accept': 'Loại tệp sai.',
    });
  });
});
