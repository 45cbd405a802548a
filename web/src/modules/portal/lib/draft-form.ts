// Between the server's draft (API shapes: ISO dates, canonical phone) and the form state the
// desk's components edit (dates typed as dd/mm/yyyy). Saving a draft never validates: a
// citizen may stop half-way; the full checks run on submit, here and on the server.
import { formatDate, parseDisplayDate } from '../../../lib/format.ts';
import {
  type ApplicantDraft,
  canonicalPhone,
  componentFields,
  emptyApplicantDraft,
  type FormValues,
  toApiValue,
} from '../../dossiers/index.ts';
import type { Procedure } from '../../procedures/index.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** The applicant block of a draft as the form shows it. */
export function applicantDraftFrom(api: Record<string, unknown>): ApplicantDraft {
  const address = (api.address ?? {}) as { line?: unknown };
  return {
    ...emptyApplicantDraft(),
    type: api.type === 'organization' ? 'organization' : 'individual',
    fullName: str(api.fullName),
    citizenId: str(api.citizenId),
    dateOfBirth: formatDate(str(api.dateOfBirth)) || str(api.dateOfBirth),
    name: str(api.name),
    taxCode: str(api.taxCode),
    representative: str(api.representative),
    phone: str(api.phone),
    email: str(api.email),
    address: str(address.line),
  };
}

/** The applicant as saved in a draft: typed values, normalised where that is safe. */
export function applicantForSave(
  d: ApplicantDraft,
  addressUnitCode: string | null,
): Record<string, unknown> {
  const trim = (s: string) => s.normalize('NFC').trim();
  const address = {
    line: trim(d.address),
    ...(addressUnitCode ? { unitCode: addressUnitCode } : {}),
  };
  const phone = canonicalPhone(d.phone) ?? trim(d.phone);
  const email = trim(d.email) || undefined;
  if (d.type === 'organization')
    return {
      type: 'organization',
      name: trim(d.name),
      taxCode: trim(d.taxCode).replace(/\s/g, ''),
      representative: trim(d.representative),
      phone,
      email,
      address,
    };
  return {
    type: 'individual',
    fullName: trim(d.fullName),
    citizenId: trim(d.citizenId).replace(/\s/g, ''),
    dateOfBirth: parseDisplayDate(d.dateOfBirth) ?? trim(d.dateOfBirth),
    phone,
    email,
    address,
  };
}

/** A draft's form data as the inputs show it (dates as dd/mm/yyyy, numbers as text). */
export function formValuesFrom(
  procedure: Procedure,
  data: Record<string, Record<string, unknown>>,
): FormValues {
  const values: FormValues = {};
  for (const c of procedure.components) {
    const saved = data[c.key] ?? {};
    const out: Record<string, string | boolean> = {};
    for (const f of componentFields(c.formSchema)) {
      const v = saved[f.key];
      if (v === undefined || v === null) continue;
      if (f.kind === 'boolean') out[f.key] = v === true;
      else if (f.kind === 'date') out[f.key] = formatDate(str(v)) || str(v);
      else out[f.key] = str(v);
    }
    values[c.key] = out;
  }
  return values;
}

/** Form values as saved in a draft (API value types; empty inputs left out). */
export function formDataForSave(
  procedure: Procedure,
  values: FormValues,
): Record<string, Record<string, unknown>> {
  const data: Record<string, Record<string, unknown>> = {};
  for (const c of procedure.components) {
    const fields = componentFields(c.formSchema);
    if (!fields.length) continue;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const v = toApiValue(f, values[c.key]?.[f.key]);
      if (v !== undefined) out[f.key] = v;
    }
    data[c.key] = out;
  }
  return data;
}
