// Citizen ID numbers (số CCCD / số định danh cá nhân) inside dossiers, encrypted at rest
// (regulations.md §7: ID numbers are sensitive personal data, "encrypted at rest"). The
// applicant's `citizenId` and every form field the catalogue declares as a 12-digit ID
// (pattern ^\d{12}$, the catalogue's citizen-ID field) are stored as `enc:` + AES-256-GCM
// values (the citizens module's keys, CITIZEN_DATA_KEYS, rotated the same way), bound to the
// dossier's id so a value copied onto another row does not decrypt. Lookup by citizen ID
// (public tracking) uses a keyed hash column (`applicant_id_hmac`). Rows written before this
// (or by the benchmark's bulk generator) hold plain values and are read as they are.
import type { Kysely } from 'kysely';
import { type DataKeyRing, decryptField, encryptField, lookupHash } from '../citizens/index.js';

const SEALED = 'enc:';
const CITIZEN_ID_PATTERN = '^\\d{12}$';

/**
 * The keys of each open database. Other modules prove an applicant with only a database
 * handle (`dossierForApplicant(db, …)`); each app instance has its own handle and keys, so
 * the handle is what finds them. DossierService registers them when it is built.
 */
const ringsByDb = new WeakMap<object, DataKeyRing>();

export function registerPersonalIdKeys(db: Kysely<any>, ring: DataKeyRing): void {
  ringsByDb.set(db, ring);
}

export function personalIdKeys(db: Kysely<any>): DataKeyRing | undefined {
  return ringsByDb.get(db);
}

export const isSealed = (v: unknown): v is string => typeof v === 'string' && v.startsWith(SEALED);

/**
 * What a value is bound to: `dossier:<id>`, or `draft:<id>` for the portal's drafts (the
 * same fields, before submission).
 */
export type SealScope = 'dossier' | 'draft';

function seal(ring: DataKeyRing, value: string, context: string): string {
  return SEALED + encryptField(ring, value, context).cipher;
}

function open(ring: DataKeyRing | undefined, value: unknown, context: string): unknown {
  if (!isSealed(value)) return value;
  if (!ring) throw new Error('citizen data keys are not loaded for this database');
  return decryptField(ring, value.slice(SEALED.length), context);
}

type FormData = Record<string, Record<string, unknown> | undefined>;
interface IdComponent {
  key: string;
  formSchema: { properties: Record<string, object> } | null;
}

/** The `component.field` paths of the procedure's forms that hold a citizen ID. */
function idFields(components: readonly IdComponent[]): Set<string> {
  const out = new Set<string>();
  for (const c of components)
    for (const [field, def] of Object.entries(c.formSchema?.properties ?? {}))
      if ((def as { pattern?: string }).pattern === CITIZEN_ID_PATTERN)
        out.add(`${c.key}.${field}`);
  return out;
}

/** The applicant and form data as stored: ID numbers sealed, plus the lookup hash. */
export function sealPersonalIds(
  ring: DataKeyRing,
  dossierId: string,
  applicant: Record<string, unknown>,
  formData: FormData,
  components: readonly IdComponent[],
  scope: SealScope = 'dossier',
): { applicant: Record<string, unknown>; formData: FormData; idHmac: string | null } {
  const ctx = `${scope}:${dossierId}`;
  const citizenId = typeof applicant.citizenId === 'string' ? applicant.citizenId : null;
  const sealedApplicant = citizenId
    ? { ...applicant, citizenId: seal(ring, citizenId, ctx) }
    : applicant;
  const ids = idFields(components);
  const sealedForm: FormData = {};
  for (const [component, fields] of Object.entries(formData)) {
    if (!fields) continue;
    sealedForm[component] = Object.fromEntries(
      Object.entries(fields).map(([field, v]) => [
        field,
        ids.has(`${component}.${field}`) && typeof v === 'string' && v !== ''
          ? seal(ring, v, ctx)
          : v,
      ]),
    );
  }
  return {
    applicant: sealedApplicant,
    formData: sealedForm,
    idHmac: citizenId ? lookupHash(ring, citizenId) : null,
  };
}

/** The applicant and form data in clear, for those allowed to see them. */
export function openPersonalIds<A, F>(
  ring: DataKeyRing | undefined,
  dossierId: string,
  applicant: A,
  formData: F,
  scope: SealScope = 'dossier',
): { applicant: A; formData: F } {
  const ctx = `${scope}:${dossierId}`;
  const a = applicant as Record<string, unknown> | null;
  const openedApplicant =
    a && isSealed(a.citizenId) ? { ...a, citizenId: open(ring, a.citizenId, ctx) } : a;
  const f = (formData ?? {}) as FormData;
  const openedForm: FormData = {};
  for (const [component, fields] of Object.entries(f))
    openedForm[component] = fields
      ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, open(ring, v, ctx)]))
      : fields;
  return { applicant: openedApplicant as A, formData: openedForm as F };
}

/** The lookup hashes of a citizen ID under every configured key (rows may predate a rotation). */
export function citizenIdHashes(ring: DataKeyRing, citizenId: string): string[] {
  return ring.keys.map((k) => lookupHash(ring, citizenId, k));
}

/** A sealed value under the current key (decrypted and sealed again if another key sealed it). */
function reseal(ring: DataKeyRing, value: unknown, context: string): unknown {
  if (!isSealed(value)) return value;
  const keyId = value.slice(SEALED.length).split(':')[1];
  if (keyId === ring.keys[0]!.id) return value;
  return seal(ring, open(ring, value, context) as string, context);
}

/**
 * Re-seals an applicant and form data under the current key (`npm run rotate-citizen-key`);
 * `changed` says whether anything moved.
 */
export function resealPersonalIds(
  ring: DataKeyRing,
  id: string,
  applicant: Record<string, unknown> | null,
  formData: FormData,
  scope: SealScope = 'dossier',
): { applicant: Record<string, unknown> | null; formData: FormData; changed: boolean } {
  const ctx = `${scope}:${id}`;
  let changed = false;
  const move = (v: unknown) => {
    const r = reseal(ring, v, ctx);
    if (r !== v) changed = true;
    return r;
  };
  const a =
    applicant && 'citizenId' in applicant
      ? { ...applicant, citizenId: move(applicant.citizenId) }
      : applicant;
  const f: FormData = {};
  for (const [component, fields] of Object.entries(formData ?? {}))
    f[component] = fields
      ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, move(v)]))
      : fields;
  return { applicant: a, formData: f, changed };
}
