// Checking one CMS SignedData signer: the content digest against messageDigest and the
// signature over the signed attributes, with Node's crypto (OpenSSL) rather than pkijs'
// verify, so RSA-PSS, ECDSA and SHA-1 era PDFs are handled and every failure has a reason.
// Used for the PDF signature itself and for RFC 3161 time-stamp tokens.
import {
  constants,
  createHash,
  X509Certificate as NodeX509,
  verify as nodeVerify,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ab, compareBytes, hashNameOf, OID, parseDer, toDer } from './asn1-util.js';
import { SignatureError } from './errors.js';

/** A parsed CMS SignedData with its first signer and certificates (DER). */
export interface ParsedCms {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  certificates: Uint8Array[];
}

/** Parses a DER ContentInfo(SignedData); zero padding after the DER is ignored. */
export function parseCms(der: Uint8Array): ParsedCms {
  try {
    const ci = new pkijs.ContentInfo({ schema: parseDer(der, 'ContentInfo') });
    if (ci.contentType !== OID.signedData) throw new Error(`contentType ${ci.contentType}`);
    const signedData = new pkijs.SignedData({ schema: ci.content });
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo) throw new Error('no signerInfo');
    const certificates = (signedData.certificates ?? [])
      .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
      .map((c) => toDer(c));
    return { signedData, signerInfo, certificates };
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw new SignatureError('cms_malformed', 'Dữ liệu chữ ký số (CMS) không hợp lệ.', {
      cause: e,
    });
  }
}

/** The signer's certificate among `certs`, by IssuerAndSerialNumber or SubjectKeyIdentifier. */
export function findSignerCertificate(
  si: pkijs.SignerInfo,
  certs: Uint8Array[],
): Uint8Array | undefined {
  const sid = si.sid;
  for (const der of certs) {
    const c = pkijs.Certificate.fromBER(ab(der));
    if (sid instanceof pkijs.IssuerAndSerialNumber) {
      if (c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer)) return der;
    } else {
      // [0] IMPLICIT SubjectKeyIdentifier: pkijs keeps it as a raw primitive block.
      const view = (sid as { valueBlock?: { valueHexView?: Uint8Array } }).valueBlock?.valueHexView;
      if (!view) continue;
      const want = new Uint8Array(view);
      const ski = c.extensions?.find((e) => e.extnID === '2.5.29.14');
      const have = ski
        ? new Uint8Array((ski.parsedValue as asn1js.OctetString).valueBlock.valueHexView)
        : undefined;
      if (have && compareBytes(have, want) === 0) return der;
    }
  }
  return undefined;
}

/** A signed or unsigned attribute's first value, by OID. */
export function attributeValue(
  attrs: pkijs.SignedAndUnsignedAttributes | undefined,
  oid: string,
): asn1js.AsnType | undefined {
  return attrs?.attributes.find((a) => a.type === oid)?.values[0];
}

/** Verifies `signature` over `data` with the certificate's key, per the CMS algorithms. */
export function verifyRaw(
  certDer: Uint8Array,
  signatureAlgorithm: pkijs.AlgorithmIdentifier,
  digestOid: string,
  data: Uint8Array,
  signature: Uint8Array,
): { ok: boolean; problem?: string } {
  const key = new NodeX509(certDer).publicKey;
  const sigOid = signatureAlgorithm.algorithmId;
  try {
    if (sigOid === OID.rsaPss) {
      const p = new pkijs.RSASSAPSSParams({ schema: signatureAlgorithm.algorithmParams });
      const hash = hashNameOf(p.hashAlgorithm.algorithmId) ?? 'sha1';
      const ok = nodeVerify(
        hash,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: p.saltLength },
        signature,
      );
      return { ok };
    }
    // rsaEncryption / id-ecPublicKey carry no hash: it is the digestAlgorithm's.
    const hash =
      sigOid === OID.rsaEncryption || sigOid === OID.ecPublicKey
        ? hashNameOf(digestOid)
        : hashNameOf(sigOid);
    if (!hash) return { ok: false, problem: `thuật toán ${sigOid} chưa được hỗ trợ` };
    const isEc = key.asymmetricKeyType === 'ec';
    const ok = nodeVerify(hash, data, isEc ? { key, dsaEncoding: 'der' } : key, signature);
    return { ok };
  } catch (e) {
    return { ok: false, problem: e instanceof Error ? e.message : String(e) };
  }
}

