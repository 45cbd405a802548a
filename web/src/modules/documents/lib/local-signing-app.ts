// The browser side of the local signing app protocol (docs/local-signing-app.md): the app runs on
// the signer's own computer (ứng dụng ký số trên máy), holds their USB token, and turns the
// signing session's hash into a CMS. The platform never sees the private key: only the hash goes
// to the app and only the CMS comes back, and the server checks that CMS before embedding it.
// No cookies go to the app (credentials: 'omit'), so a page cannot use it to reach the platform.
import { z } from 'zod';

/** Where the reference app and most vendors' apps listen. */
export const DEFAULT_LOCAL_APP_URL = 'http://127.0.0.1:8765';
const STORAGE_KEY = 'cqs.localSigningApp.url';
/** Detecting must be quick: the screen waits for it before offering a choice. */
const DETECT_TIMEOUT_MS = 4_000;
/** Signing waits for the signer to read the dialog and type the token's PIN. */
const SIGN_TIMEOUT_MS = 5 * 60_000;

const CertificateSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  subject: z.string().optional(),
  issuer: z.string(),
  notBefore: z.string().optional(),
  notAfter: z.string(),
});
const InfoSchema = z.object({
  app: z.string(),
  version: z.string(),
  certificates: z.array(CertificateSchema),
});
const SignedSchema = z.object({ cms: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/) });
const RefusalSchema = z.object({ error: z.string(), message: z.string().optional() });

/** A certificate the app can sign with. */
export type LocalCertificate = z.infer<typeof CertificateSchema>;
/** What `GET /` of the app says about itself. */
export type LocalAppInfo = z.infer<typeof InfoSchema>;

/** Why a call to the app failed; the screen says each in its own words. */
export type LocalAppFailure =
  /** Nothing answered: the app is not running, another port, or the browser blocked it. */
  | { kind: 'unreachable' }
  | { kind: 'timeout' }
  /** The signer declined in the app (or closed its PIN dialog). */
  | { kind: 'cancelled' }
  /** The app answered with an error code and, usually, a message of its own. */
  | { kind: 'refused'; code: string; message: string }
  /** The answer is not this protocol (another program on that port). */
  | { kind: 'invalid' };

/** A failed call to the local signing app. */
export class LocalAppError extends Error {
  constructor(readonly failure: LocalAppFailure) {
    super(`local signing app: ${failure.kind}`);
  }
}

/** The app's base URL from what the signer typed (http or https, no query), or null. */
export function normaliseAppUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage when the browser lets us use it (private modes may throw). */
function storage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The app address this browser used last, else the default. */
export function loadAppUrl(store: KeyValueStore | null = storage()): string {
  try {
    const saved = store?.getItem(STORAGE_KEY);
    return (saved && normaliseAppUrl(saved)) || DEFAULT_LOCAL_APP_URL;
  } catch {
    return DEFAULT_LOCAL_APP_URL;
  }
}

/** Remembers the app address for the next signing on this browser. */
export function saveAppUrl(url: string, store: KeyValueStore | null = storage()): void {
  try {
    store?.setItem(STORAGE_KEY, url);
  } catch {
    // A full or forbidden storage only costs retyping the address next time.
  }
}

interface CallOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

async function call(
  url: string,
  init: RequestInit,
  opts: CallOptions,
  timeoutMs: number,
): Promise<unknown> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs ?? timeoutMs);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort);
  let res: Response;
  try {
    res = await doFetch(url, {
      ...init,
      // The app needs no cookie of ours, and must not get one.
      credentials: 'omit',
      mode: 'cors',
      cache: 'no-store',
      signal: controller.signal,
    });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new LocalAppError({ kind: timedOut ? 'timeout' : 'unreachable' });
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const refusal = RefusalSchema.safeParse(body);
    if (!refusal.success) throw new LocalAppError({ kind: 'invalid' });
    if (refusal.data.error === 'cancelled') throw new LocalAppError({ kind: 'cancelled' });
    throw new LocalAppError({
      kind: 'refused',
      code: refusal.data.error,
      message: refusal.data.message ?? '',
    });
  }
  return body;
}

/** GET / of the app: its name, version and certificates; throws LocalAppError. */
export async function detectLocalApp(
  baseUrl: string,
  opts: CallOptions = {},
): Promise<LocalAppInfo> {
  const parsed = InfoSchema.safeParse(await call(`${baseUrl}/`, {}, opts, DETECT_TIMEOUT_MS));
  if (!parsed.success) throw new LocalAppError({ kind: 'invalid' });
  return parsed.data;
}

/** What the app signs: the session's hash, named for the signer's confirmation dialog. */
export interface LocalSignRequest {
  certificateId: string;
  /** Base64 SHA-256 of the PDF byte ranges: the CMS's messageDigest. */
  hash: string;
  document: { id: string; title: string };
}

/** POST /sign of the app → the CMS (base64 DER); throws LocalAppError. */
export async function signWithLocalApp(
  baseUrl: string,
  request: LocalSignRequest,
  opts: CallOptions = {},
): Promise<string> {
  const body = await call(
    `${baseUrl}/sign`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        certificateId: request.certificateId,
        hashAlgorithm: 'SHA-256',
        hash: request.hash,
        document: request.document,
      }),
    },
    opts,
    SIGN_TIMEOUT_MS,
  );
  const parsed = SignedSchema.safeParse(body);
  if (!parsed.success) throw new LocalAppError({ kind: 'invalid' });
  return parsed.data.cms;
}

/** True when the certificate's validity has ended at `now`. */
export function certificateExpired(c: LocalCertificate, now: Date): boolean {
  const end = Date.parse(c.notAfter);
  return Number.isFinite(end) && end < now.getTime();
}
