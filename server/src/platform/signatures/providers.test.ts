// The three signer kinds: a remote HTTP signing service (both contract modes, against a
// local server that behaves like an HSM: it signs a hash it is given), and the deferred
// USB-token flow with a CMS made outside the server by `openssl cms -sign`.
import { constants, createHash, privateEncrypt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDigest } from './cms.js';
import { coveredBytes } from './pades.js';
import { deferredProvider, remoteProvider, signPdf } from './providers.js';
import {
  type DemoPki,
  demoPki,
  hasBinary,
  missing,
  officialPdf,
  openssl,
  pdfsig,
  pdfsigBlocks,
  signaturePng,
  tempDir,
} from './signatures.test-support.js';
import { verifyPdfSignatures } from './verify.js';

const HAS_OPENSSL = hasBinary('openssl');
const HAS_PDFSIG = hasBinary('pdfsig');
if (!HAS_OPENSSL) console.warn(missing('openssl'));
if (!HAS_PDFSIG) console.warn(missing('pdfsig'));

// DER DigestInfo header for SHA-256 (RFC 8017 §9.2 note 1): an HSM's "sign this hash".
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

describe('remote signing service (HTTP JSON contract)', () => {
  const dir = tempDir();
  let pki: DemoPki;
  let server: http.Server;
  let url: string;
  const seen: Record<string, unknown>[] = [];
  let behaviour: 'ok' | 'refuse' | 'wrong-key' = 'ok';

  beforeAll(async () => {
    pki = await demoPki();
    const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', async () => {
        const json = JSON.parse(body) as Record<string, string>;
        seen.push(json);
        const reply = (status: number, o: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(o));
        if (behaviour === 'refuse') return reply(403, { error: 'Người ký đã từ chối yêu cầu' });
        if (json.signer !== 'chu-tich') return reply(404, { error: 'Không có người ký này' });
        if (json.action === 'certificates')
          return reply(200, { certificates: pki.person.chain.map(b64) });
        const hash = Buffer.from(json.hash ?? '', 'base64');
        if (json.hashKind === 'signedAttributes') {
          const key = behaviour === 'wrong-key' ? pki.seal.key : pki.person.key;
          const signature = privateEncrypt(
            { key, padding: constants.RSA_PKCS1_PADDING },
            Buffer.concat([SHA256_DIGEST_INFO, hash]),
          );
          return reply(200, {
            signature: signature.toString('base64'),
            certificates: pki.person.chain.map(b64),
          });
        }
        const cms = await signDigest(new Uint8Array(hash), {
          key: pki.person.key,
          chain: pki.person.chain,
        });
        return reply(200, { cms: b64(cms) });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sign`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('"signature" mode: asks for the chain, sends the hash of our signed attributes, assembles the CMS', async () => {
    behaviour = 'ok';
    seen.length = 0;
    const { pdf } = await officialPdf();
    const signed = await signPdf(
      pdf,
      remoteProvider({ url, signer: 'chu-tich', mode: 'signature' }),
    );
    expect(seen.map((s) => s.action)).toEqual(['certificates', 'sign']);
    expect(seen[1]).toMatchObject({
      hashAlgorithm: 'SHA-256',
      hashKind: 'signedAttributes',
      signer: 'chu-tich',
    });
    expect(Buffer.from(String(seen[1]?.hash), 'base64')).toHaveLength(32);
    const [r] = await verifyPdfSignatures(signed, { trustAnchors: [pki.ca.certificatePem] });
    expect([r?.signer, r?.integrity, r?.trusted]).toEqual(['Nguyễn Văn An', 'valid', true]);
    if (HAS_PDFSIG) expect(pdfsigBlocks(pdfsig(signed, dir))[0]).toContain('Signature is Valid.');
  });

  it('"cms" mode: sends the document hash and embeds the returned CMS', async () => {
    behaviour = 'ok';
    seen.length = 0;
    const { pdf } = await officialPdf();
    const signed = await signPdf(pdf, remoteProvider({ url, signer: 'chu-tich', mode: 'cms' }), {
      signerName: 'Nguyễn Văn An',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ action: 'sign', hashKind: 'document' });
    const [r] = await verifyPdfSignatures(signed, { trustAnchors: [pki.ca.certificatePem] });
    expect([r?.integrity, r?.chain, r?.trusted]).toEqual(['valid', 'valid', true]);
  });

  it('a refusal or a signature from the wrong key becomes remote_signer_failed with a Vietnamese message', async () => {
    const { pdf } = await officialPdf();
    behaviour = 'refuse';
    await expect(
      signPdf(pdf, remoteProvider({ url, signer: 'chu-tich', mode: 'cms' })),
    ).rejects.toMatchObject({
      code: 'remote_signer_failed',
      detail: 'Dịch vụ ký số từ xa lỗi: Người ký đã từ chối yêu cầu',
    });
    behaviour = 'wrong-key';
    await expect(
      signPdf(
        pdf,
        remoteProvider({
          url,
          signer: 'chu-tich',
          mode: 'signature',
          certificates: pki.person.chain,
        }),
      ),
    ).rejects.toMatchObject({
      code: 'remote_signer_failed',
    });
    behaviour = 'ok';
    await expect(
      signPdf(
        pdf,
        remoteProvider({ url: 'http://127.0.0.1:1/', signer: 'x', mode: 'cms', timeoutMs: 2000 }),
      ),
    ).rejects.toMatchObject({
      code: 'remote_signer_failed',
    });
  });
});

describe.skipIf(!HAS_OPENSSL)(
  'deferred (USB token) flow with a CMS made by openssl cms -sign',
  () => {
    const dir = tempDir();
    let pki: DemoPki;
    beforeAll(async () => {
      pki = await demoPki();
      writeFileSync(path.join(dir, 'cert.pem'), pki.person.certificatePem);
      writeFileSync(path.join(dir, 'key.pem'), pki.person.keyPem);
      writeFileSync(path.join(dir, 'ca.pem'), pki.ca.certificatePem);
    });

    /** What the client tool does: sign the covered bytes with its own (OpenSSL) CMS code. */
    function clientSigns(content: Uint8Array): Uint8Array {
      const input = path.join(dir, 'covered.bin');
      const out = path.join(dir, 'client.p7s');
      writeFileSync(input, content);
      // Detached by default; -cades adds ESS signing-certificate-v2, as CAdES wants.
      openssl([
        'cms',
        '-sign',
        '-binary',
        '-in',
        input,
        '-signer',
        path.join(dir, 'cert.pem'),
        '-inkey',
        path.join(dir, 'key.pem'),
        '-certfile',
        path.join(dir, 'ca.pem'),
        '-outform',
        'DER',
        '-nosmimecap',
        '-md',
        'sha256',
        '-cades',
        '-out',
        out,
      ]);
      return new Uint8Array(readFileSync(out));
    }

    it('begin → hash for the client; complete ← CMS: pdfsig and our verifier accept the result', async () => {
      const { pdf, signatureRect } = await officialPdf();
      const provider = deferredProvider();
      const session = await provider.begin(pdf, {
        signerName: 'Nguyễn Văn An',
        appearance: {
          page: 0,
          rect: signatureRect,
          images: [{ png: await signaturePng(), rect: [0, 0, 120, 90] }],
        },
      });
      const covered = coveredBytes(session.prepared, session.byteRange);
      expect(session.hash).toBe(createHash('sha256').update(covered).digest('base64'));
      const signed = await provider.complete(session.prepared, clientSigns(covered));
      const [r] = await verifyPdfSignatures(signed, { trustAnchors: [pki.ca.certificatePem] });
      expect([r?.signer, r?.integrity, r?.chain, r?.trusted, r?.coversWholeDocument]).toEqual([
        'Nguyễn Văn An',
        'valid',
        'valid',
        true,
        true,
      ]);
      if (HAS_PDFSIG) {
        const [block] = pdfsigBlocks(pdfsig(signed, dir));
        expect(block).toContain('Signature is Valid.');
        expect(block).toContain('Total document signed');
      }
    });

    it('refuses a CMS over other bytes instead of embedding a broken signature', async () => {
      const { pdf } = await officialPdf();
      const provider = deferredProvider();
      const session = await provider.begin(pdf);
      const wrong = clientSigns(new TextEncoder().encode('không phải tài liệu này'));
      await expect(provider.complete(session.prepared, wrong)).rejects.toMatchObject({
        code: 'cms_malformed',
      });
      await expect(
        provider.complete(session.prepared, new Uint8Array([0x30, 0x03, 1, 2, 3])),
      ).rejects.toMatchObject({ code: 'cms_malformed' });
    });
  },
);
