// What happened to a document after a signature: each later incremental update is compared
// object by object with the revision before it. Adding a signature (a new signature field and
// widget, the page's /Annots and the form's /Fields growing, /SigFlags, the DSS of PAdES LTV)
// is what a second signer legitimately does; anything else — a page's content, an existing
// object rewritten, a non-signature annotation — is a change to what the first signer signed.
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import { compareBytes } from './asn1-util.js';
import { objectBytes } from './incremental.js';
import { loadLenient, onlyWhitespace, revisionEnds } from './pdf-scan.js';
import { xrefRedirects } from './xref-check.js';

/** The kind of changes made after a given offset. */
export type ChangesAfter = 'none' | 'signatures' | 'signature_support' | 'annotations' | 'modified';

/**
 * A stamp or free-text annotation: how an issuing office writes the number and date onto an
 * electronic document its signer has already signed (ND30 Điều 16). It adds to the page
 * without touching the signed content; verifiers list it as an annotation added afterwards
 * (ISO 32000 §12.8.2.2: annotations are allowed changes unless DocMDP forbids them).
 */
function isStampAnnotation(doc: PDFDocument, o: PDFObject | undefined): boolean {
  const d = doc.context.lookup(o);
  if (!(d instanceof PDFDict)) return false;
  const sub = d.lookup(name('Subtype'));
  return sub === name('Stamp') || sub === name('FreeText');
}

/** Whether an update added stamp annotations (set while its changes are judged). */
interface Seen {
  stamps: boolean;
}

const name = (s: string) => PDFName.of(s);
const CATALOG_KEYS = new Set(['AcroForm', 'DSS', 'Perms', 'Extensions']);
const ACROFORM_KEYS = new Set(['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances']);
const PAGE_KEYS = new Set(['Annots']);
// A signer filling a pre-existing empty signature field sets its value and appearance.
const SIG_FIELD_KEYS = new Set(['V', 'AP', 'AS', 'F', 'Lock', 'SV', 'MK']);

/** A signature field or its widget: /FT /Sig on itself or on its parent. */
function isSignatureField(doc: PDFDocument, o: PDFObject | undefined, depth = 0): boolean {
  const d = doc.context.lookup(o);
  if (!(d instanceof PDFDict) || depth > 8) return false;
  if (d.lookup(name('FT')) === name('Sig')) return true;
  return isSignatureField(doc, d.get(name('Parent')), depth + 1);
}

const sameBytes = (a: PDFObject | undefined, b: PDFObject | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && compareBytes(objectBytes(a), objectBytes(b)) === 0);

/** Keys whose values differ between two dictionaries. */
function changedKeys(a: PDFDict, b: PDFDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.decodeText()));
  return [...keys].filter((k) => !sameBytes(a.get(name(k)), b.get(name(k))));
}

/** An array that only grew by signature fields (old entries kept in place). */
function grewBySignatures(
  doc: PDFDocument,
  before: PDFObject | undefined,
  after: PDFObject | undefined,
  seen?: Seen,
): boolean {
  const a = before === undefined ? undefined : doc.context.lookup(before);
  const b = doc.context.lookup(after);
  if (!(b instanceof PDFArray)) return false;
  const old = a instanceof PDFArray ? a.asArray() : [];
  const now = b.asArray();
  if (now.length < old.length) return false;
  for (let i = 0; i < old.length; i++) if (!sameBytes(old[i], now[i])) return false;
  return now.slice(old.length).every((o) => {
    if (isSignatureField(doc, o)) return true;
    // Stamps count only on a page's /Annots (seen given), never as form fields.
    if (seen && isStampAnnotation(doc, o)) {
      seen.stamps = true;
      return true;
    }
    return false;
  });
}

