// The citizen's report form: its draft, the checks made before sending (the same rules as the
// server's zod schema, with messages that say how to fix the field) and the request body.
import type { MessageKey } from '../../../i18n/vi.ts';
import type { CategoryQuestion, CreateReportInput } from '../api/report.types.ts';
import { type MapPoint, roundPoint } from './geo.ts';

/** What the citizen has typed and picked so far. */
export interface ReportDraft {
  categoryCode: string;
  description: string;
  point: MapPoint | null;
  unitCode: string;
  address: string;
  name: string;
  phone: string;
  email: string;
  anonymous: boolean;
  /** Answers to the category's extra questions (lists as arrays); reset with the category. */
  answers: Record<string, string | string[]>;
}

/** An empty draft. */
export function emptyReportDraft(): ReportDraft {
  return {
    categoryCode: '',
    description: '',
    point: null,
    unitCode: '',
    address: '',
    name: '',
    phone: '',
    email: '',
    anonymous: false,
    answers: {},
  };
}

/** Field key (the server's path below `body`) → message key. */
export type DraftErrors = Record<string, MessageKey>;

const PHONE_RE = /^0[35789]\d{8}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const DESCRIPTION_MAX = 4000;

/** A Vietnamese mobile number in its canonical 10-digit form, or null (accepts +84 and spaces). */
export function canonicalMobile(text: string): string | null {
  let digits = text.replace(/[\s.-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return PHONE_RE.test(digits) ? digits : null;
}

/** Checks the draft; the body when it is complete, otherwise the errors by field. */
export function buildReport(
  draft: ReportDraft,
  questions: readonly CategoryQuestion[] = [],
): { body: CreateReportInput; errors?: undefined } | { body?: undefined; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const attributes = buildAnswers(questions, draft.answers, errors);
  if (!draft.categoryCode) errors.categoryCode = 'reports.validation.category';
  const description = draft.description.trim();
  if (!description) errors.description = 'reports.validation.description';
  else if (description.length > DESCRIPTION_MAX)
    errors.description = 'reports.validation.descriptionLong';
  if (!draft.point && !draft.unitCode) errors['location.unitCode'] = 'reports.validation.location';
  const phone = draft.phone.trim() ? canonicalMobile(draft.phone) : undefined;
  if (phone === null) errors['contact.phone'] = 'reports.validation.phone';
  const email = draft.email.trim();
  if (email && !EMAIL_RE.test(email)) errors['contact.email'] = 'validation.email';
  if (Object.keys(errors).length) return { errors };

  const location: CreateReportInput['location'] = {};
  if (draft.point) Object.assign(location, roundPoint(draft.point));
  if (draft.unitCode) location.unitCode = draft.unitCode;
  if (draft.address.trim()) location.address = draft.address.trim();
  const contact: CreateReportInput['contact'] = {};
  if (draft.name.trim()) contact.name = draft.name.trim();
  if (phone) contact.phone = phone;
  if (email) contact.email = email;
  return {
    body: {
      categoryCode: draft.categoryCode,
      description: description.normalize('NFC'),
      location,
      contact,
      anonymous: draft.anonymous,
      ...(Object.keys(attributes).length ? { attributes } : {}),
    },
  };
}

const NUMBER_RE = /^-?\d+(\.\d+)?$/;

/**
 * The answers to send (empty ones left out) and the missing or malformed ones as errors keyed
 * like the server's (`attributes.<code>`). A `datetime-local` value gets Vietnam's offset.
 */
export function buildAnswers(
  questions: readonly CategoryQuestion[],
  answers: Record<string, string | string[]>,
  errors: DraftErrors,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const q of questions) {
    if (!q.variable) continue;
    const key = `attributes.${q.code}`;
    const raw = answers[q.code];
    if (Array.isArray(raw)) {
      if (raw.length) out[q.code] = raw;
      else if (q.required) errors[key] = 'reports.validation.answerRequired';
      continue;
    }
    const trimmed = (raw ?? '').trim();
    // Vietnamese write a decimal comma (1,5 m); the API takes a point.
    const value = q.datatype === 'number' ? trimmed.replace(',', '.') : trimmed;
    if (!value) {
      if (q.required) errors[key] = 'reports.validation.answerRequired';
      continue;
    }
    if (q.datatype === 'number' && !NUMBER_RE.test(value)) {
      errors[key] = 'reports.validation.answerNumber';
      continue;
    }
    out[q.code] =
      q.datatype === 'datetime' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
        ? `${value}:00+07:00`
        : value.normalize('NFC');
  }
  return out;
}

/** Server problem paths → the form's field keys ('location.lat' belongs to the map). */
export function reportFieldKey(segments: string[]): string {
  if (segments[0] === 'location' && (segments[1] === 'lat' || segments[1] === 'long'))
    return 'location.point';
  return segments.join('.');
}

/** The public page of a report and the follow link (with its token) to keep. */
export function reportLinks(
  origin: string,
  code: string,
  token: string,
): { page: string; follow: string } {
  const page = `${origin}/phan-anh/${encodeURIComponent(code)}`;
  return { page, follow: `${page}?token=${encodeURIComponent(token)}` };
}
