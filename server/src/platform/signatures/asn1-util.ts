// Small ASN.1/DER helpers and the object identifiers the signature code needs, in one place
// so cms.ts, timestamp.ts and the verifier agree on them.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Object identifiers used by CMS, CAdES, RFC 3161 and PKCS#12. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  encryptedData: '1.2.840.113549.1.7.6',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** Node hash names by digest OID; also the sha*WithRSAEncryption / ecdsa-with-SHA* OIDs. */
const HASH_BY_OID: Record<string, string> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** The Node hash name of a digest or signature algorithm OID, or undefined if unknown. */
export function hashNameOf(oid: string): string | undefined {
  return HASH_BY_OID[oid];
}

/** An ArrayBuffer holding exactly these bytes (asn1js wants ArrayBuffers, not views). */
export function ab(u: Uint8Array): ArrayBuffer {
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
}

/** DER length octets. */
function derLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Lexicographic byte order (DER SET OF order, X.690 §11.6). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/**
 * DER SET OF: elements sorted by their encodings. Verifiers such as OpenSSL re-encode signed
 * attributes in DER before checking the signature, so an unsorted set fails there.
 */
export function derSetOf(elements: Uint8Array[]): Uint8Array {
  const sorted = [...elements].sort(compareBytes);
  const body = Buffer.concat(sorted);
  return new Uint8Array(Buffer.concat([Uint8Array.of(0x31), derLength(body.length), body]));
}

/** Parses DER (tolerating trailing bytes, e.g. the zero padding of a PDF /Contents). */
export function parseDer(bytes: Uint8Array, what: string): asn1js.AsnType {
  const r = asn1js.fromBER(ab(bytes));
  if (r.offset === -1) throw new Error(`${what}: ${r.result.error}`);
  return r.result;
}

/** Length of the first TLV of `bytes` (to cut a DER blob out of zero padding). */
export function firstTlvLength(bytes: Uint8Array): number {
  const r = asn1js.fromBER(ab(bytes));
  if (r.offset === -1) return -1;
  return r.offset;
}

/** The DER of a pkijs object or asn1js value. */
export function toDer(o: { toSchema(): asn1js.AsnType } | asn1js.AsnType): Uint8Array {
  const schema = 'toBER' in o ? o : o.toSchema();
  return new Uint8Array(schema.toBER(false));
}

/** A pkijs Certificate from DER. */
export function pkijsCert(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(ab(der));
}

/** PEM blocks of a given label in a text (a bundle may hold several). */
export function pemBlocks(pem: string, label = 'CERTIFICATE'): Uint8Array[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...pem.matchAll(re)].map((m) => new Uint8Array(Buffer.from(m[1] ?? '', 'base64')));
}

/** PEM text of DER bytes. */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}