/** Result of checking one signer: integrity and, when broken, why. */
export interface SignerCheck {
  valid: boolean;
  problem?: string;
  signerCertificate?: Uint8Array;
  /** Node name of the digest algorithm used (sha256…). */
  digestAlgorithm?: string;
}

/**
 * Checks the first signer of `cms` over `content` (the signed bytes, given in parts so a PDF's
 * two byte ranges need not be concatenated, or only their SHA-256 when that is all we have):
 * digest, messageDigest and signature.
 */
export function checkSigner(
  cms: ParsedCms,
  content: Uint8Array[] | { sha256: Uint8Array },
  extraCerts: Uint8Array[] = [],
): SignerCheck {
  const { signerInfo: si } = cms;
  const signerCertificate = findSignerCertificate(si, [...cms.certificates, ...extraCerts]);
  if (!signerCertificate)
    return { valid: false, problem: 'không tìm thấy chứng thư số của người ký' };
  const digestOid = si.digestAlgorithm.algorithmId;
  const digestAlgorithm = hashNameOf(digestOid);
  if (!digestAlgorithm)
    return {
      valid: false,
      problem: `thuật toán băm ${digestOid} chưa được hỗ trợ`,
      signerCertificate,
    };
  let contentDigest: Uint8Array;
  if (Array.isArray(content)) {
    const h = createHash(digestAlgorithm);
    for (const part of content) h.update(part);
    contentDigest = new Uint8Array(h.digest());
  } else if (digestAlgorithm === 'sha256') {
    contentDigest = content.sha256;
  } else {
    return {
      valid: false,
      problem: `cần băm SHA-256, nhận ${digestAlgorithm}`,
      signerCertificate,
      digestAlgorithm,
    };
  }
  const signature = new Uint8Array(si.signature.valueBlock.valueHexView);
  let signedBytes: Uint8Array;
  if (si.signedAttrs) {
    const md = attributeValue(si.signedAttrs, OID.messageDigest);
    if (!(md instanceof asn1js.OctetString)) {
      return {
        valid: false,
        problem: 'thiếu thuộc tính messageDigest',
        signerCertificate,
        digestAlgorithm,
      };
    }
    if (compareBytes(new Uint8Array(md.valueBlock.valueHexView), contentDigest) !== 0) {
      return {
        valid: false,
        problem: 'giá trị băm không khớp: nội dung đã bị thay đổi',
        signerCertificate,
        digestAlgorithm,
      };
    }
    signedBytes = new Uint8Array(si.signedAttrs.encodedValue); // pkijs re-tags [0] as SET (0x31)
  } else {
    // No signed attributes (old adbe.pkcs7 signers): the signature is over the content itself.
    if (!Array.isArray(content))
      return { valid: false, problem: 'thiếu thuộc tính ký', signerCertificate, digestAlgorithm };
    signedBytes = new Uint8Array(Buffer.concat(content));
  }
  const r = verifyRaw(signerCertificate, si.signatureAlgorithm, digestOid, signedBytes, signature);
  if (!r.ok) {
    return {
      valid: false,
      problem: r.problem ?? 'chữ ký không khớp với khoá công khai',
      signerCertificate,
      digestAlgorithm,
    };
  }
  return { valid: true, signerCertificate, digestAlgorithm };
}

/** The encapsulated content (eContent) of a SignedData, if any (time-stamp tokens, adbe.pkcs7.sha1). */
export function encapsulatedContent(sd: pkijs.SignedData): Uint8Array | undefined {
  const e = sd.encapContentInfo.eContent;
  if (!e) return undefined;
  // A constructed (BER) OCTET STRING holds its value in pieces; pkijs' getValue joins them.
  return new Uint8Array(e.getValue());
}
