import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatVnDateTime,
  renderTemplate,
  SMS_MAX,
  type TemplateName,
  templateSchemas,
} from './notifications.templates.js';

const common = {
  code: 'H12.01-261123-0001',
  procedureName: 'Đăng ký khai sinh',
  applicantName: 'Trần Văn Đức',
  lookupUrl: 'https://dichvu.example.vn/tra-cuu?ma=H12.01-261123-0001',
};
const samples: { [T in TemplateName]: Parameters<typeof renderTemplate<T>>[1] } = {
  'dossier.received': { ...common, dueAt: '2026-11-27T10:00:00Z' },
  'dossier.completion_requested': {
    ...common,
    reason: 'Thiếu giấy tờ chứng minh nơi cư trú',
    items: ['Giấy xác nhận thông tin về cư trú', 'Bản sao giấy chứng sinh'],
  },
  'dossier.result_ready': { ...common, method: 'direct', place: 'Bộ phận Một cửa xã Mỹ Hoà' },
  'dossier.overdue': {
    ...common,
    dueAt: new Date('2026-11-27T10:00:00Z'),
    staffUrl: 'https://cqs.example.vn/ho-so/42',
  },
  'dossier.late_apology': {
    ...common,
    newDueAt: '2026-12-02T17:00:00+07:00',
    reason: 'Chờ xác minh',
  },
  'dossier.fee_paid': { ...common, amount: 1205000, receiptNumber: 'BL-2026-000123' },
  'report.received': {
    code: common.code,
    categoryName: 'Chiếu sáng công cộng',
    dueAt: '2026-11-27T10:00:00Z',
    lookupUrl: common.lookupUrl,
  },
  'report.resolved': {
    code: common.code,
    categoryName: 'Chiếu sáng công cộng',
    reply: 'Đã thay bóng đèn hỏng trên đường Trần Hưng Đạo.',
    lookupUrl: common.lookupUrl,
  },
  'report.info_requested': {
    code: common.code,
    categoryName: 'Chiếu sáng công cộng',
    question: 'Xin cho biết số nhà gần nhất với cột đèn.',
    lookupUrl: common.lookupUrl,
  },
  'report.escalated': {
    code: common.code,
    categoryName: 'Chiếu sáng công cộng',
    unitName: 'Phường Mỹ Bình',
    dueAt: '2026-11-27T10:00:00Z',
    staffUrl: 'https://cqs.example.vn/phan-anh/42',
  },
  // A task has no code: its content (here naming the sample code) is what identifies it.
  'task.due_soon': {
    content: `Số hoá hồ sơ ${common.code} và các hồ sơ tồn đọng năm 2026 của Bộ phận Một cửa phường`,
    leadUnitName: 'Phường Mỹ Bình',
    deadlineOn: '2027-02-12',
    staffUrl: 'https://cqs.example.vn/nhiem-vu/42',
  },
  'task.overdue': {
    content: `Số hoá hồ sơ ${common.code}`,
    leadUnitName: 'Phường Mỹ Bình',
    deadlineOn: '2027-02-12',
    staffUrl: 'https://cqs.example.vn/nhiem-vu/42',
  },
};

describe('formatVnDateTime', () => {
  it('prints dd/mm/yyyy HH:mm in Vietnam time (+07:00)', () => {
    expect(formatVnDateTime(new Date('2026-11-27T10:00:00Z'))).toBe('27/11/2026 17:00');
    // 17:30 UTC is already the next day in Vietnam.
    expect(formatVnDateTime('2026-12-31T17:30:00Z')).toBe('01/01/2027 00:30');
    expect(formatVnDateTime('2026-03-05T08:05:00+07:00')).toBe('05/03/2026 08:05');
  });
});

