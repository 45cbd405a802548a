// Who holds the private key. Three kinds, one interface:
//  - pkcs12:   a PKCS#12 file + password on this server (the organisation's seal; the demo).
//  - remote:   an external signing service (HSM, "ký số từ xa") reached over HTTP.
//  - deferred: a USB token on the user's computer; the server prepares the PDF and hands out
//              the hash, the client's signing tool returns a CMS, the server embeds it.
//
// Remote signing contract (version 1). One endpoint, JSON both ways, UTF-8:
//
//   POST <url>   {"action":"sign","signer":"<id>","hashAlgorithm":"SHA-256",
//                 "hashKind":"document"|"signedAttributes","hash":"<base64>"}
//     hashKind "document": hash = SHA-256 of the PDF byte ranges. The service builds the
//       CMS itself (detached, messageDigest = hash; CAdES attributes advised) and answers
//       200 {"cms":"<base64 DER ContentInfo>"}.
//     hashKind "signedAttributes": hash = SHA-256 of the DER signed attributes that this
//       server built (contentType, messageDigest, signing-certificate-v2 of the signer's
//       certificate). The service signs that hash (RSA PKCS#1 v1.5 or ECDSA, no further
//       hashing) and answers 200 {"signature":"<base64>","certificates":["<base64 DER>",…]}
//       (signer first; optional when the server already has them).
//   POST <url>   {"action":"certificates","signer":"<id>"}
//     → 200 {"certificates":["<base64 DER>",…]}: only needed for "signedAttributes" mode when
//       the chain is not configured, because the attributes name the certificate before the
//       signature exists.
//   Any non-2xx answer is a failure; a JSON body {"error":"…"} is shown to the user.
// Every answer is checked (signature against the certificate, CMS against the digest) before
// it goes into the PDF, so a misbehaving service cannot produce a broken document.
import { createHash } from 'node:crypto';
import './reflect-polyfill.js';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { ab } from './asn1-util.js';
import { assembleCms, type LocalSigner, signDigest, signedAttributesFor } from './cms.js';
import { checkSigner, parseCms, verifyRaw } from './cms-verify.js';
import { SignatureError } from './errors.js';
import {
  coveredBytes,
  embedCms,
  findPlaceholder,
  type PrepareOptions,
  preparePdfForSigning,
} from './pades.js';
import { loadPkcs12 } from './pkcs12.js';
import { requestTimestamp, type TsaOptions } from './timestamp.js';

/** A provider that returns a complete CMS for a document digest in one call. */
export interface OneStepProvider {
  readonly kind: 'pkcs12' | 'remote';
  /** The signer's display name (certificate CN), for /Name; may contact the service. */
  signerName(): Promise<string>;
  /** A detached CMS whose messageDigest is `digest` (SHA-256 of the PDF byte ranges). */
  sign(digest: Uint8Array): Promise<Uint8Array>;
}

/** A provider whose key is elsewhere, signing between two requests. */
export interface DeferredProvider {
  readonly kind: 'deferred';
  /** Prepares the PDF; keep `prepared` server-side and send `hash` to the client tool. */
  begin(pdf: Uint8Array, opts?: PrepareOptions): Promise<DeferredSession>;
  /** Checks the client's CMS against the prepared PDF and embeds it. */
  complete(prepared: Uint8Array, cms: Uint8Array): Promise<Uint8Array>;
}

/** The three kinds of signer. */
export type SigningProvider = OneStepProvider | DeferredProvider;

/** What the deferred flow hands to the client. */
export interface DeferredSession {
  prepared: Uint8Array;
  byteRange: [number, number, number, number];
  /** Base64 SHA-256 of the byte ranges: what the client's CMS must carry as messageDigest. */
  hash: string;
  hashAlgorithm: 'SHA-256';
}

const cnOf = (der: Uint8Array) =>
  new x509.X509Certificate(ab(der)).subjectName.getField('CN')[0] ?? '';

/** Signs with a PKCS#12 file held by the server; B-T when a TSA is given. */
export function pkcs12Provider(opts: {
  p12: Uint8Array;
  password: string;
  tsa?: TsaOptions;
}): OneStepProvider {
  let loaded: Promise<LocalSigner> | undefined;
  const signer = () => {
    loaded ??= loadPkcs12(opts.p12, opts.password);
    return loaded;
  };
  return {
    kind: 'pkcs12',
    async signerName() {
      const s = await signer();
      return s.chain[0] ? cnOf(s.chain[0]) : '';
    },
    async sign(digest) {
      return signDigest(digest, await signer(), { tsa: opts.tsa });
    },
  };
}

/** Options of remoteProvider. */
export interface RemoteProviderOptions {
  url: string;
  /** The signer's id at the service (a user, a seal). */
  signer: string;
  /** 'cms': the service builds the CMS; 'signature': it signs our signed attributes. */
  mode: 'cms' | 'signature';
  /** Chain of the signer (DER, signer first), if known; else asked for in 'signature' mode. */
  certificates?: Uint8Array[];
  headers?: Record<string, string>;
  /** Default 30 s: remote signing may wait for the user to confirm on a phone. */
  timeoutMs?: number;
  /** B-T time-stamp in 'signature' mode (in 'cms' mode the service time-stamps). */
  tsa?: TsaOptions;
}

const remoteError = (detail: string, cause?: unknown) =>
  new SignatureError('remote_signer_failed', `Dịch vụ ký số từ xa lỗi: ${detail}`, {
    cause,
    status: 502,
  });

async function callRemote(
  o: RemoteProviderOptions,
  body: Record<string, string>,
): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(o.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...o.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
  } catch (e) {
    throw remoteError('không kết nối được', e);
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok)
    throw remoteError(typeof json.error === 'string' ? json.error : `HTTP ${res.status}`);
  return json;
}

