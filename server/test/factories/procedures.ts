import type { ProcedureInputData } from '@cqs/shared/procedures/index';

// A random start per process, then a counter: unique within a test file (each has its own database).
let next = Math.floor(Math.random() * 900_000);

/** A fresh procedure code in the national format, unique within a test run. */
export function uniqueProcedureCode(): string {
  next = (next + 1) % 1_000_000;
  // 9.xxxxxx: a leading digit real catalogues do not use yet, so never a demo code.
  return `9.${String(next).padStart(6, '0')}`;
}

/** A valid create body (POST /procedures) with a unique code; `overrides` replace top-level fields. */
export function buildProcedureInput(
  overrides: Partial<ProcedureInputData> = {},
): ProcedureInputData {
  return {
    code: uniqueProcedureCode(),
    name: 'Đăng ký khai sinh thử nghiệm',
    field: 'Hộ tịch',
    implementingAgency: 'Ủy ban nhân dân cấp xã',
    level: 'commune',
    processingTime: { value: 3, unit: 'working_days' },
    fees: [{ name: 'Lệ phí', amount: 8000, note: 'Mỗi bản' }],
    result: 'Giấy khai sinh',
    legalBasis: 'Luật Hộ tịch năm 2014',
    onlineLevel: 'full',
    components: [
      {
        key: 'to_khai',
        name: 'Tờ khai',
        required: true,
        formSchema: {
          type: 'object',
          title: 'Tờ khai',
          properties: {
            hoTen: { type: 'string', title: 'Họ, chữ đệm, tên', minLength: 2, maxLength: 100 },
            ngaySinh: { type: 'string', title: 'Ngày sinh', format: 'date' },
            cccd: { type: 'string', title: 'Số CCCD', pattern: '^\\d{12}$' },
          },
          required: ['hoTen', 'ngaySinh'],
          additionalProperties: false,
        },
        attachment: {
          required: false,
          maxFiles: 2,
          maxSizeMb: 10,
          accept: ['application/pdf', 'image/jpeg'],
        },
      },
    ],
    steps: [
      {
        order: 1,
        name: 'Tiếp nhận hồ sơ',
        role: 'desk_officer',
        unitKind: 'commune',
        duration: { value: 0.5, unit: 'working_days' },
      },
      {
        order: 2,
        name: 'Thẩm định',
        role: 'specialist',
        unitKind: 'commune',
        duration: { value: 1.5, unit: 'working_days' },
      },
      {
        order: 3,
        name: 'Phê duyệt',
        role: 'leader',
        unitKind: 'commune',
        duration: { value: 0.5, unit: 'working_days' },
      },
      {
        order: 4,
        name: 'Trả kết quả',
        role: 'desk_officer',
        unitKind: 'commune',
        duration: { value: 0.5, unit: 'working_days' },
      },
    ],
    ...overrides,
  };
}