describe('templates', () => {
  it.each(Object.keys(samples) as TemplateName[])('%s renders subject, e-mail and SMS', (name) => {
    const m = renderTemplate(name, samples[name] as never);
    expect(m.subject).toContain(common.code);
    expect(m.text).toContain(common.code);
    expect(m.sms).toContain(common.code);
    expect(m.sms.length).toBeLessThanOrEqual(SMS_MAX);
    for (const s of [m.subject, m.text, m.sms]) expect(s).toBe(s.normalize('NFC'));
    expect(m.text).not.toMatch(/Nghị định|Thông tư|\d+\/\d{4}\/(NĐ|TT)/);
  });

  it('writes the Vietnamese words with their diacritics', () => {
    expect(renderTemplate('dossier.received', samples['dossier.received']).subject).toBe(
      'Đã tiếp nhận hồ sơ H12.01-261123-0001',
    );
    const received = renderTemplate('dossier.received', samples['dossier.received']).text;
    expect(received).toContain('Ngày hẹn trả kết quả: 27/11/2026 17:00');
    expect(received).toContain('Kính gửi Ông/Bà Trần Văn Đức,');
    const completion = renderTemplate(
      'dossier.completion_requested',
      samples['dossier.completion_requested'],
    ).text;
    expect(completion).toContain('Lý do: Thiếu giấy tờ chứng minh nơi cư trú');
    expect(completion).toContain('- Bản sao giấy chứng sinh');
    const apology = renderTemplate('dossier.late_apology', samples['dossier.late_apology']);
    expect(apology.text).toContain('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    expect(apology.sms).toContain('02/12/2026 17:00');
    expect(renderTemplate('dossier.overdue', samples['dossier.overdue']).subject).toBe(
      'Hồ sơ H12.01-261123-0001 đã quá hạn giải quyết',
    );
  });

  it('tells how to get the result for each return method', () => {
    const base = samples['dossier.result_ready'];
    expect(renderTemplate('dossier.result_ready', base).text).toContain(
      'Mời Ông/Bà đến nhận kết quả tại Bộ phận Một cửa xã Mỹ Hoà.',
    );
    const online = renderTemplate('dossier.result_ready', {
      ...base,
      method: 'electronic',
      resultUrl: 'https://dichvu.example.vn/ket-qua/abc',
    });
    expect(online.text).toContain('https://dichvu.example.vn/ket-qua/abc');
    expect(online.sms).toContain('https://dichvu.example.vn/ket-qua/abc');
    expect(renderTemplate('dossier.result_ready', { ...base, method: 'postal' }).sms).toContain(
      'bưu điện',
    );
  });

  it('shortens an SMS that would not fit, and keeps the subject on one line', () => {
    const many = renderTemplate('dossier.completion_requested', {
      ...samples['dossier.completion_requested'],
      items: Array.from({ length: 8 }, (_, i) => `Giấy tờ bổ sung số ${i + 1}`),
    });
    expect(many.sms.length).toBeLessThanOrEqual(SMS_MAX);
    expect(many.text).toContain('- Giấy tờ bổ sung số 8');
    const m = renderTemplate('dossier.received', {
      ...common,
      code: 'A\r\nBcc: x@y',
      dueAt: new Date(),
    });
    expect(m.subject).not.toMatch(/[\r\n]/);
  });

  it('rejects incomplete data', () => {
    expect(() => renderTemplate('dossier.received', { code: 'X' } as never)).toThrow();
    expect(() =>
      renderTemplate('dossier.completion_requested', {
        ...samples['dossier.completion_requested'],
        items: [],
      }),
    ).toThrow();
  });

  it('the "received" SMS fits one message for any realistic code and link', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9.-]{8,30}$/),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (code, dueAt) => {
          const data = { ...common, code, dueAt, lookupUrl: `https://dvc.example.vn/t?ma=${code}` };
          const sms = renderTemplate('dossier.received', data).sms;
          expect(sms.length).toBeLessThanOrEqual(SMS_MAX);
          expect(sms).toContain(formatVnDateTime(dueAt));
          expect(templateSchemas['dossier.received'].safeParse(data).success).toBe(true);
        },
      ),
    );
  });
});