/** Whether the change of object `ref` from `before` to `after` is part of adding a signature. */
function allowedChange(
  prev: PDFDocument,
  next: PDFDocument,
  ref: PDFRef,
  before: PDFObject,
  after: PDFObject,
  arrayRoles: Map<PDFRef, 'Annots' | 'Fields'>,
  seen: Seen,
): boolean {
  if (before instanceof PDFStream || after instanceof PDFStream) return false;
  if (before instanceof PDFArray && after instanceof PDFArray) {
    const role = arrayRoles.get(ref);
    return (
      role !== undefined &&
      grewBySignatures(next, before, after, role === 'Annots' ? seen : undefined)
    );
  }
  if (!(before instanceof PDFDict) || !(after instanceof PDFDict)) return false;
  const changed = changedKeys(before, after);
  const rootRef = next.context.trailerInfo.Root;
  const infoRef = next.context.trailerInfo.Info;
  if (ref === infoRef) return true; // document metadata (ModDate…), not content
  if (ref === rootRef) return changed.every((k) => CATALOG_KEYS.has(k));
  if (ref === next.catalog.get(name('AcroForm'))) {
    return changed.every(
      (k) =>
        ACROFORM_KEYS.has(k) &&
        (k !== 'Fields' || grewBySignatures(next, before.get(name(k)), after.get(name(k)))),
    );
  }
  if (after.lookup(name('Type')) === name('Page')) {
    return changed.every(
      (k) =>
        PAGE_KEYS.has(k) && grewBySignatures(next, before.get(name(k)), after.get(name(k)), seen),
    );
  }
  if (isSignatureField(prev, ref) && !before.has(name('V')))
    return changed.every((k) => SIG_FIELD_KEYS.has(k));
  return false;
}

/** Indirect /Annots and /Fields arrays of a document, which a new signature may extend. */
function arrayRolesOf(doc: PDFDocument): Map<PDFRef, 'Annots' | 'Fields'> {
  const roles = new Map<PDFRef, 'Annots' | 'Fields'>();
  for (const page of doc.getPages()) {
    const a = page.node.get(name('Annots'));
    if (a instanceof PDFRef) roles.set(a, 'Annots');
  }
  const acro = doc.catalog.lookup(name('AcroForm'));
  const f = acro instanceof PDFDict ? acro.get(name('Fields')) : undefined;
  if (f instanceof PDFRef) roles.set(f, 'Fields');
  return roles;
}

/** Classifies one incremental update: does it only add signature material? */
function onlySignatureMaterial(prev: PDFDocument, next: PDFDocument, seen: Seen): boolean {
  const old = new Map(prev.context.enumerateIndirectObjects());
  const roles = arrayRolesOf(next);
  for (const [ref, obj] of next.context.enumerateIndirectObjects()) {
    const before = old.get(ref);
    if (before === undefined || sameBytes(before, obj)) continue; // new objects are judged by who refers to them
    if (!allowedChange(prev, next, ref, before, obj, roles, seen)) return false;
  }
  return true;
}

/**
 * What was appended after offset `from` (the end of a signature's byte range): nothing, only
 * further signatures, only signature support data (an empty field, DSS), or real changes.
 */
export async function changesAfter(
  pdf: Uint8Array,
  from: number,
  laterSignatureEnds: number[],
): Promise<ChangesAfter> {
  if (onlyWhitespace(pdf, from, pdf.length)) return 'none';
  const ends = revisionEnds(pdf).filter((e) => e > from && !onlyWhitespace(pdf, from, e));
  const last = ends[ends.length - 1];
  if (last === undefined || !onlyWhitespace(pdf, last, pdf.length)) ends.push(pdf.length); // bytes after the last %%EOF
  const docs = new Map<number, Promise<PDFDocument>>();
  const load = (end: number) => {
    let p = docs.get(end);
    if (!p) {
      p = loadLenient(pdf.subarray(0, end));
      docs.set(end, p);
    }
    return p;
  };
  let prevEnd = from;
  const seen: Seen = { stamps: false };
  for (const end of ends) {
    // An update that only re-points objects through its xref changes nothing pdf-lib sees.
    if (xrefRedirects(pdf, prevEnd, end)) return 'modified';
    try {
      if (!onlySignatureMaterial(await load(prevEnd), await load(end), seen)) return 'modified';
    } catch {
      return 'modified'; // an update that cannot even be parsed is not a clean signature
    }
    prevEnd = end;
  }
  if (seen.stamps) return 'annotations';
  return laterSignatureEnds.some((e) => e > from) ? 'signatures' : 'signature_support';
}
