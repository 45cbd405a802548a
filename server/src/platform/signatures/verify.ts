// Verifying every signature of any PDF: the digest of its byte range against the CMS, the
// signer's certificate path to the caller's trust anchors, validity at signing time,
// optionally revocation, and what was appended after it. Each signature gets a report; only
// a file that is not a PDF at all raises (a SignatureError), never a crash.
import { createHash } from 'node:crypto';
import './reflect-polyfill.js';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ab, compareBytes, hashNameOf, OID, pemBlocks } from './asn1-util.js';
import { buildChain, validAt } from './chain.js';
import {
  attributeValue,
  checkSigner,
  encapsulatedContent,
  parseCms,
  type SignerCheck,
} from './cms-verify.js';
import { SignatureError } from './errors.js';
import { coveredBytes } from './pades.js';
import { type FoundSignature, findSignatures, loadLenient, onlyWhitespace } from './pdf-scan.js';
import { changesAfter } from './revisions.js';
import { checkRevocation, type RevocationStatus } from './revocation.js';
import { verifyTimestampToken } from './timestamp.js';

/** Options of verifyPdfSignatures. */
export interface VerifyOptions {
  /** Trusted root (or intermediate) certificates, PEM; a bundle may hold several. */
  trustAnchors: string[];
  /** "Now" for reports; default the current time. */
  now?: Date;
  /** Ask OCSP/CRL servers (short timeouts; failures give 'unknown'). Default false. */
  checkRevocation?: boolean;
  revocationTimeoutMs?: number;
}

/** The certificate facts a user is shown. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
}

/** The RFC 3161 time-stamp on a signature (PAdES B-T). */
export interface TimestampReport {
  time: string;
  tsa: string;
  integrity: 'valid' | 'invalid';
  /** The token time-stamps this signature's value. */
  coversSignature: boolean;
  trusted: boolean;
}

/** The verdict on one signature. */
export interface SignatureReport {
  field: string;
  /** Common name of the signer's certificate ('' if it is missing). */
  signer: string;
  signerCertificate: CertificateSummary | null;
  /** ISO 8601 in Vietnam time; from the time-stamp when there is a valid one, else /M. */
  signedAt: string | null;
  signedAtSource: 'timestamp' | 'pdf' | 'none';
  integrity: 'valid' | 'invalid';
  /** Why integrity is invalid (Vietnamese). */
  problem?: string;
  chain: 'valid' | 'incomplete' | 'invalid';
  trusted: boolean;
  validAtSigningTime: boolean;
  revocation: RevocationStatus | 'not_checked';
  coversWholeDocument: boolean;
  modifiedAfter: string | null;
  timestamp?: TimestampReport;
  subFilter: string;
  reason?: string;
  location?: string;
  byteRange: number[];
}

/** Messages for modifiedAfter. */
export const MODIFIED_AFTER = {
  signatures: 'Có thêm chữ ký số khác sau chữ ký này',
  signature_support: 'Có bổ sung trường chữ ký hoặc dữ liệu kiểm tra chữ ký sau chữ ký này',
  // Annotations do not change the signed bytes, but they are drawn over the page: say so, so a
  // reader compares with the signed revision when it matters (a stamp could cover text).
  annotations:
    'Sau chữ ký này có thêm chú thích hiển thị trên trang (như số, ngày văn bản do văn thư ghi) và chữ ký số khác; phần đã ký không bị sửa',
  modified: 'Tài liệu bị thay đổi sau khi ký',
} as const;

