import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../procedures/index.ts';
import {
  applicantDraftFrom,
  applicantForSave,
  formDataForSave,
  formValuesFrom,
} from './draft-form.ts';

const procedure = {
  components: [
    {
      key: 'to_khai',
      name: 'Tờ khai',
      required: true,
      formSchema: {
        type: 'object',
        properties: {
          hoTen: { type: 'string', title: 'Họ tên' },
          ngaySinh: { type: 'string', title: 'Ngày sinh', format: 'date' },
          soBan: { type: 'integer', title: 'Số bản' },
        },
        required: ['hoTen'],
      },
      attachment: { required: false, maxFiles: 1, maxSizeMb: 5, accept: ['application/pdf'] },
    },
  ],
} as unknown as Procedure;

describe('draft ↔ form', () => {
  it('round-trips the applicant, showing dates as dd/mm/yyyy and saving them as ISO', () => {
    const api = {
      type: 'individual',
      fullName: 'Nguyễn Văn An',
      citizenId: '089201000123',
      dateOfBirth: '1990-05-01',
      phone: '0987654321',
      address: { line: '12 Trần Hưng Đạo', unitCode: '30280' },
    };
    const form = applicantDraftFrom(api);
    expect(form.dateOfBirth).toBe('01/05/1990');
    expect(applicantForSave(form, '30280')).toEqual({ ...api, email: undefined });
  });

  it('keeps a half-typed date as typed rather than losing it', () => {
    const form = { ...applicantDraftFrom({}), dateOfBirth: '31/02' };
    expect(applicantForSave(form, null).dateOfBirth).toBe('31/02');
  });

  it('round-trips form data with dates and numbers', () => {
    const saved = { to_khai: { hoTen: 'Bé', ngaySinh: '2026-11-01', soBan: 2 } };
    const values = formValuesFrom(procedure, saved);
    expect(values.to_khai).toEqual({ hoTen: 'Bé', ngaySinh: '01/11/2026', soBan: '2' });
    expect(formDataForSave(procedure, values)).toEqual(saved);
  });
});
