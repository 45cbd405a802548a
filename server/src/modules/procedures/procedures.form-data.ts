// Checks what a citizen or officer typed into a component's form against its form schema
// (JSON Schema, the subset of shared/src/procedures/form-schema.ts), with Vietnamese
// messages naming the field by its title. Used by the dossier module when a dossier is
// submitted; compiled validators are cached because a few hundred forms serve every dossier.
import type { FormSchema } from '@cqs/shared/procedures/index';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Deliberately simple: the domain part needs a dot; deliverability is the mail server's job.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A real calendar date 'YYYY-MM-DD' (JSON Schema "full-date"). */
function isFullDate(s: string): boolean {
  const m = FULL_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addFormat('date', { type: 'string', validate: isFullDate });
ajv.addFormat('email', { type: 'string', validate: (s: string) => EMAIL.test(s) });

const cache = new Map<string, ValidateFunction>();
const CACHE_MAX = 1000;

/** Compiles (once) a form schema; throws if it is not valid JSON Schema. */
export function compileFormSchema(schema: FormSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = cache.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, fn);
  }
  return fn;
}

function messageOf(e: ErrorObject, schema: FormSchema): { path: string; message: string } {
  const key =
    e.keyword === 'required'
      ? String(e.params.missingProperty)
      : (e.instancePath.split('/').filter(Boolean)[0] ?? '');
  const title = schema.properties[key]?.title ?? key;
  const p = e.params as Record<string, unknown>;
  const message = (() => {
    switch (e.keyword) {
      case 'required':
        return `Nhập ${title}.`;
      case 'type':
        return `${title}: sai kiểu dữ liệu.`;
      case 'pattern':
        return `${title} không đúng định dạng.`;
      case 'format':
        return p.format === 'date'
          ? `${title}: nhập một ngày có thật.`
          : `${title}: nhập địa chỉ email đúng định dạng, ví dụ ten@example.vn.`;
      case 'enum':
        return `${title}: chọn một giá trị trong danh sách.`;
      case 'minLength':
        return `${title} cần ít nhất ${p.limit} ký tự.`;
      case 'maxLength':
        return `${title} tối đa ${p.limit} ký tự.`;
      case 'minimum':
        return `${title} không được nhỏ hơn ${p.limit}.`;
      case 'maximum':
        return `${title} không được lớn hơn ${p.limit}.`;
      case 'additionalProperties':
        return `Biểu mẫu không có trường "${String(p.additionalProperty)}".`;
      default:
        return `${title}: giá trị không hợp lệ.`;
    }
  })();
  return {
    path: e.keyword === 'additionalProperties' ? String(p.additionalProperty) : key,
    message,
  };
}

/** Problems of `data` against a form schema (empty when valid), one per field and rule. */
export function validateFormData(
  schema: FormSchema,
  data: unknown,
): { path: string; message: string }[] {
  const validate = compileFormSchema(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => messageOf(e, schema));
}