/** ISO 8601 in Vietnam time (+07:00), as ND 30 asks signing times to be shown. */
export function isoVietnam(d: Date): string {
  const local = new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+07:00`;
}

function summary(der: Uint8Array): { cn: string; summary: CertificateSummary } {
  const c = new x509.X509Certificate(ab(der));
  return {
    cn: c.subjectName.getField('CN')[0] ?? '',
    summary: {
      subject: c.subject,
      issuer: c.issuer,
      serialNumber: c.serialNumber,
      notBefore: c.notBefore.toISOString(),
      notAfter: c.notAfter.toISOString(),
    },
  };
}

/** A ByteRange that is well-formed and leaves out exactly the /Contents hex string. */
function byteRangeProblem(pdf: Uint8Array, br: number[]): string | undefined {
  const [a, b, c, d] = br;
  if (br.length !== 4 || [a, b, c, d].some((n) => n === undefined || !Number.isInteger(n) || n < 0))
    return 'ByteRange không hợp lệ';
  if (a !== 0 || (b as number) >= (c as number) || (c as number) + (d as number) > pdf.length)
    return 'ByteRange không hợp lệ';
  if (pdf[b as number] !== 0x3c || pdf[(c as number) - 1] !== 0x3e)
    return 'ByteRange không bao đúng phần /Contents';
  return undefined;
}

/** Checks the CMS of one signature over its covered bytes (handles the three SubFilters). */
function checkIntegrity(
  sig: FoundSignature,
  parts: Uint8Array[],
): { check: SignerCheck; cms?: ReturnType<typeof parseCms> } {
  let cms: ReturnType<typeof parseCms>;
  try {
    cms = parseCms(sig.contents);
  } catch {
    return { check: { valid: false, problem: 'dữ liệu chữ ký (CMS) không đọc được' } };
  }
  const eContent = encapsulatedContent(cms.signedData);
  if (eContent && cms.signedData.encapContentInfo.eContentType === OID.tstInfo) {
    // Document time-stamp (ETSI.RFC3161): the token's imprint is the hash of the byte range.
    const check = checkSigner(cms, [eContent]);
    const tst = new pkijs.TSTInfo({ schema: asn1js.fromBER(eContent).result });
    const hashed = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
    const h = createHash(hashNameOf(tst.messageImprint.hashAlgorithm.algorithmId) ?? 'sha256');
    for (const p of parts) h.update(p);
    if (check.valid && compareBytes(hashed, new Uint8Array(h.digest())) !== 0) {
      return {
        check: {
          ...check,
          valid: false,
          problem: 'giá trị băm không khớp: nội dung đã bị thay đổi',
        },
        cms,
      };
    }
    return { check, cms };
  }
  if (eContent) {
    // adbe.pkcs7.sha1: the signed content is the SHA-1 of the byte range.
    const sha1 = new Uint8Array(createHash('sha1').update(Buffer.concat(parts)).digest());
    if (compareBytes(sha1, eContent) !== 0) {
      return {
        check: { valid: false, problem: 'giá trị băm không khớp: nội dung đã bị thay đổi' },
        cms,
      };
    }
    return { check: checkSigner(cms, [eContent]), cms };
  }
  return { check: checkSigner(cms, parts), cms };
}

/** The report on one signature (`end`: where its ByteRange ends; `ends`: all signatures'). */
async function verifyOne(
  pdf: Uint8Array,
  sig: FoundSignature,
  end: number,
  ends: number[],
  anchors: Uint8Array[],
  opts: VerifyOptions,
): Promise<SignatureReport> {
  const brProblem = byteRangeProblem(pdf, sig.byteRange);
  const parts = brProblem ? [] : [coveredBytes(pdf, sig.byteRange)];
  const { check, cms } = brProblem
    ? { check: { valid: false, problem: brProblem } as SignerCheck, cms: undefined }
    : checkIntegrity(sig, parts);

  const certs = cms?.certificates ?? [];
  const signerDer = check.signerCertificate;
  const who = signerDer ? summary(signerDer) : undefined;

  // Time-stamp (B-T): over the signature value, from the unsigned attributes.
  let timestamp: TimestampReport | undefined;
  let tsTime: Date | undefined;
  const token = attributeValue(cms?.signerInfo.unsignedAttrs, OID.timeStampToken);
  if (cms && token) {
    try {
      const sigValue = new Uint8Array(cms.signerInfo.signature.valueBlock.valueHexView);
      const t = verifyTimestampToken(new Uint8Array(token.toBER(false)), sigValue);
      const tsaChain = t.tsaCertificate
        ? buildChain(t.tsaCertificate, t.certificates, anchors)
        : undefined;
      timestamp = {
        time: isoVietnam(t.time),
        tsa: t.tsaCertificate ? summary(t.tsaCertificate).cn : '',
        integrity: t.integrity ? 'valid' : 'invalid',
        coversSignature: t.imprintMatches,
        // RFC 3161 §2.3: only a certificate with the timeStamping EKU may issue time-stamps.
        trusted:
          tsaChain?.trusted === true &&
          tsaChain.status === 'valid' &&
          (tsaChain.path[0]?.keyUsage ?? []).includes('1.3.6.1.5.5.7.3.8'),
      };
      if (t.integrity && t.imprintMatches) tsTime = t.time;
    } catch {
      timestamp = {
        time: '',
        tsa: '',
        integrity: 'invalid',
        coversSignature: false,
        trusted: false,
      };
    }
  }
  const signingTime = tsTime ?? sig.signingTime;

  const chain = signerDer ? buildChain(signerDer, certs, anchors) : undefined;
  const when = signingTime ?? opts.now ?? new Date();
  let revocation: SignatureReport['revocation'] = 'not_checked';
  if (opts.checkRevocation && signerDer) {
    const issuer = chain?.path[1]?.raw;
    revocation = await checkRevocation(signerDer, issuer ? new Uint8Array(issuer) : undefined, {
      timeoutMs: opts.revocationTimeoutMs,
    });
  }

  const covers = !brProblem && onlyWhitespace(pdf, end, pdf.length);
  let modifiedAfter: string | null = null;
  if (!covers) {
    const kind = brProblem
      ? 'modified'
      : await changesAfter(
          pdf,
          end,
          ends.filter((e) => e > end),
        );
    modifiedAfter = kind === 'none' ? null : MODIFIED_AFTER[kind];
  }

  return {
    field: sig.field,
    signer: who?.cn ?? '',
    signerCertificate: who?.summary ?? null,
    signedAt: signingTime ? isoVietnam(signingTime) : null,
    signedAtSource: tsTime ? 'timestamp' : sig.signingTime ? 'pdf' : 'none',
    integrity: check.valid ? 'valid' : 'invalid',
    ...(check.problem ? { problem: check.problem } : {}),
    chain: chain?.status ?? 'incomplete',
    trusted: chain?.status === 'valid' && chain.trusted,
    validAtSigningTime: chain ? validAt(chain.path, when) : false,
    revocation,
    coversWholeDocument: covers,
    modifiedAfter,
    ...(timestamp ? { timestamp } : {}),
    subFilter: sig.subFilter,
    ...(sig.reason ? { reason: sig.reason } : {}),
    ...(sig.location ? { location: sig.location } : {}),
    byteRange: sig.byteRange,
  };
}

/** A report for a signature whose checking failed unexpectedly: invalid, with the reason. */
function failedReport(sig: FoundSignature, pdf: Uint8Array, e: unknown): SignatureReport {
  const end = (sig.byteRange[2] ?? 0) + (sig.byteRange[3] ?? 0);
  return {
    field: sig.field,
    signer: '',
    signerCertificate: null,
    signedAt: sig.signingTime ? isoVietnam(sig.signingTime) : null,
    signedAtSource: sig.signingTime ? 'pdf' : 'none',
    integrity: 'invalid',
    problem: `không kiểm tra được chữ ký (${e instanceof Error ? e.message : String(e)})`,
    chain: 'incomplete',
    trusted: false,
    validAtSigningTime: false,
    revocation: 'not_checked',
    coversWholeDocument: onlyWhitespace(pdf, Math.min(end, pdf.length), pdf.length),
    modifiedAfter: null,
    subFilter: sig.subFilter,
    byteRange: sig.byteRange,
  };
}

/** Verifies every signature of `pdf`; throws SignatureError only if it is not a readable PDF. */
export async function verifyPdfSignatures(
  pdf: Uint8Array,
  opts: VerifyOptions,
): Promise<SignatureReport[]> {
  const doc = await loadLenient(pdf);
  const anchors = opts.trustAnchors.flatMap((p) => pemBlocks(p));
  let signatures: FoundSignature[];
  try {
    signatures = findSignatures(doc, pdf);
  } catch (e) {
    // pdf-lib accepts almost anything; a file without a usable catalog fails here.
    throw new SignatureError('pdf_malformed', 'Tệp PDF không hợp lệ hoặc bị hỏng.', { cause: e });
  }
  const ends = signatures.map((s) => (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0));
  const reports: SignatureReport[] = [];
  for (const [i, sig] of signatures.entries()) {
    try {
      reports.push(await verifyOne(pdf, sig, ends[i] ?? 0, ends, anchors, opts));
    } catch (e) {
      // One odd signature must not hide the verdict on the others.
      reports.push(failedReport(sig, pdf, e));
    }
  }
  return reports;
}
