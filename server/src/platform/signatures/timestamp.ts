// RFC 3161 time-stamping for PAdES B-T: the TSA signs a hash of our signature value with its
// own clock, so the signing time no longer rests on the signer's say-so (the /M entry).
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ab, compareBytes, hashNameOf, OID, parseDer } from './asn1-util.js';
import { checkSigner, encapsulatedContent, parseCms } from './cms-verify.js';
import { SignatureError } from './errors.js';

/** Where and how to ask for a time-stamp. */
export interface TsaOptions {
  url: string;
  /** Default 10 s: a slow TSA must not hold a signing request forever. */
  timeoutMs?: number;
  /** Extra HTTP headers (e.g. Authorization for a commercial TSA). */
  headers?: Record<string, string>;
}

const tsaError = (detail: string, cause?: unknown) =>
  new SignatureError('tsa_failed', `Không lấy được dấu thời gian: ${detail}`, {
    cause,
    status: 502,
  });

/** Asks the TSA to time-stamp `signatureValue`; returns the TimeStampToken (DER ContentInfo). */
export async function requestTimestamp(
  signatureValue: Uint8Array,
  tsa: TsaOptions,
): Promise<Uint8Array> {
  const imprint = new Uint8Array(createHash('sha256').update(signatureValue).digest());
  const nonce = randomBytes(8);
  nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 0x40; // positive and minimal, so the TSA echoes it byte for byte
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: ab(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: ab(new Uint8Array(nonce)) }),
    certReq: true, // the TSA certificate must travel with the token for later verification
  });
  let body: Uint8Array;
  try {
    const res = await fetch(tsa.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', ...tsa.headers },
      body: new Uint8Array(req.toSchema().toBER(false)),
      signal: AbortSignal.timeout(tsa.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw tsaError(`máy chủ trả về HTTP ${res.status}`);
    body = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw tsaError('không kết nối được máy chủ dấu thời gian', e);
  }
  // Take the token's bytes as received: re-encoding someone else's signed structure risks
  // changing it.
  let tokenDer: Uint8Array;
  try {
    const resp = parseDer(body, 'TimeStampResp');
    if (!(resp instanceof asn1js.Sequence)) throw new Error('not a SEQUENCE');
    const [statusInfo, token] = resp.valueBlock.value;
    const status = new pkijs.PKIStatusInfo({ schema: statusInfo });
    if (status.status !== 0 && status.status !== 1)
      throw tsaError(`yêu cầu bị từ chối (trạng thái ${status.status})`);
    if (!token) throw tsaError('phản hồi không có dấu thời gian');
    tokenDer = new Uint8Array(token.valueBeforeDecodeView);
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw tsaError('phản hồi không hợp lệ', e);
  }
  const check = verifyTimestampToken(tokenDer, signatureValue);
  if (!check.imprintMatches) throw tsaError('dấu thời gian không khớp với chữ ký');
  if (check.nonce !== undefined && compareBytes(check.nonce, new Uint8Array(nonce)) !== 0) {
    throw tsaError('nonce không khớp (phản hồi bị phát lại?)');
  }
  if (!check.integrity)
    throw tsaError(`chữ ký của máy chủ dấu thời gian không hợp lệ (${check.problem})`);
  return tokenDer;
}

/** What a time-stamp token says and whether it holds. */
export interface TimestampCheck {
  time: Date;
  /** The token's own CMS signature is valid. */
  integrity: boolean;
  /** The token time-stamps exactly this signature value. */
  imprintMatches: boolean;
  problem?: string;
  tsaCertificate?: Uint8Array;
  certificates: Uint8Array[];
  nonce?: Uint8Array;
}

/** Checks a TimeStampToken against the signature value it should cover. */
export function verifyTimestampToken(
  tokenDer: Uint8Array,
  signatureValue: Uint8Array,
): TimestampCheck {
  const cms = parseCms(tokenDer);
  const eContent = encapsulatedContent(cms.signedData);
  if (!eContent || cms.signedData.encapContentInfo.eContentType !== OID.tstInfo) {
    throw new SignatureError('cms_malformed', 'Dấu thời gian không hợp lệ (thiếu TSTInfo).');
  }
  const tst = new pkijs.TSTInfo({ schema: parseDer(eContent, 'TSTInfo') });
  const hash = hashNameOf(tst.messageImprint.hashAlgorithm.algorithmId);
  const expected = hash
    ? new Uint8Array(createHash(hash).update(signatureValue).digest())
    : undefined;
  const got = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  const signer = checkSigner(cms, [eContent]);
  return {
    time: tst.genTime,
    integrity: signer.valid,
    imprintMatches: expected !== undefined && compareBytes(expected, got) === 0,
    problem: signer.problem,
    tsaCertificate: signer.signerCertificate,
    certificates: cms.certificates,
    nonce: tst.nonce ? new Uint8Array(tst.nonce.valueBlock.valueHexView) : undefined,
  };
}