const b64 = (v: unknown, what: string): Uint8Array => {
  if (typeof v !== 'string' || !/^[A-Za-z0-9+/=\s]+$/.test(v))
    throw remoteError(`thiếu hoặc sai trường "${what}"`);
  return new Uint8Array(Buffer.from(v, 'base64'));
};
const b64list = (v: unknown, what: string) => {
  if (!Array.isArray(v) || v.length === 0) throw remoteError(`thiếu hoặc sai trường "${what}"`);
  return v.map((x) => b64(x, what));
};

/** Signs through an external HTTP signing service (contract above). */
export function remoteProvider(o: RemoteProviderOptions): OneStepProvider {
  let chain: Promise<Uint8Array[]> | undefined;
  const certificates = () => {
    chain ??= o.certificates
      ? Promise.resolve(o.certificates)
      : callRemote(o, { action: 'certificates', signer: o.signer }).then((r) =>
          b64list(r.certificates, 'certificates'),
        );
    return chain;
  };
  return {
    kind: 'remote',
    async signerName() {
      if (o.mode === 'cms' && !o.certificates) return '';
      const c = (await certificates())[0];
      return c ? cnOf(c) : '';
    },
    async sign(digest) {
      if (o.mode === 'cms') {
        const r = await callRemote(o, {
          action: 'sign',
          signer: o.signer,
          hashAlgorithm: 'SHA-256',
          hashKind: 'document',
          hash: Buffer.from(digest).toString('base64'),
        });
        const cms = b64(r.cms, 'cms');
        assertCmsSigns(cms, digest, remoteError);
        return cms;
      }
      const chainDer = await certificates();
      const leaf = chainDer[0];
      if (!leaf) throw remoteError('không có chứng thư số của người ký');
      const attrs = signedAttributesFor(digest, leaf);
      const hash = createHash('sha256').update(attrs).digest('base64');
      const r = await callRemote(o, {
        action: 'sign',
        signer: o.signer,
        hashAlgorithm: 'SHA-256',
        hashKind: 'signedAttributes',
        hash,
      });
      const signature = b64(r.signature, 'signature');
      const returned =
        r.certificates === undefined ? chainDer : b64list(r.certificates, 'certificates');
      if (Buffer.compare(Buffer.from(returned[0] ?? []), Buffer.from(leaf)) !== 0) {
        throw remoteError('chứng thư số trả về khác chứng thư đã dùng để chuẩn bị chữ ký');
      }
      const alg = new pkijs.AlgorithmIdentifier({ algorithmId: pkijsKeyAlg(leaf) });
      if (!verifyRaw(leaf, alg, '2.16.840.1.101.3.4.2.1', attrs, signature).ok) {
        throw remoteError('chữ ký trả về không khớp với chứng thư số');
      }
      const timestampToken = o.tsa ? await requestTimestamp(signature, o.tsa) : undefined;
      return assembleCms(attrs, signature, returned, { timestampToken });
    },
  };
}

/** The public-key algorithm OID of a certificate (rsaEncryption / id-ecPublicKey). */
function pkijsKeyAlg(der: Uint8Array): string {
  return pkijs.Certificate.fromBER(ab(der)).subjectPublicKeyInfo.algorithm.algorithmId;
}

/** Throws unless `cms` is a valid detached signature whose messageDigest is `digest`. */
function assertCmsSigns(
  cms: Uint8Array,
  digest: Uint8Array,
  err: (detail: string) => SignatureError,
): void {
  let check: ReturnType<typeof checkSigner>;
  try {
    check = checkSigner(parseCms(cms), { sha256: digest });
  } catch {
    throw err('dữ liệu chữ ký (CMS) không đọc được');
  }
  if (!check.valid) throw err(`chữ ký không hợp lệ (${check.problem})`);
}

/** The client-side (USB token) flow: prepare, hand out the hash, embed the returned CMS. */
export function deferredProvider(): DeferredProvider {
  return {
    kind: 'deferred',
    async begin(pdf, opts) {
      const p = await preparePdfForSigning(pdf, opts);
      return {
        prepared: p.prepared,
        byteRange: p.byteRange,
        hash: Buffer.from(p.digest).toString('base64'),
        hashAlgorithm: 'SHA-256',
      };
    },
    async complete(prepared, cms) {
      const br = findPlaceholder(prepared);
      // Check before embedding: a token tool that signed the wrong bytes is caught now, with
      // a message, instead of producing a PDF every reader flags as broken.
      let check: ReturnType<typeof checkSigner>;
      try {
        check = checkSigner(parseCms(cms), [coveredBytes(prepared, br)]);
      } catch (e) {
        if (e instanceof SignatureError) throw e;
        throw new SignatureError('cms_malformed', 'Dữ liệu chữ ký số gửi lên không hợp lệ.', {
          cause: e,
        });
      }
      if (!check.valid) {
        throw new SignatureError(
          'cms_malformed',
          `Chữ ký số gửi lên không khớp với tài liệu (${check.problem}).`,
        );
      }
      return embedCms(prepared, cms);
    },
  };
}

/** One step: prepare, sign with a one-step provider, embed. */
export async function signPdf(
  pdf: Uint8Array,
  provider: OneStepProvider,
  opts: PrepareOptions = {},
): Promise<Uint8Array> {
  const signerName = opts.signerName ?? ((await provider.signerName()) || undefined);
  const { prepared, digest } = await preparePdfForSigning(pdf, { ...opts, signerName });
  return embedCms(prepared, await provider.sign(digest));
}
