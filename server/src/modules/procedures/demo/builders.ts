// Small builders that keep the demo catalogue readable: form fields, components and steps.
import type {
  Component,
  FormField,
  FormSchema,
  ProcedureInputData,
  Step,
  StepRole,
  StepUnitKind,
  TimeUnit,
} from '@cqs/shared/procedures/index';

/** Files a citizen may attach: scans and photos. */
export const SCANS = ['application/pdf', 'image/jpeg', 'image/png'];

/** Form fields used across procedures. */
export const field = {
  text: (title: string, maxLength = 200, description?: string): FormField => ({
    type: 'string',
    title,
    maxLength,
    ...(description && { description }),
  }),
  longText: (title: string): FormField => ({ type: 'string', title, maxLength: 2000 }),
  date: (title: string): FormField => ({ type: 'string', title, format: 'date' }),
  choice: (title: string, values: string[]): FormField => ({ type: 'string', title, enum: values }),
  int: (title: string, minimum: number, maximum: number): FormField => ({
    type: 'integer',
    title,
    minimum,
    maximum,
  }),
  money: (title: string): FormField => ({
    type: 'integer',
    title,
    minimum: 0,
    description: 'Số tiền bằng đồng',
  }),
  number: (title: string, minimum: number, maximum: number): FormField => ({
    type: 'number',
    title,
    minimum,
    maximum,
  }),
  yesNo: (title: string): FormField => ({ type: 'boolean', title }),
  /** Citizen ID (CCCD / số định danh cá nhân): 12 digits. */
  cccd: (title = 'Số định danh cá nhân (CCCD)'): FormField => ({
    type: 'string',
    title,
    pattern: '^\\d{12}$',
    description: 'Gồm 12 chữ số',
  }),
  /** Mobile number as stored: 10 digits starting 03, 05, 07, 08 or 09. */
  phone: (title = 'Số điện thoại'): FormField => ({
    type: 'string',
    title,
    pattern: '^0[35789]\\d{8}$',
    description: 'Gồm 10 chữ số, ví dụ 0912345678',
  }),
  email: (title = 'Thư điện tử'): FormField => ({
    type: 'string',
    title,
    format: 'email',
    maxLength: 200,
  }),
  /** Enterprise / household-business tax code: 10 digits, a branch adds -NNN. */
  taxCode: (title = 'Mã số thuế'): FormField => ({
    type: 'string',
    title,
    pattern: '^\\d{10}(-\\d{3})?$',
  }),
  sex: (title = 'Giới tính'): FormField => ({ type: 'string', title, enum: ['Nam', 'Nữ'] }),
};

/** The person who files the request (người yêu cầu), first on almost every form. */
export function declarant(): Record<string, FormField> {
  return {
    nguoiYeuCauHoTen: {
      type: 'string',
      title: 'Họ, chữ đệm, tên người yêu cầu',
      minLength: 2,
      maxLength: 100,
    },
    nguoiYeuCauCccd: field.cccd('Số định danh cá nhân của người yêu cầu'),
    nguoiYeuCauNoiCuTru: field.text('Nơi cư trú của người yêu cầu', 300),
    nguoiYeuCauDienThoai: field.phone(),
  };
}

/** A form: properties in display order; `required` lists the mandatory keys. */
export function form(
  title: string,
  properties: Record<string, FormField>,
  required: string[],
): FormSchema {
  return { type: 'object', title, properties, required, additionalProperties: false };
}

/** A component with a form to fill in; attachments optional unless `files` says so. */
export function formComponent(
  key: string,
  name: string,
  schema: FormSchema,
  files = { required: false, maxFiles: 2, maxSizeMb: 10 },
): Component {
  return { key, name, required: true, formSchema: schema, attachment: { ...files, accept: SCANS } };
}

/** A paper to attach (scan) or show at the desk, with nothing to fill in. */
export function paper(
  key: string,
  name: string,
  opts: { required?: boolean; maxFiles?: number; maxSizeMb?: number } = {},
): Component {
  const required = opts.required ?? true;
  return {
    key,
    name,
    required,
    formSchema: null,
    attachment: {
      required,
      maxFiles: opts.maxFiles ?? 3,
      maxSizeMb: opts.maxSizeMb ?? 10,
      accept: SCANS,
    },
  };
}

type StepSpec = [
  role: StepRole,
  name: string,
  value: number,
  unit?: TimeUnit,
  unitKind?: StepUnitKind,
];

/** Steps numbered in order, run in `unitKind` unless a step names its own. */
export function steps(unitKind: StepUnitKind, unit: TimeUnit, specs: StepSpec[]): Step[] {
  return specs.map(([role, name, value, u, kind], i) => ({
    order: i + 1,
    name,
    role,
    unitKind: kind ?? unitKind,
    duration: { value, unit: u ?? unit },
  }));
}

/** The usual one-stop sequence: receive → examine → approve → return. */
export function oneStop(
  unitKind: StepUnitKind,
  unit: TimeUnit,
  examine: number,
  approve: number,
  receive = 0.5,
  ret = 0.5,
): Step[] {
  return steps(unitKind, unit, [
    ['desk_officer', 'Tiếp nhận, kiểm tra hồ sơ, cấp giấy tiếp nhận và hẹn trả kết quả', receive],
    ['specialist', 'Thẩm định hồ sơ, trình lãnh đạo', examine],
    ['leader', 'Xem xét, ký duyệt kết quả', approve],
    ['desk_officer', 'Trả kết quả cho người yêu cầu', ret],
  ]);
}

/** A commune-level procedure of the People's Committee (UBND cấp xã). */
export function communeProcedure(
  p: Omit<ProcedureInputData, 'level' | 'implementingAgency'> & { implementingAgency?: string },
): ProcedureInputData {
  return { level: 'commune', implementingAgency: 'Ủy ban nhân dân cấp xã', ...p };
}
