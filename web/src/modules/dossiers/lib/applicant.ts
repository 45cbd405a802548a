// The applicant (người nộp hồ sơ) as typed at the desk, checked and turned into the API shape.
// Formats: style.md "Vietnamese data formats" — CCCD 12 digits, tax code 10 or 10-3 digits,
// mobile 10 digits starting 03/05/07/08/09, stored in one canonical form (0xxxxxxxxx). The rules
// themselves are shared with the server (@cqs/shared/vn), so both sides accept the same values;
// this file adds what people type at a desk (spaces, "+84 (0)").
import {
  isCitizenId,
  isTaxCode,
  canonicalPhone as sharedCanonicalPhone,
} from '@cqs/shared/vn/index';
import { parseDisplayDate } from '../../../lib/format.ts';
import type { Applicant } from '../api/dossier.types.ts';
import type { Problem } from './problem.ts';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A phone typed any usual way ("+84 912 345 678", "0912.345.678") → "0912345678", or null. */
export function canonicalPhone(text: string): string | null {
  return sharedCanonicalPhone(text.replace(/\(0\)/, ''));
}

/** The CCCD number without spaces, or null unless it is 12 digits with a real province code. */
export function canonicalCitizenId(text: string): string | null {
  const digits = text.replace(/\s/g, '');
  return isCitizenId(digits) ? digits : null;
}

/** The enterprise tax code without spaces, or null unless 10 digits (branch: 10-3). */
export function canonicalTaxCode(text: string): string | null {
  const code = text.replace(/\s/g, '');
  return isTaxCode(code) ? code : null;
}

/** The form state: every field as typed, whichever applicant type is shown. */
export interface ApplicantDraft {
  type: 'individual' | 'organization';
  fullName: string;
  citizenId: string;
  dateOfBirth: string;
  name: string;
  taxCode: string;
  representative: string;
  phone: string;
  email: string;
  address: string;
}

/** An empty draft for a person. */
export function emptyApplicantDraft(): ApplicantDraft {
  return {
    type: 'individual',
    fullName: '',
    citizenId: '',
    dateOfBirth: '',
    name: '',
    taxCode: '',
    representative: '',
    phone: '',
    email: '',
    address: '',
  };
}

const text = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * Checks the draft; `today` is 'YYYY-MM-DD' (a birth date must be before it). Errors are keyed
 * by the API path ('applicant.citizenId') so server problems land on the same fields.
 */
export function buildApplicant(
  draft: ApplicantDraft,
  today: string,
): { applicant: Applicant | null; errors: Record<string, Problem> } {
  const errors: Record<string, Problem> = {};
  // The shared fields come after the type's own ones on the page; keep that order here too.
  const phone = canonicalPhone(draft.phone);
  const email = text(draft.email);
  const address = text(draft.address);
  const common = () => {
    if (!phone) errors['applicant.phone'] = { key: 'dossiers.validation.phone' };
    if (email && !EMAIL_RE.test(email)) errors['applicant.email'] = { key: 'validation.email' };
    if (!address) errors['applicant.address'] = { key: 'dossiers.validation.address' };
  };

  if (draft.type === 'individual') {
    const fullName = text(draft.fullName);
    const citizenId = canonicalCitizenId(draft.citizenId);
    const dateOfBirth = parseDisplayDate(draft.dateOfBirth);
    if (!fullName) errors['applicant.fullName'] = { key: 'dossiers.validation.fullName' };
    if (!citizenId)
      errors['applicant.citizenId'] = {
        // 12 digits whose first three are no province (001–096) get their own explanation.
        key: /^\d{12}$/.test(draft.citizenId.replace(/\s/g, ''))
          ? 'dossiers.validation.citizenIdProvince'
          : 'dossiers.validation.citizenId',
      };
    if (!dateOfBirth) errors['applicant.dateOfBirth'] = { key: 'dossiers.validation.dateOfBirth' };
    else if (dateOfBirth >= today)
      errors['applicant.dateOfBirth'] = { key: 'dossiers.validation.dateOfBirthPast' };
    common();
    if (Object.keys(errors).length || !citizenId || !dateOfBirth || !phone)
      return { applicant: null, errors };
    return {
      applicant: {
        type: 'individual',
        fullName,
        citizenId,
        dateOfBirth,
        phone,
        ...(email ? { email } : {}),
        address: { line: address },
      },
      errors,
    };
  }

  const name = text(draft.name);
  const taxCode = canonicalTaxCode(draft.taxCode);
  const representative = text(draft.representative);
  if (!name) errors['applicant.name'] = { key: 'dossiers.validation.orgName' };
  if (!taxCode) errors['applicant.taxCode'] = { key: 'dossiers.validation.taxCode' };
  if (!representative)
    errors['applicant.representative'] = { key: 'dossiers.validation.representative' };
  common();
  if (Object.keys(errors).length || !taxCode || !phone) return { applicant: null, errors };
  return {
    applicant: {
      type: 'organization',
      name,
      taxCode,
      representative,
      phone,
      ...(email ? { email } : {}),
      address: { line: address },
    },
    errors,
  };
}

/** The applicant's display name (person or organisation). */
export function applicantName(applicant: Applicant | undefined, fallback = ''): string {
  if (!applicant) return fallback;
  return applicant.type === 'organization' ? applicant.name : applicant.fullName;
}
