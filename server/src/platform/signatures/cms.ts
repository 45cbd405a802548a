// CAdES-detached CMS SignedData for a PDF digest (PAdES baseline B-B, ETSI EN 319 142-1 §6.3):
// signed attributes contentType, messageDigest and ESS signing-certificate-v2 (RFC 5035);
// no signingTime, because PAdES puts the claimed time in the signature dictionary's /M.
// Split in two steps so the private key can live elsewhere (a remote HSM service, a USB
// token): signedAttributesFor() gives the exact DER to sign, assembleCms() wraps the result.
// B-T adds an RFC 3161 time-stamp over the signature value as an unsigned attribute.
import {
  createHash,
  type KeyObject,
  KeyObject as NodeKeyObject,
  sign as nodeSign,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ab, compareBytes, derSetOf, OID, parseDer, pkijsCert, toDer } from './asn1-util.js';
import { SignatureError } from './errors.js';
import { requestTimestamp, type TsaOptions } from './timestamp.js';

/** A private key as Node or WebCrypto hands it out. */
export type PrivateKeyLike = KeyObject | CryptoKey;

/** A signer held in this process: its key and its certificate chain (DER, signer first). */
export interface LocalSigner {
  key: PrivateKeyLike;
  chain: Uint8Array[];
}

const attribute = (type: string, value: asn1js.AsnType) =>
  toDer(new pkijs.Attribute({ type, values: [value] }));

/** ESS SigningCertificateV2 (RFC 5035): binds the signature to this exact certificate. */
function signingCertificateV2(certDer: Uint8Array): asn1js.Sequence {
  const cert = pkijsCert(certDer);
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      // hashAlgorithm omitted: DEFAULT sha256, and DER forbids encoding a default.
      new asn1js.OctetString({
        valueHex: ab(new Uint8Array(createHash('sha256').update(certDer).digest())),
      }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            // GeneralNames with one directoryName [4] (EXPLICIT, since Name is a CHOICE)
            value: [
              new asn1js.Constructed({
                idBlock: { tagClass: 3, tagNumber: 4 },
                value: [cert.issuer.toSchema()],
              }),
            ],
          }),
          cert.serialNumber,
        ],
      }),
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/**
 * The DER (a SET OF Attribute, tag 0x31) that the signer's key must sign for a CAdES
 * signature over `digest` (SHA-256 of the PDF byte ranges) by certificate `certDer`.
 */
export function signedAttributesFor(digest: Uint8Array, certDer: Uint8Array): Uint8Array {
  if (digest.length !== 32)
    throw new SignatureError('cms_malformed', 'Giá trị băm phải là SHA-256 (32 byte).');
  return derSetOf([
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: ab(digest) })),
    attribute(OID.signingCertificateV2, signingCertificateV2(certDer)),
  ]);
}

/** The SignerInfo signatureAlgorithm for the signer's key type. */
function signatureAlgorithmFor(cert: pkijs.Certificate): pkijs.AlgorithmIdentifier {
  const keyAlg = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  if (keyAlg === OID.rsaEncryption) {
    // rsaEncryption (with the hash from digestAlgorithm) is what OpenSSL and most PAdES
    // tools write, and what every verifier accepts.
    return new pkijs.AlgorithmIdentifier({
      algorithmId: OID.rsaEncryption,
      algorithmParams: new asn1js.Null(),
    });
  }
  if (keyAlg === OID.ecPublicKey)
    return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  throw new SignatureError(
    'unsupported_key',
    'Loại khoá của chứng thư số chưa được hỗ trợ (chỉ RSA, ECDSA).',
  );
}

/** Options of assembleCms. */
export interface AssembleOptions {
  /** An RFC 3161 TimeStampToken (DER ContentInfo) over the signature value (B-T). */
  timestampToken?: Uint8Array;
}

/**
 * Wraps signed attributes (from signedAttributesFor), the signature value over them and the
 * certificate chain (DER, signer first) into a DER ContentInfo/SignedData with no content.
 */
export function assembleCms(
  signedAttrs: Uint8Array,
  signatureValue: Uint8Array,
  certs: Uint8Array[],
  opts: AssembleOptions = {},
): Uint8Array {
  const signerDer = certs[0];
  if (!signerDer) throw new SignatureError('cms_malformed', 'Thiếu chứng thư số của người ký.');
  let attrs: pkijs.Attribute[];
  try {
    const set = parseDer(signedAttrs, 'signedAttrs');
    if (!(set instanceof asn1js.Set)) throw new Error('not a SET');
    attrs = set.valueBlock.value.map((v) => new pkijs.Attribute({ schema: v }));
  } catch (e) {
    throw new SignatureError('cms_malformed', 'Thuộc tính ký không hợp lệ.', { cause: e });
  }
  const signer = pkijsCert(signerDer);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: signer.issuer,
      serialNumber: signer.serialNumber,
    }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attrs }),
    signatureAlgorithm: signatureAlgorithmFor(signer),
    signature: new asn1js.OctetString({ valueHex: ab(signatureValue) }),
  });
  if (opts.timestampToken) {
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [
        new pkijs.Attribute({
          type: OID.timeStampToken,
          values: [parseDer(opts.timestampToken, 'timeStampToken')],
        }),
      ],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: certs.map(pkijsCert),
    signerInfos: [signerInfo],
  });
  const cms = toDer(
    new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }),
  );
  // Self-check: the signed attributes inside must be byte-identical to what was signed,
  // or every verifier would reject the signature.
  const parsed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(ab(cms)).content });
  const embedded = new Uint8Array(
    parsed.signerInfos[0]?.signedAttrs?.encodedValue ?? new ArrayBuffer(0),
  );
  if (compareBytes(embedded, signedAttrs) !== 0)
    throw new Error('unreachable: signed attributes re-encoded');
  return cms;
}

/** The signer's raw signature over `data` with SHA-256 (PKCS#1 v1.5 for RSA, DER ECDSA). */
export function rawSign(data: Uint8Array, key: PrivateKeyLike): Uint8Array {
  const k = key instanceof NodeKeyObject ? key : NodeKeyObject.from(key);
  if (k.type !== 'private') throw new SignatureError('unsupported_key', 'Cần khoá bí mật để ký.');
  if (k.asymmetricKeyType === 'rsa') return new Uint8Array(nodeSign('sha256', data, k));
  if (k.asymmetricKeyType === 'ec')
    return new Uint8Array(nodeSign('sha256', data, { key: k, dsaEncoding: 'der' }));
  throw new SignatureError('unsupported_key', 'Loại khoá chưa được hỗ trợ (chỉ RSA, ECDSA).');
}

/** Options of signDigest. */
export interface SignDigestOptions {
  /** Time-stamp authority for PAdES B-T; omitted = B-B. */
  tsa?: TsaOptions;
}

/** One step: a complete CAdES-detached CMS over `digest` with a local key (B-B, or B-T). */
export async function signDigest(
  digest: Uint8Array,
  signer: LocalSigner,
  opts: SignDigestOptions = {},
): Promise<Uint8Array> {
  const signerDer = signer.chain[0];
  if (!signerDer) throw new SignatureError('cms_malformed', 'Thiếu chứng thư số của người ký.');
  const signedAttrs = signedAttributesFor(digest, signerDer);
  const signature = rawSign(signedAttrs, signer.key);
  const timestampToken = opts.tsa ? await requestTimestamp(signature, opts.tsa) : undefined;
  return assembleCms(signedAttrs, signature, signer.chain, { timestampToken });
}
