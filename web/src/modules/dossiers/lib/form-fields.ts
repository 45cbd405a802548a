// The forms of a procedure's components, rendered and checked at the desk. Reuses the field
// model and value checks of the procedure editor's form preview (procedures/components:
// schemaToModel, checkValue), adding what that preview leaves out: booleans, integer and
// number lists, and the typed values the API stores (dates as YYYY-MM-DD, numbers as numbers).
import { parseDisplayDate } from '../../../lib/format.ts';
import type { DossierComponent, JsonSchema } from '../../procedures/api/procedure.types.ts';
import { checkValue, type FormFieldDef, schemaToModel } from '../../procedures/index.ts';
import type { FormData } from '../api/dossier.types.ts';
import type { Problem } from './problem.ts';

/** One input of a component form. */
export interface RenderField {
  key: string;
  title: string;
  description?: string;
  required: boolean;
  kind: 'text' | 'email' | 'date' | 'number' | 'integer' | 'select' | 'boolean';
  /** Choices of a select, as strings. */
  options: string[];
  /** A select whose values are numbers. */
  numeric: boolean;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  def?: FormFieldDef;
}

/** Value typed into a field: text for inputs and selects, true/false for checkboxes. */
export type FieldValue = string | boolean;
/** Component key → field key → typed value. */
export type FormValues = Record<string, Record<string, FieldValue>>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** The inputs of a form schema in property order (empty for no form or an unreadable one). */
export function componentFields(schema: JsonSchema | null | undefined): RenderField[] {
  if (!schema) return [];
  let defs: FormFieldDef[];
  try {
    defs = schemaToModel(schema).fields;
  } catch {
    return [];
  }
  const byKey = new Map(defs.map((f) => [f.key, f]));
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const props = isObject(schema.properties) ? schema.properties : {};
  const out: RenderField[] = [];
  for (const [key, raw] of Object.entries(props)) {
    if (!isObject(raw)) continue;
    const base = {
      key,
      title: typeof raw.title === 'string' && raw.title ? raw.title : key,
      description: typeof raw.description === 'string' ? raw.description : undefined,
      required: required.has(key),
      options: [] as string[],
      numeric: false,
      minimum: num(raw.minimum),
      maximum: num(raw.maximum),
      minLength: num(raw.minLength),
    };
    const numeric = raw.type === 'number' || raw.type === 'integer';
    if (raw.type === 'boolean') out.push({ ...base, kind: 'boolean' });
    else if (numeric && Array.isArray(raw.enum))
      out.push({ ...base, kind: 'select', numeric: true, options: raw.enum.map(String) });
    else {
      const def = byKey.get(key);
      if (!def) continue;
      const kind = def.type === 'number' && raw.type === 'integer' ? 'integer' : def.type;
      out.push({ ...base, kind, options: def.options, maxLength: def.maxLength, def });
    }
  }
  return out;
}

/** The first problem of a typed value, or null. */
export function checkField(field: RenderField, value: FieldValue | undefined): Problem | null {
  if (typeof value === 'boolean' || field.kind === 'boolean') return null;
  const v = (value ?? '').trim();
  if (!v) return field.required ? { key: 'preview.required' } : null;
  if (field.def) {
    const p = checkValue(field.def, v);
    if (p) return { key: `preview.${p}`, params: { max: field.maxLength ?? 0 } };
  }
  if (field.minLength !== undefined && v.length < field.minLength)
    return { key: 'dossiers.validation.minLength', params: { min: field.minLength } };
  if (field.kind === 'number' || field.kind === 'integer') {
    const n = Number(v.replace(',', '.'));
    if (field.kind === 'integer' && !Number.isInteger(n))
      return { key: 'dossiers.validation.integer' };
    if (
      (field.minimum !== undefined && n < field.minimum) ||
      (field.maximum !== undefined && n > field.maximum)
    )
      return {
        key: 'dossiers.validation.range',
        params: { min: field.minimum ?? '…', max: field.maximum ?? '…' },
      };
  }
  return null;
}

/** The value as the API stores it; undefined for an empty input. */
export function toApiValue(
  field: RenderField,
  value: FieldValue | undefined,
): string | number | boolean | undefined {
  if (field.kind === 'boolean') return value === true;
  const v = typeof value === 'string' ? value.normalize('NFC').trim() : '';
  if (!v) return undefined;
  if (field.kind === 'number' || field.kind === 'integer' || field.numeric)
    return Number(v.replace(',', '.'));
  if (field.kind === 'date') return parseDisplayDate(v) ?? v;
  return v;
}

/**
 * Checks every form and builds `formData`. A component that is not required and left empty is
 * skipped (its paper was not brought); problems are keyed 'formData.<component>.<field>'.
 */
export function buildFormData(
  components: readonly Pick<DossierComponent, 'key' | 'required' | 'formSchema'>[],
  values: FormValues,
): { formData: FormData; errors: Record<string, Problem> } {
  const formData: FormData = {};
  const errors: Record<string, Problem> = {};
  for (const component of components) {
    const fields = componentFields(component.formSchema);
    if (!fields.length) continue;
    const typed = values[component.key] ?? {};
    const touched = fields.some((f) => f.kind !== 'boolean' && String(typed[f.key] ?? '').trim());
    if (!component.required && !touched) continue;
    const data: Record<string, string | number | boolean> = {};
    for (const field of fields) {
      const problem = checkField(field, typed[field.key]);
      if (problem)
        errors[`formData.${component.key}.${field.key}`] = { ...problem, label: field.title };
      const value = toApiValue(field, typed[field.key]);
      if (value !== undefined) data[field.key] = value;
    }
    formData[component.key] = data;
  }
  return { formData, errors };
}
