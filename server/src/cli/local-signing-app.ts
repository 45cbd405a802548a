// The reference local signing app (ứng dụng ký số trên máy của người ký): the HTTP side of
// docs/local-signing-app.md, with the key in a PKCS#12 file instead of a USB token. It is the
// tool the browser specs sign with and the example a token vendor's adapter copies: replace
// `signDigest` with the token driver's (PKCS#11, CAPI/CNG) signature over the same signed
// attributes and keep everything else.
//
// Why these checks: the app holds the signer's key and listens on their own machine, so any
// web page the signer opens can reach it. It answers only the platform origins it was started
// with (CORS and the Origin header on /sign), only on 127.0.0.1 (never the LAN), only to a Host
// naming the loopback (a DNS-rebinding page arrives with its own host name), and signs only
// after the signer agreed (a terminal question here; a dialog with PIN in a token app).

import { createHash } from 'node:crypto';
import http from 'node:http';
import '../platform/signatures/reflect-polyfill.js';
import * as x509 from '@peculiar/x509';
import { ab } from '../platform/signatures/asn1-util.js';
import { type LocalSigner, signDigest } from '../platform/signatures/index.js';

/** Protocol name and version sent in `GET /` (docs/local-signing-app.md). */
export const PROTOCOL = 'cqs-local-signing/1';
const APP_NAME = 'Chính quyền số — ứng dụng ký số mẫu (PKCS#12)';
const APP_VERSION = '1.0.0';
const MAX_BODY = 64 * 1024;

/** One certificate the app can sign with, as `GET /` lists it. */
export interface CertificateInfo {
  id: string;
  name: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
}

/** What the signer is asked before a signature: which page, which document, which key. */
export interface SignRequestInfo {
  origin: string;
  certificate: CertificateInfo;
  documentTitle: string;
  hash: string;
}

/** Options of createLocalSigningApp. */
export interface LocalSigningAppOptions {
  signers: LocalSigner[];
  /** Platform origins allowed to call the app, e.g. `http://10.0.0.5:3000`. */
  origins: string[];
  /** Asks the signer; resolves true to sign. A token app shows its PIN dialog here. */
  confirm: (info: SignRequestInfo) => Promise<boolean>;
  log?: (line: string) => void;
}

/** The certificate's description; `id` is its SHA-256 fingerprint (stable across restarts). */
export function describeCertificate(der: Uint8Array): CertificateInfo {
  const c = new x509.X509Certificate(ab(der));
  return {
    id: createHash('sha256').update(der).digest('hex'),
    name: c.subjectName.getField('CN')[0] ?? c.subject,
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
  };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when the Host header names the loopback (any port): refuses DNS-rebinding pages. */
function loopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return LOOPBACK_HOSTS.has((name ?? '').toLowerCase());
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'bad_request', 'Content-Type phải là application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'bad_request', 'Yêu cầu quá lớn.');
    chunks.push(chunk as Buffer);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'bad_request', 'Nội dung yêu cầu không phải JSON hợp lệ.');
}

/** The app as a node:http server (not listening yet). */
export function createLocalSigningApp(opts: LocalSigningAppOptions): http.Server {
  const log = opts.log ?? (() => {});
  const allowed = new Set(opts.origins.map((o) => new URL(o).origin));
  const keys = opts.signers.map((signer) => {
    const leaf = signer.chain[0];
    if (!leaf) throw new Error('a PKCS#12 without a certificate');
    return { signer, info: describeCertificate(leaf) };
  });
  // One signature at a time: a token has one PIN dialog, and two pages racing for it would
  // let the second ride on the signer's answer to the first.
  let busy = false;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const origin = req.headers.origin;
    const cors: Record<string, string> = { vary: 'Origin' };
    if (origin && allowed.has(origin)) cors['access-control-allow-origin'] = origin;
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        ...cors,
        ...extra,
        'cache-control': 'no-store',
        ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      });
      res.end(text);
    };
    try {
      if (!loopbackHost(req.headers.host))
        throw new HttpError(403, 'host_not_allowed', 'Chỉ nhận yêu cầu gửi tới 127.0.0.1.');
      if (origin && !allowed.has(origin))
        throw new HttpError(
          403,
          'origin_not_allowed',
          `Trang ${origin} không được phép dùng ứng dụng ký số này.`,
        );
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'OPTIONS') {
        // CORS preflight, plus Private Network Access: a page served from a LAN address asks
        // before it may reach the loopback (https://wicg.github.io/private-network-access/).
        if (!origin) throw new HttpError(400, 'bad_request', 'Thiếu Origin.');
        return send(204, undefined, {
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '600',
          ...(req.headers['access-control-request-private-network'] === 'true'
            ? { 'access-control-allow-private-network': 'true' }
            : {}),
        });
      }
      if (req.method === 'GET' && url.pathname === '/') {
        return send(200, {
          protocol: PROTOCOL,
          app: APP_NAME,
          version: APP_VERSION,
          certificates: keys.map((k) => k.info),
        });
      }
      if (req.method === 'POST' && url.pathname === '/sign') {
        // A page must say who it is: the signer is asked on its behalf.
        if (!origin) throw new HttpError(403, 'origin_not_allowed', 'Thiếu Origin.');
        const body = await readJson(req);
        if (body.hashAlgorithm !== 'SHA-256')
          throw new HttpError(400, 'bad_request', 'Chỉ hỗ trợ hashAlgorithm "SHA-256".');
        const hash =
          typeof body.hash === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(body.hash)
            ? Buffer.from(body.hash, 'base64')
            : null;
        if (hash?.length !== 32)
          throw new HttpError(400, 'bad_request', 'hash phải là SHA-256 (32 byte) dạng base64.');
        const key = keys.find((k) => k.info.id === body.certificateId);
        if (!key)
          throw new HttpError(404, 'certificate_not_found', 'Không tìm thấy chứng thư số đã chọn.');
        const doc = body.document as { title?: unknown } | undefined;
        const documentTitle = typeof doc?.title === 'string' ? doc.title.slice(0, 500) : '';
        if (busy)
          throw new HttpError(409, 'busy', 'Ứng dụng đang chờ xác nhận một yêu cầu ký khác.');
        busy = true;
        try {
          const ok = await opts.confirm({
            origin,
            certificate: key.info,
            documentTitle,
            hash: body.hash as string,
          });
          if (!ok) {
            log(`refused: ${origin} "${documentTitle}"`);
            throw new HttpError(409, 'cancelled', 'Người ký đã từ chối ký.');
          }
          // The CAdES-detached CMS of the platform's own code: signed attributes contentType,
          // messageDigest = the hash, signing-certificate-v2; the same bytes a token adapter
          // would build and have the token sign.
          const cms = await signDigest(new Uint8Array(hash), key.signer);
          log(`signed: ${origin} "${documentTitle}" with ${key.info.name}`);
          return send(200, { cms: Buffer.from(cms).toString('base64') });
        } finally {
          busy = false;
        }
      }
      throw new HttpError(404, 'not_found', 'Không có địa chỉ này.');
    } catch (e) {
      if (e instanceof HttpError) return send(e.status, { error: e.code, message: e.message });
      log(`error: ${(e as Error).stack ?? e}`);
      return send(500, { error: 'signing_failed', message: 'Ứng dụng ký số gặp lỗi khi ký.' });
    }
  };
  return http.createServer((req, res) => void handle(req, res));
}
