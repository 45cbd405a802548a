import { describe, expect, it } from 'vitest';
import {
  certificateExpired,
  DEFAULT_LOCAL_APP_URL,
  detectLocalApp,
  LocalAppError,
  type LocalAppFailure,
  loadAppUrl,
  normaliseAppUrl,
  saveAppUrl,
  signWithLocalApp,
} from './local-signing-app.ts';

const BASE = 'http://127.0.0.1:8765';
const CERT = {
  id: 'ab12',
  name: 'Lãnh đạo thành phố',
  subject: 'CN=Lãnh đạo thành phố, C=VN',
  issuer: 'CN=Chinh quyen so DEMO CA',
  notAfter: '2027-12-31T00:00:00.000Z',
};

/** A fetch that records its calls and answers `status` with `body`. */
function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  return { f, calls };
}

async function failure(p: Promise<unknown>): Promise<LocalAppFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LocalAppError) return e.failure;
    throw e;
  }
  throw new Error('expected a LocalAppError');
}

describe('local signing app client', () => {
  it('detects the app and its certificates, sending no cookie', async () => {
    const { f, calls } = fakeFetch(200, { app: 'Ký số', version: '1.0', certificates: [CERT] });
    const info = await detectLocalApp(BASE, { fetch: f });
    expect(info.certificates[0]?.name).toBe('Lãnh đạo thành phố');
    expect(calls[0]?.url).toBe(`${BASE}/`);
    expect(calls[0]?.init.credentials).toBe('omit');
  });

  it('says "unreachable" when nothing listens, "timeout" when the app never answers', async () => {
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await failure(detectLocalApp(BASE, { fetch: refused }))).toEqual({
      kind: 'unreachable',
    });
    const hangs = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
      )) as unknown as typeof fetch;
    expect(await failure(detectLocalApp(BASE, { fetch: hangs, timeoutMs: 10 }))).toEqual({
      kind: 'timeout',
    });
  });

  it('refuses an answer that is not the protocol (another program on the port)', async () => {
    const { f } = fakeFetch(200, { hello: 'world' });
    expect(await failure(detectLocalApp(BASE, { fetch: f }))).toEqual({ kind: 'invalid' });
  });

  it('sends the hash and returns the CMS', async () => {
    const { f, calls } = fakeFetch(200, { cms: 'MIIB+w==' });
    const cms = await signWithLocalApp(
      BASE,
      {
        certificateId: 'ab12',
        hash: 'h'.repeat(43).concat('='),
        document: { id: 'd1', title: 'T' },
      },
      { fetch: f },
    );
    expect(cms).toBe('MIIB+w==');
    expect(calls[0]?.url).toBe(`${BASE}/sign`);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      certificateId: 'ab12',
      hashAlgorithm: 'SHA-256',
      hash: `${'h'.repeat(43)}=`,
      document: { id: 'd1', title: 'T' },
    });
  });

  it('tells the signer\'s "no" from the app\'s refusal', async () => {
    const req = { certificateId: 'x', hash: 'AA==', document: { id: 'd', title: 't' } };
    const cancelled = fakeFetch(409, { error: 'cancelled', message: 'Người ký đã từ chối ký.' });
    expect(await failure(signWithLocalApp(BASE, req, { fetch: cancelled.f }))).toEqual({
      kind: 'cancelled',
    });
    const locked = fakeFetch(500, { error: 'pin_locked', message: 'Token đã bị khóa PIN.' });
    expect(await failure(signWithLocalApp(BASE, req, { fetch: locked.f }))).toEqual({
      kind: 'refused',
      code: 'pin_locked',
      message: 'Token đã bị khóa PIN.',
    });
    const garbage = fakeFetch(502, 'Bad gateway');
    expect(await failure(signWithLocalApp(BASE, req, { fetch: garbage.f }))).toEqual({
      kind: 'invalid',
    });
  });

  it('keeps a typed address tidy and remembers it', () => {
    expect(normaliseAppUrl(' http://127.0.0.1:9000/ ')).toBe('http://127.0.0.1:9000');
    expect(normaliseAppUrl('https://localhost:8443/ky-so/')).toBe('https://localhost:8443/ky-so');
    expect(normaliseAppUrl('127.0.0.1:8765')).toBeNull();
    expect(normaliseAppUrl('file:///etc/passwd')).toBeNull();
    const map = new Map<string, string>();
    const store = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    expect(loadAppUrl(store)).toBe(DEFAULT_LOCAL_APP_URL);
    saveAppUrl('http://127.0.0.1:9000', store);
    expect(loadAppUrl(store)).toBe('http://127.0.0.1:9000');
    expect(loadAppUrl(null)).toBe(DEFAULT_LOCAL_APP_URL);
  });

  it('knows an expired certificate', () => {
    expect(certificateExpired(CERT, new Date('2026-12-07T00:00:00Z'))).toBe(false);
    expect(certificateExpired(CERT, new Date('2028-01-01T00:00:00Z'))).toBe(true);
  });
});
