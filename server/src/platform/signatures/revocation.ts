// Revocation status of a signer certificate: OCSP first (fresh, small), then the CRL, each
// from the URLs the certificate itself lists and with a short timeout. A verifier must never
// fail because a CA server is down, so every network or parse problem ends as 'unknown'.
import './reflect-polyfill.js';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ab, pkijsCert } from './asn1-util.js';

/** What the CA says about a certificate. */
export type RevocationStatus = 'good' | 'revoked' | 'unknown';

/** Options of checkRevocation. */
export interface RevocationOptions {
  /** Per request; default 5 s. */
  timeoutMs?: number;
}

async function fetchBytes(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Uint8Array | undefined> {
  if (!/^https?:\/\//i.test(url)) return undefined; // ldap:// and friends: not supported
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return undefined;
    return new Uint8Array(await res.arrayBuffer());
  } catch {
    return undefined;
  }
}

/** OCSP responder URLs from the Authority Information Access extension. */
export function ocspUrls(cert: Uint8Array): string[] {
  const ext = new x509.X509Certificate(ab(cert)).getExtension(x509.AuthorityInfoAccessExtension);
  return (ext?.ocsp ?? []).filter((g) => g.type === 'url').map((g) => g.value);
}

/** CRL URLs from the CRL Distribution Points extension. */
export function crlUrls(cert: Uint8Array): string[] {
  const ext = new x509.X509Certificate(ab(cert)).getExtension(x509.CRLDistributionPointsExtension);
  const urls: string[] = [];
  for (const dp of ext?.distributionPoints ?? []) {
    for (const n of dp.distributionPoint?.fullName ?? []) {
      if (n.uniformResourceIdentifier) urls.push(n.uniformResourceIdentifier);
    }
  }
  return urls;
}

async function viaOcsp(
  cert: Uint8Array,
  issuer: Uint8Array,
  url: string,
  timeoutMs: number,
): Promise<RevocationStatus> {
  try {
    const c = pkijsCert(cert);
    const i = pkijsCert(issuer);
    const req = new pkijs.OCSPRequest();
    await req.createForCertificate(c, { hashAlgorithm: 'SHA-1', issuerCertificate: i });
    const body = await fetchBytes(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/ocsp-request' },
        body: new Uint8Array(req.toSchema(true).toBER(false)),
      },
      timeoutMs,
    );
    if (!body) return 'unknown';
    const resp = pkijs.OCSPResponse.fromBER(ab(body));
    if (resp.responseStatus.valueBlock.valueDec !== 0 || !resp.responseBytes) return 'unknown';
    const basic = new pkijs.BasicOCSPResponse({
      schema: asn1js.fromBER(resp.responseBytes.response.valueBlock.valueHexView).result,
    });
    // The response must be signed by the issuer or a responder it delegated to.
    if (!(await basic.verify({ trustedCerts: [i] }))) return 'unknown';
    const st = await basic.getCertificateStatus(c, i);
    if (!st.isForCertificate) return 'unknown';
    return st.status === 0 ? 'good' : st.status === 1 ? 'revoked' : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function viaCrl(
  cert: Uint8Array,
  issuer: Uint8Array,
  url: string,
  timeoutMs: number,
): Promise<RevocationStatus> {
  try {
    const body = await fetchBytes(url, { method: 'GET' }, timeoutMs);
    if (!body) return 'unknown';
    // A CRL may be served as DER or PEM.
    const text = new TextDecoder('latin1').decode(body.subarray(0, 32));
    const crl = new x509.X509Crl(
      text.includes('-----BEGIN') ? new TextDecoder().decode(body) : ab(body),
    );
    const issuerCert = new x509.X509Certificate(ab(issuer));
    if (!(await crl.verify({ publicKey: issuerCert.publicKey }))) return 'unknown';
    return crl.findRevoked(new x509.X509Certificate(ab(cert))) ? 'revoked' : 'good';
  } catch {
    return 'unknown';
  }
}

/** Asks the certificate's OCSP responder, then its CRL; 'unknown' if neither answers. */
export async function checkRevocation(
  cert: Uint8Array,
  issuer: Uint8Array | undefined,
  opts: RevocationOptions = {},
): Promise<RevocationStatus> {
  if (!issuer) return 'unknown'; // both OCSP requests and CRL checks need the issuer's key
  const timeoutMs = opts.timeoutMs ?? 5000;
  let ocsp: string[] = [];
  let crls: string[] = [];
  try {
    ocsp = ocspUrls(cert);
    crls = crlUrls(cert);
  } catch {
    return 'unknown';
  }
  for (const url of ocsp) {
    const s = await viaOcsp(cert, issuer, url, timeoutMs);
    if (s !== 'unknown') return s;
  }
  for (const url of crls) {
    const s = await viaCrl(cert, issuer, url, timeoutMs);
    if (s !== 'unknown') return s;
  }
  return 'unknown';
}
