// "Provide information once" (cung cấp thông tin một lần; Long Xuyên's target: 40 % of a
// citizen's data filled in automatically). The server offers values from the citizen's
// profile — only with their consent to `profile_prefill` — and from their own earlier
// submission of the same procedure (the data store), remembers what it offered, and at
// submission counts the fields whose submitted value is still exactly what it offered.
// Counting on the server, against its own offer, means the figure cannot be inflated by a
// client and does not count a value the citizen had to correct.

/** What the profile can give (the citizens module's decrypted profile). */
export interface PrefillProfile {
  fullName: string | null;
  citizenId: string | null;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  address: { line: string; unitCode?: string | null } | null;
}

/** A component's form, as far as prefilling needs it. */
export interface PrefillComponent {
  key: string;
  formSchema: { properties: Record<string, { type: string; format?: string }> } | null;
}

/** Offered values by path: `applicant.<field>`, `applicant.address.line`, `formData.<component>.<field>`. */
export type PrefillOffer = Record<string, string | number | boolean>;

/** The applicant fields counted (the individual applicant block of a dossier). */
export const APPLICANT_PATHS = [
  'applicant.fullName',
  'applicant.citizenId',
  'applicant.dateOfBirth',
  'applicant.phone',
  'applicant.email',
  'applicant.address.line',
] as const;

/**
 * Form field keys that mean the person filing (người yêu cầu) in the catalogue's forms,
 * mapped to the profile. Keys follow the demo catalogue's naming (`nguoiYeuCau…`).
 */
const PROFILE_FORM_KEYS: Record<string, keyof Omit<PrefillProfile, 'address'> | 'address'> = {
  nguoiYeuCauHoTen: 'fullName',
  nguoiYeuCauCccd: 'citizenId',
  nguoiYeuCauNgaySinh: 'dateOfBirth',
  nguoiYeuCauDienThoai: 'phone',
  nguoiYeuCauEmail: 'email',
  nguoiYeuCauNoiCuTru: 'address',
};

function profileValue(p: PrefillProfile, key: keyof PrefillProfile): string | null {
  if (key === 'address') return p.address?.line?.trim() || null;
  const v = p[key];
  return typeof v === 'string' && v.trim() ? v : null;
}

/**
 * The values to offer. `profile` is null without the citizen's consent; `earlier` is the
 * form data of their latest submission of the same procedure, if any.
 */
export function offerPrefill(
  profile: PrefillProfile | null,
  components: PrefillComponent[],
  earlier: Record<string, Record<string, unknown>> | null,
): PrefillOffer {
  const offer: PrefillOffer = {};
  if (profile) {
    for (const path of APPLICANT_PATHS) {
      const key = (
        path === 'applicant.address.line' ? 'address' : path.slice(10)
      ) as keyof PrefillProfile;
      const v = profileValue(profile, key);
      if (v) offer[path] = v;
    }
  }
  for (const c of components) {
    const props = c.formSchema?.properties ?? {};
    for (const [field, def] of Object.entries(props)) {
      const path = `formData.${c.key}.${field}`;
      const profileKey = PROFILE_FORM_KEYS[field];
      const fromProfile = profile && profileKey ? profileValue(profile, profileKey) : null;
      if (fromProfile) {
        offer[path] = fromProfile;
        continue;
      }
      const before = earlier?.[c.key]?.[field];
      if (
        (typeof before === 'string' && before.trim()) ||
        (typeof before === 'number' && def.type !== 'string') ||
        typeof before === 'boolean'
      ) {
        offer[path] = before as string | number | boolean;
      }
    }
  }
  return offer;
}

/** The draft's starting applicant and form data built from an offer. */
export function applyOffer(offer: PrefillOffer): {
  applicant: Record<string, unknown>;
  formData: Record<string, Record<string, unknown>>;
} {
  const applicant: Record<string, unknown> = { type: 'individual' };
  const formData: Record<string, Record<string, unknown>> = {};
  for (const [path, value] of Object.entries(offer)) {
    const parts = path.split('.');
    if (parts[0] === 'applicant') {
      if (parts[1] === 'address') applicant.address = { line: value };
      else applicant[parts[1]!] = value;
    } else if (parts[0] === 'formData' && parts.length === 3) {
      const comp = formData[parts[1]!] ?? {};
      comp[parts[2]!] = value;
      formData[parts[1]!] = comp;
    }
  }
  return { applicant, formData };
}

function valueAt(
  path: string,
  applicant: Record<string, unknown>,
  formData: Record<string, Record<string, unknown> | undefined>,
): unknown {
  const parts = path.split('.');
  if (parts[0] === 'applicant') {
    if (parts[1] === 'address') return (applicant.address as { line?: unknown } | undefined)?.line;
    return applicant[parts[1]!];
  }
  return formData[parts[1]!]?.[parts[2]!];
}

/**
 * How many of the submission's fields were filled in automatically, out of how many: every
 * applicant field and every form field of the procedure count in the total; a field counts
 * as prefilled when its submitted value equals what was offered.
 */
export function countPrefilled<O>(
  offer: Record<string, O>,
  components: PrefillComponent[],
  applicant: Record<string, unknown>,
  formData: Record<string, Record<string, unknown> | undefined>,
  /** Whether a submitted value is what was offered (the server keeps the offer hashed). */
  matches: (offered: O, submitted: unknown) => boolean = (o, v) => o === v,
): { prefilled: number; total: number } {
  let total = APPLICANT_PATHS.length;
  for (const c of components) total += Object.keys(c.formSchema?.properties ?? {}).length;
  let prefilled = 0;
  for (const [path, offered] of Object.entries(offer)) {
    const submitted = valueAt(path, applicant, formData);
    if (submitted !== undefined && submitted !== '' && matches(offered, submitted)) prefilled++;
  }
  return { prefilled, total };
}
