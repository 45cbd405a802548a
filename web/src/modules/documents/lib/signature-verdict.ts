// A signature's verification in plain words (kiểm tra chữ ký số): one verdict, then each check
// — integrity, certificate chain, trust, coverage, validity at signing time, revocation, and
// what was added after signing — as a line that is met (✓), not met (✗) or worth a look (!).
import type { MessageKey } from '../../../i18n/vi.ts';
import type { SignatureCheck } from '../api/document.types.ts';

/** The overall reading of one signature. */
export type SignatureVerdict = 'valid' | 'warning' | 'invalid';

/** One check in words: `ok` true (met), false (not met) or null (worth a look). */
export interface SignatureLine {
  key: MessageKey;
  params?: Record<string, string>;
  ok: boolean | null;
}

/** The server's words for a document changed after signing (platform/signatures/verify.ts). */
export const MODIFIED_AFTER_SIGNING = 'Tài liệu bị thay đổi sau khi ký';

const REVOCATION: Record<string, { key: MessageKey; ok: boolean | null }> = {
  good: { key: 'documents.sig.revocation.good', ok: true },
  revoked: { key: 'documents.sig.revocation.revoked', ok: false },
  unknown: { key: 'documents.sig.revocation.unknown', ok: null },
  not_checked: { key: 'documents.sig.revocation.notChecked', ok: null },
};

/** The verdict, its headline and every check of one signature. */
export function readSignature(s: SignatureCheck): {
  verdict: SignatureVerdict;
  headline: MessageKey;
  lines: SignatureLine[];
} {
  const modified = !!s.modifiedAfter && s.modifiedAfter.trim() === MODIFIED_AFTER_SIGNING;
  // Only signatures or their validation data were added after it (the organisation's seal over
  // the signer's signature): the signed revision is whole, which is how ND30 documents look.
  const onlySignaturesAfter = !!s.modifiedAfter && !modified;
  const lines: SignatureLine[] = [
    s.integrity === 'valid'
      ? { key: 'documents.sig.integrity.valid', ok: true }
      : { key: 'documents.sig.integrity.invalid', ok: false },
    s.chain === 'valid'
      ? { key: 'documents.sig.chain.valid', ok: true }
      : s.chain === 'incomplete'
        ? { key: 'documents.sig.chain.incomplete', ok: null }
        : { key: 'documents.sig.chain.invalid', ok: false },
    s.trusted
      ? { key: 'documents.sig.trusted.yes', ok: true }
      : { key: 'documents.sig.trusted.no', ok: null },
    s.coversWholeDocument
      ? { key: 'documents.sig.covers.yes', ok: true }
      : { key: 'documents.sig.covers.no', ok: null },
  ];
  if (s.validAtSigningTime !== undefined)
    lines.push(
      s.validAtSigningTime
        ? { key: 'documents.sig.validAt.yes', ok: true }
        : { key: 'documents.sig.validAt.no', ok: false },
    );
  if (s.revocation !== undefined)
    lines.push(
      REVOCATION[s.revocation] ?? {
        key: 'documents.sig.revocation.other',
        params: { value: s.revocation },
        ok: null,
      },
    );
  if (s.modifiedAfter)
    lines.push({
      key: 'documents.sig.modifiedAfter',
      params: { detail: s.modifiedAfter },
      ok: modified ? false : null,
    });

  const certBad =
    s.chain === 'invalid' || s.revocation === 'revoked' || s.validAtSigningTime === false;
  if (s.integrity === 'invalid')
    return { verdict: 'invalid', headline: 'documents.sig.verdict.broken', lines };
  if (modified) return { verdict: 'invalid', headline: 'documents.sig.verdict.modified', lines };
  if (certBad) return { verdict: 'invalid', headline: 'documents.sig.verdict.certBad', lines };
  if (!s.trusted || s.chain !== 'valid')
    return { verdict: 'warning', headline: 'documents.sig.verdict.untrusted', lines };
  if (!s.coversWholeDocument && !onlySignaturesAfter)
    return { verdict: 'warning', headline: 'documents.sig.verdict.partial', lines };
  return { verdict: 'valid', headline: 'documents.sig.verdict.valid', lines };
}
