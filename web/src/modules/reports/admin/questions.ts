// The category question editor's text helpers (pure): choices are edited one per line as
// "key | name"; a line without a key gets one made from the name without diacritics.

export type QuestionDatatype =
  | 'string'
  | 'number'
  | 'datetime'
  | 'text'
  | 'singlevaluelist'
  | 'multivaluelist';

export const QUESTION_DATATYPES: readonly QuestionDatatype[] = [
  'singlevaluelist',
  'multivaluelist',
  'string',
  'text',
  'number',
  'datetime',
];

/** A question as the admin API reads and writes it. */
export interface QuestionSettings {
  code: string;
  description: string;
  datatype: QuestionDatatype;
  required: boolean;
  variable: boolean;
  datatypeDescription: string | null;
  values: { key: string; name: string }[];
}

export const isList = (d: QuestionDatatype) => d === 'singlevaluelist' || d === 'multivaluelist';

/** "Ổ gà, ổ voi" → "o_ga_o_voi": a key from a name (Vietnamese letters folded to ASCII). */
export function keyOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
}

/** The choices from the text box, blank lines ignored. */
export function parseChoices(text: string): { key: string; name: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.indexOf('|');
      if (bar < 0) return { key: keyOf(line), name: line };
      const key = line.slice(0, bar).trim();
      const name = line.slice(bar + 1).trim();
      return { key: key || keyOf(name), name };
    });
}

/** The text box for a list of choices. */
export function choicesText(values: readonly { key: string; name: string }[]): string {
  return values.map((v) => `${v.key} | ${v.name}`).join('\n');
}
