// The form of a dossier component as a list of fields, and its JSON Schema form
// ({type:'object', properties, required}). Keywords the list cannot edit are kept as they are.
import type { JsonSchema } from '../api/procedure.types.ts';

export const FIELD_TYPES = ['text', 'number', 'date', 'email', 'select'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field of the form. */
export interface FormFieldDef {
  uid: number;
  key: string;
  title: string;
  type: FieldType;
  required: boolean;
  maxLength?: number;
  pattern?: string;
  options: string[];
  /** Other keywords of the property (description, minimum…), preserved. */
  extra: Record<string, unknown>;
}

/** The editable form: fields, plus what the field list cannot represent. */
export interface FormModel {
  fields: FormFieldDef[];
  /** Top-level keywords other than type/properties/required ($schema, title…). */
  extra: Record<string, unknown>;
  /** Properties that are not simple fields (objects, arrays…), kept unchanged. */
  opaque: Record<string, unknown>;
}

let nextUid = 1;
/** A fresh id for React keys of rows. */
export function newUid(): number {
  return nextUid++;
}

/** An empty field with a unique default key. */
export function newField(existing: FormFieldDef[]): FormFieldDef {
  let n = existing.length + 1;
  while (existing.some((f) => f.key === `truong_${n}`)) n++;
  return {
    uid: newUid(),
    key: `truong_${n}`,
    title: '',
    type: 'text',
    required: false,
    options: [],
    extra: {},
  };
}

export function emptyModel(): FormModel {
  return { fields: [], extra: {}, opaque: {} };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function toField(
  key: string,
  prop: Record<string, unknown>,
  required: boolean,
): FormFieldDef | null {
  const { type, title, format, maxLength, pattern, enum: options, ...extra } = prop;
  const base = {
    uid: newUid(),
    key,
    title: typeof title === 'string' ? title : '',
    required,
    extra,
  };
  const lengths = {
    maxLength: typeof maxLength === 'number' ? maxLength : undefined,
    pattern: typeof pattern === 'string' ? pattern : undefined,
  };
  if (type === 'number' || type === 'integer') return { ...base, type: 'number', options: [] };
  if (type !== 'string') return null;
  if (Array.isArray(options)) return { ...base, type: 'select', options: options.map(String) };
  if (format === 'date') return { ...base, type: 'date', options: [] };
  if (format === 'email') return { ...base, type: 'email', ...lengths, options: [] };
  if (format !== undefined) return null;
  return { ...base, type: 'text', ...lengths, options: [] };
}

/** Reads a JSON Schema into the field model; throws Error with a reason if it is not an object schema. */
export function schemaToModel(schema: unknown): FormModel {
  if (
    schema === undefined ||
    schema === null ||
    (isObject(schema) && Object.keys(schema).length === 0)
  )
    return emptyModel();
  if (!isObject(schema) || schema.type !== 'object') throw new Error('not_object_schema');
  const { type: _type, properties, required, ...extra } = schema;
  const requiredSet = new Set(Array.isArray(required) ? required.map(String) : []);
  const model: FormModel = { fields: [], extra, opaque: {} };
  for (const [key, prop] of Object.entries(isObject(properties) ? properties : {})) {
    const field = isObject(prop) ? toField(key, prop, requiredSet.has(key)) : null;
    if (field) model.fields.push(field);
    else model.opaque[key] = prop;
  }
  return model;
}

function fieldToProperty(field: FormFieldDef): JsonSchema {
  const prop: JsonSchema = { ...field.extra };
  if (field.title) prop.title = field.title;
  switch (field.type) {
    case 'number':
      prop.type = 'number';
      break;
    case 'date':
      prop.type = 'string';
      prop.format = 'date';
      break;
    case 'email':
      prop.type = 'string';
      prop.format = 'email';
      if (field.maxLength !== undefined) prop.maxLength = field.maxLength;
      break;
    case 'select':
      prop.type = 'string';
      prop.enum = field.options.filter((o) => o.trim() !== '');
      break;
    default:
      prop.type = 'string';
      if (field.maxLength !== undefined) prop.maxLength = field.maxLength;
      if (field.pattern) prop.pattern = field.pattern;
  }
  return prop;
}

/** The JSON Schema of the model, properties in field order. */
export function modelToSchema(model: FormModel): JsonSchema {
  const properties: Record<string, unknown> = {};
  for (const field of model.fields) properties[field.key] = fieldToProperty(field);
  for (const [key, prop] of Object.entries(model.opaque))
    if (!(key in properties)) properties[key] = prop;
  const required = model.fields.filter((f) => f.required).map((f) => f.key);
  return { ...model.extra, type: 'object', properties, required };
}
