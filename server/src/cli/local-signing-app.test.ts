// The reference local signing app speaks docs/local-signing-app.md: it lists its certificate,
// answers CORS and Private Network Access preflights for the allowed origin only, refuses other
// pages, DNS-rebinding hosts and a signer's "no", and its CMS passes the platform's own check.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSigner, parseCms } from '../platform/signatures/cms-verify.js';
import { loadPkcs12 } from '../platform/signatures/index.js';
import { demoPki } from '../platform/signatures/signatures.test-support.js';
import { createLocalSigningApp, PROTOCOL, type SignRequestInfo } from './local-signing-app.js';

const ORIGIN = 'http://10.0.0.5:3000';
let app: http.Server;
let base = '';
let answer = true;
const asked: SignRequestInfo[] = [];

beforeAll(async () => {
  const pki = await demoPki();
  const signer = await loadPkcs12(pki.person.p12, pki.person.password);
  app = createLocalSigningApp({
    signers: [signer],
    origins: [ORIGIN],
    confirm: async (info) => {
      asked.push(info);
      return answer;
    },
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => app.close(() => resolve())));

const digest = createHash('sha256').update('các byte của văn bản').digest();

async function certificateId(): Promise<string> {
  const r = await fetch(`${base}/`, { headers: { origin: ORIGIN } });
  return ((await r.json()) as { certificates: { id: string }[] }).certificates[0]!.id;
}

const sign = (body: unknown, headers: Record<string, string> = { origin: ORIGIN }) =>
  fetch(`${base}/sign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('reference local signing app', () => {
  it('lists its certificate to the allowed origin, with CORS', async () => {
    const r = await fetch(`${base}/`, { headers: { origin: ORIGIN } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = (await r.json()) as {
      protocol: string;
      certificates: { id: string; name: string; issuer: string }[];
    };
    expect(body.protocol).toBe(PROTOCOL);
    expect(body.certificates).toHaveLength(1);
    expect(body.certificates[0]).toMatchObject({ name: 'Nguyễn Văn An' });
    expect(body.certificates[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(body.certificates[0]!.issuer).toContain('DEMO CA');
  });

  it('answers the CORS and Private Network Access preflight of the allowed origin', async () => {
    const r = await fetch(`${base}/sign`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
        'access-control-request-private-network': 'true',
      },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(r.headers.get('access-control-allow-private-network')).toBe('true');
    expect(r.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('refuses other pages and DNS-rebinding host names', async () => {
    const other = await fetch(`${base}/`, { headers: { origin: 'http://evil.example' } });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await other.json()) as { error: string }).error).toBe('origin_not_allowed');
    // fetch() may not set Host; node:http may, as a rebinding browser effectively does.
    const rebound = await new Promise<number>((resolve, reject) => {
      http
        .get(`${base}/`, { headers: { host: 'evil.example:8765' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(rebound).toBe(403);
    const noOrigin = await sign({ hashAlgorithm: 'SHA-256' }, {});
    expect(noOrigin.status).toBe(403);
  });

  it('signs the digest after the signer agreed: a CMS whose messageDigest is the hash', async () => {
    answer = true;
    const id = await certificateId();
    const r = await sign({
      certificateId: id,
      hashAlgorithm: 'SHA-256',
      hash: digest.toString('base64'),
      document: { title: 'Thông báo lịch tiếp công dân' },
    });
    expect(r.status).toBe(200);
    const { cms } = (await r.json()) as { cms: string };
    const check = checkSigner(parseCms(new Uint8Array(Buffer.from(cms, 'base64'))), {
      sha256: new Uint8Array(digest),
    });
    expect(check).toMatchObject({ valid: true });
    expect(asked.at(-1)).toMatchObject({
      origin: ORIGIN,
      documentTitle: 'Thông báo lịch tiếp công dân',
    });
  });

  it('says cancelled when the signer refuses, and names bad requests', async () => {
    const id = await certificateId();
    answer = false;
    const refused = await sign({
      certificateId: id,
      hashAlgorithm: 'SHA-256',
      hash: digest.toString('base64'),
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: 'cancelled' });
    answer = true;
    const unknown = await sign({
      certificateId: 'x',
      hashAlgorithm: 'SHA-256',
      hash: digest.toString('base64'),
    });
    expect(await unknown.json()).toMatchObject({ error: 'certificate_not_found' });
    const shortHash = await sign({ certificateId: id, hashAlgorithm: 'SHA-256', hash: 'AAAA' });
    expect(shortHash.status).toBe(400);
    const sha1 = await sign({
      certificateId: id,
      hashAlgorithm: 'SHA-1',
      hash: digest.toString('base64'),
    });
    expect(sha1.status).toBe(400);
  });
});
