// A demo certification authority, so a demo install (and the tests) can sign documents
// without a licensed CA: it is generated at first start and stored by the caller (as
// PKCS#12 with a password), so no private key is ever committed. Its names say loudly that
// it has no legal value. RSA 2048 / SHA-256: what pdfsig (NSS), OpenSSL and Acrobat all
// verify without surprises.
import { KeyObject, randomBytes, webcrypto } from 'node:crypto';
import './reflect-polyfill.js';
import * as x509 from '@peculiar/x509';
import { ab, toPem } from './asn1-util.js';
import { SignatureError } from './errors.js';
import { loadPkcs12, makePkcs12 } from './pkcs12.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

/** Default names of the demo root: Vietnamese and unaccented, both unmistakably "demo". */
export const DEMO_CA_NAME = {
  commonName: 'Chinh quyen so DEMO CA',
  organization: 'CA THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ',
};

/** A CA able to issue certificates: its certificate and private key. */
export interface CertificateAuthority {
  certificate: Uint8Array;
  certificatePem: string;
  privateKey: CryptoKey;
}

/** A CA as created: also its PKCS#12 (to store) and that file's password. */
export interface CreatedCa extends CertificateAuthority {
  p12: Uint8Array;
  password: string;
}

/** A random password for a generated PKCS#12 (144 bits, URL-safe). */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** A positive 128-bit serial number in hex (RFC 5280 §4.1.2.2: unique, at most 20 octets). */
function serial(): string {
  const b = randomBytes(16);
  b[0] = ((b[0] ?? 0) & 0x7f) | 0x10;
  return b.toString('hex');
}

const dayMs = 86_400_000;

/** Creates a self-signed demo root CA. */
export async function createDemoCa(
  opts: { commonName?: string; organization?: string; validYears?: number; now?: Date } = {},
): Promise<CreatedCa> {
  const now = opts.now ?? new Date();
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: [
      { CN: [opts.commonName ?? DEMO_CA_NAME.commonName] },
      { O: [opts.organization ?? DEMO_CA_NAME.organization] },
      { C: ['VN'] },
    ],
    notBefore: new Date(now.getTime() - dayMs), // tolerate clock skew of verifiers
    notAfter: new Date(now.getTime() + (opts.validYears ?? 10) * 365 * dayMs),
    signingAlgorithm: RSA,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const der = new Uint8Array(cert.rawData);
  const password = randomPassword();
  const p12 = makePkcs12(KeyObject.from(keys.privateKey), [der], password, {
    friendlyName: 'Demo CA',
  });
  return {
    certificate: der,
    certificatePem: toPem(der),
    privateKey: keys.privateKey,
    p12,
    password,
  };
}

/** Reloads a CA stored as PKCS#12 (e.g. by a demo install at its first start). */
export async function loadCa(p12: Uint8Array, password: string): Promise<CertificateAuthority> {
  const { key, chain } = await loadPkcs12(p12, password);
  const certificate = chain[0];
  if (!certificate) throw new SignatureError('pkcs12_invalid', 'Tệp CA không có chứng thư số.');
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    key.export({ type: 'pkcs8', format: 'der' }),
    RSA,
    false,
    ['sign'],
  );
  return { certificate, certificatePem: toPem(certificate), privateKey };
}

/** What a certificate is for: a person's signature, an organisation's seal, or a TSA. */
export type CertificateProfile = 'person' | 'organization' | 'tsa';

/** Subject and options of an issued certificate. */
export interface IssueOptions {
  profile: CertificateProfile;
  commonName: string;
  /** Title of a person ("Chủ tịch"), X.520 title attribute. */
  title?: string;
  organization?: string;
  locality?: string;
  validDays?: number;
  now?: Date;
  /** CRL distribution point URL written into the certificate. */
  crlUrl?: string;
  /** OCSP responder URL written into the AIA extension. */
  ocspUrl?: string;
  /** Password of the returned PKCS#12; random if omitted. */
  password?: string;
}

/** An issued certificate with its key: as PKCS#12 + password, and as PEM/DER. */
export interface IssuedCertificate {
  certificate: Uint8Array;
  certificatePem: string;
  /** DER, leaf first, root last. */
  chain: Uint8Array[];
  chainPem: string;
  key: KeyObject;
  keyPem: string;
  p12: Uint8Array;
  password: string;
}

/** Issues a certificate from `ca` (key usage digitalSignature + nonRepudiation). */
export async function issueCertificate(
  ca: CertificateAuthority,
  opts: IssueOptions,
): Promise<IssuedCertificate> {
  const now = opts.now ?? new Date();
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const caCert = new x509.X509Certificate(ab(ca.certificate));
  const name: Record<string, string[]>[] = [{ CN: [opts.commonName] }];
  if (opts.title) name.push({ '2.5.4.12': [opts.title] });
  if (opts.organization) name.push({ O: [opts.organization] });
  if (opts.locality) name.push({ L: [opts.locality] });
  name.push({ C: ['VN'] });
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    // nonRepudiation (contentCommitment) marks a signature the signer answers for (ND 30).
    new x509.KeyUsagesExtension(
      opts.profile === 'tsa'
        ? x509.KeyUsageFlags.digitalSignature
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
  ];
  // RFC 3161 §2.3: a TSA certificate has exactly the critical timeStamping EKU.
  if (opts.profile === 'tsa')
    extensions.push(new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.8'], true));
  if (opts.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([opts.crlUrl]));
  if (opts.ocspUrl) extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: opts.ocspUrl }));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: name,
    issuer: caCert.subjectName,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + (opts.validDays ?? 2 * 365) * dayMs),
    signingAlgorithm: RSA,
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    extensions,
  });
  const der = new Uint8Array(cert.rawData);
  const chain = [der, ca.certificate];
  const key = KeyObject.from(keys.privateKey);
  const password = opts.password ?? randomPassword();
  return {
    certificate: der,
    certificatePem: toPem(der),
    chain,
    chainPem: chain.map((c) => toPem(c)).join(''),
    key,
    keyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    p12: makePkcs12(key, chain, password, { friendlyName: opts.commonName }),
    password,
  };
}
