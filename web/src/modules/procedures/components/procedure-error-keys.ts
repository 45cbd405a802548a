// Maps a problem path of the API body (a zod issue path on the client, a problem+json path
// from the server) to the editor's field key, so an error lands beside the input that fixes
// it: paths deeper than an input collapse onto it, and form properties (keyed by field key
// in the body) become the field rows (keyed by position in the editor).
import type { ProcedureDraft } from './procedure-draft.ts';

const TOP = new Set([
  'code',
  'name',
  'field',
  'implementingAgency',
  'level',
  'result',
  'legalBasis',
  'onlineLevel',
  'unpaidReturn',
]);
const FEE = new Set(['name', 'amount', 'note']);
const STEP = new Set(['name', 'role', 'unitKind']);
const COMPONENT = new Set(['key', 'name', 'required']);
const ATTACHMENT = new Set(['required', 'maxFiles', 'maxSizeMb', 'accept']);
/** Keyword of a form property → the field-row input that edits it. */
const FIELD_INPUT: Record<string, string> = {
  title: 'title',
  type: 'type',
  format: 'type',
  enum: 'options',
  pattern: 'pattern',
  maxLength: 'maxLength',
  minLength: 'maxLength',
};

const isIndex = (s: string | undefined): s is string => s !== undefined && /^\d+$/.test(s);

/** The editor field key of `segments`, e.g. ['components','0','attachment','accept','1'] → 'components.0.attachment.accept'. */
export function procedureFieldKey(segments: string[], draft: ProcedureDraft): string {
  const [head, index, ...rest] = segments;
  if (head === undefined) return '';
  if (TOP.has(head)) return head;
  if (head === 'processingTime') return `processingTime.${index === 'unit' ? 'unit' : 'value'}`;
  if (!isIndex(index)) return head;
  const base = `${head}.${index}`;
  const [first, second] = rest;
  if (head === 'fees') return `${base}.${first && FEE.has(first) ? first : 'name'}`;
  if (head === 'steps') {
    if (first === 'duration') return `${base}.duration.${second === 'unit' ? 'unit' : 'value'}`;
    return `${base}.${first && STEP.has(first) ? first : 'name'}`;
  }
  if (head === 'components') {
    if (first === 'attachment')
      return `${base}.attachment.${second && ATTACHMENT.has(second) ? second : 'maxFiles'}`;
    if (first === 'formSchema') return formSchemaKey(base, rest.slice(1), draft, Number(index));
    return `${base}.${first && COMPONENT.has(first) ? first : 'name'}`;
  }
  return segments.join('.');
}

/** A path inside a component's form: a field row input when the property is a listed field. */
function formSchemaKey(
  base: string,
  inSchema: string[],
  draft: ProcedureDraft,
  component: number,
): string {
  const [where, key, keyword] = inSchema;
  const fields = draft.components[component]?.form.fields ?? [];
  const row =
    where === 'properties' && key !== undefined ? fields.findIndex((f) => f.key === key) : -1;
  if (row < 0) return `${base}.formSchema`;
  // No keyword: the property as a whole (its key, or keywords the row cannot show).
  return `${base}.fields.${row}.${(keyword && FIELD_INPUT[keyword]) || 'key'}`;
}
