import { describe, expect, it } from 'vitest';
import {
  type ProcedureInputData,
  ProcedureInputSchema,
  ProcedureReplaceSchema,
} from './procedure.schema.ts';

/** A valid procedure; tests break one thing at a time. */
function valid(): ProcedureInputData {
  return {
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    implementingAgency: 'Ủy ban nhân dân cấp xã',
    level: 'commune',
    processingTime: { value: 3, unit: 'working_days' },
    fees: [{ name: 'Lệ phí', amount: 0 }],
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
          properties: { hoTen: { type: 'string', title: 'Họ tên' } },
          required: ['hoTen'],
        },
        attachment: { required: false, maxFiles: 1, maxSizeMb: 5, accept: ['application/pdf'] },
      },
    ],
    steps: [
      {
        order: 1,
        name: 'Tiếp nhận',
        role: 'desk_officer',
        unitKind: 'commune',
        duration: { value: 1, unit: 'working_days' },
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
    ],
  };
}

function issues(input: unknown): [string, string][] {
  const r = ProcedureInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('procedure code', () => {
  it.each([
    '1.001193',
    '2.000815',
    '2.000815.000.00.00.H55',
    '1.004873.000.00.00.H49',
    ' 2.000815.000.00.00.h55 ',
  ])('accepts %j', (code) => {
    expect(issues({ ...valid(), code })).toEqual([]);
  });

  it.each([
    '1001193',
    '1.00119',
    '1.0011933',
    '0.001193',
    '1.001193.000.00.00',
    '1.001193.00.00.00.H55',
    '1.001193.000.00.00.55H',
    'abc',
    '',
  ])('refuses %j with the format in Vietnamese', (code) => {
    expect(issues({ ...valid(), code })).toEqual([
      ['code', 'Nhập mã thủ tục theo định dạng 1.001193 hoặc 2.000815.000.00.00.H55.'],
    ]);
  });

  it('normalises case and spaces (the code is otherwise opaque)', () => {
    expect(ProcedureInputSchema.parse({ ...valid(), code: ' 2.000815.000.00.00.h55 ' }).code).toBe(
      '2.000815.000.00.00.H55',
    );
  });
});

describe('steps', () => {
  it('refuses a gap in the order 1..n', () => {
    const p = valid();
    p.steps[2]!.order = 4;
    expect(issues(p)).toEqual([
      ['steps.2.order', 'Thứ tự các bước phải liên tục từ 1 đến 3; bước này có thứ tự 4.'],
    ]);
  });

  it('refuses a repeated order', () => {
    const p = valid();
    p.steps[1]!.order = 1;
    expect(issues(p)).toEqual([['steps.1.order', 'Thứ tự bước 1 bị trùng.']]);
  });

  it('accepts steps listed out of order when the orders are 1..n', () => {
    const p = valid();
    p.steps.reverse();
    expect(issues(p)).toEqual([]);
  });

  it('refuses steps whose durations exceed the processing time in the same unit', () => {
    const p = valid();
    p.processingTime = { value: 3, unit: 'working_days' };
    expect(issues(p)).toEqual([]);
    p.processingTime = { value: 2.5, unit: 'working_days' };
    expect(issues(p)).toEqual([
      [
        'steps',
        'Tổng thời gian các bước (3 ngày làm việc) vượt thời hạn giải quyết (2,5 ngày làm việc).',
      ],
    ]);
  });

  it('does not compare steps counted in another unit', () => {
    const p = valid();
    p.processingTime = { value: 4, unit: 'working_hours' };
    expect(issues(p)).toEqual([]);
    p.steps[0]!.duration = { value: 5, unit: 'working_hours' };
    expect(issues(p)).toEqual([
      [
        'steps',
        'Tổng thời gian các bước (5 giờ làm việc) vượt thời hạn giải quyết (4 giờ làm việc).',
      ],
    ]);
  });

  it('refuses durations that are not multiples of half a unit, and unknown roles', () => {
    const p = valid();
    p.steps[0]!.duration.value = 0.3;
    (p.steps[1] as { role: string }).role = 'janitor';
    const found = issues(p);
    expect(found).toContainEqual([
      'steps.0.duration.value',
      'Thời gian tính theo bội số của 0,5 (ví dụ 0,5; 1; 1,5).',
    ]);
    expect(found.find(([path]) => path === 'steps.1.role')?.[1]).toMatch(
      /^Chọn vai trò thực hiện bước: desk_officer \(Bộ phận Một cửa\)/,
    );
  });

  it('needs at least one step', () => {
    expect(issues({ ...valid(), steps: [] })).toEqual([
      ['steps', 'Thủ tục cần ít nhất một bước xử lý.'],
    ]);
  });
});

describe('returning a result whose fee is unpaid', () => {
  it('defaults to "with a stated reason" and keeps an explicit choice', () => {
    expect(ProcedureInputSchema.parse(valid()).unpaidReturn).toBe('with_reason');
    expect(ProcedureInputSchema.parse({ ...valid(), unpaidReturn: 'refuse' }).unpaidReturn).toBe(
      'refuse',
    );
  });

  it('refuses another value, naming the choices in Vietnamese', () => {
    expect(issues({ ...valid(), unpaidReturn: 'always' })).toEqual([
      [
        'unpaidReturn',
        'Chọn cách trả kết quả khi chưa nộp phí, lệ phí: refuse (Chỉ trả kết quả khi đã nộp đủ phí, lệ phí), with_reason (Được trả kết quả khi chưa nộp phí, lệ phí nếu ghi rõ lý do).',
      ],
    ]);
  });
});

describe('other fields', () => {
  it('gives a Vietnamese message for every missing field', () => {
    const found = issues({});
    expect(found.map(([p]) => p).sort()).toEqual(
      [
        'code',
        'components',
        'fees',
        'field',
        'implementingAgency',
        'legalBasis',
        'level',
        'name',
        'onlineLevel',
        'processingTime',
        'result',
        'steps',
      ].sort(),
    );
    for (const [, message] of found) expect(message).toMatch(/^(Nhập|Chọn) /);
  });

  it('refuses negative and fractional fees', () => {
    const p = valid();
    p.fees = [
      { name: 'Lệ phí', amount: -1 },
      { name: 'Phí', amount: 1.5 },
    ];
    expect(issues(p)).toEqual([
      ['fees.0.amount', 'Số tiền không được âm.'],
      ['fees.1.amount', 'Nhập số tiền bằng đồng, là số nguyên không âm (ví dụ 8000).'],
    ]);
  });

  it('refuses duplicate component keys and a required attachment with no files allowed', () => {
    const p = valid();
    p.components.push({
      ...p.components[0]!,
      attachment: { required: true, maxFiles: 0, maxSizeMb: 5, accept: ['application/pdf'] },
    });
    expect(issues(p)).toEqual([
      [
        'components.1.attachment.maxFiles',
        'Tệp đính kèm bắt buộc thì số tệp tối đa phải từ 1 trở lên.',
      ],
      ['components.1.key', 'Mã thành phần "to_khai" bị trùng.'],
    ]);
  });

  it('refuses a component with neither a form nor attachments', () => {
    const p = valid();
    p.components[0] = {
      ...p.components[0]!,
      formSchema: null,
      attachment: { required: false, maxFiles: 0, maxSizeMb: 5, accept: [] },
    };
    expect(issues(p)).toEqual([
      [
        'components.0.attachment.maxFiles',
        'Thành phần không có biểu mẫu thì phải cho phép đính kèm tệp.',
      ],
    ]);
  });

  it('stores text in Unicode NFC, trimmed', () => {
    const decomposed = ' Đăng ký khai sinh '.normalize('NFD');
    const out = ProcedureInputSchema.parse({ ...valid(), name: decomposed });
    expect(out.name).toBe('Đăng ký khai sinh'.normalize('NFC'));
    expect(out.name).not.toBe(decomposed.trim());
  });

  it('takes an optional version and status on replace', () => {
    expect(
      ProcedureReplaceSchema.safeParse({ ...valid(), version: 3, status: 'archived' }).success,
    ).toBe(true);
    expect(ProcedureReplaceSchema.safeParse({ ...valid(), version: 0 }).success).toBe(false);
  });
});
