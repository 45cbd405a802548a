// The verifier on the cases a user meets: a chain the CMS leaves incomplete, a time outside
// the certificate's validity, junk in /Contents, an unsigned file, and revocation through a
// CRL and an OCSP responder (openssl ocsp) run locally — plus a CA server that is down.
import { type ChildProcess, spawn } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import './reflect-polyfill.js';
import * as x509 from '@peculiar/x509';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ab, toPem } from './asn1-util.js';
import { assembleCms, rawSign, signedAttributesFor } from './cms.js';
import { issueCertificate } from './demo-ca.js';
import { SignatureError } from './errors.js';
import { embedCms, preparePdfForSigning } from './pades.js';
import { pkcs12Provider, signPdf } from './providers.js';
import {
  type DemoPki,
  demoPki,
  hasBinary,
  missing,
  officialPdf,
  tempDir,
} from './signatures.test-support.js';
import { verifyPdfSignatures } from './verify.js';

const HAS_OPENSSL = hasBinary('openssl');
if (!HAS_OPENSSL) console.warn(missing('openssl'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe('verifyPdfSignatures', () => {
  let pki: DemoPki;
  let unsigned: Uint8Array;
  beforeAll(async () => {
    pki = await demoPki();
    unsigned = (await officialPdf()).pdf;
  });

  it('an unsigned PDF has no signatures; a non-PDF raises a typed error', async () => {
    expect(await verifyPdfSignatures(unsigned, { trustAnchors: [] })).toEqual([]);
    const err = await verifyPdfSignatures(new TextEncoder().encode('%PDF-1.7 rác'), {
      trustAnchors: [],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignatureError);
    expect((err as SignatureError).code).toBe('pdf_malformed');
  });

  it('split API with only the leaf certificate: chain incomplete without anchors, valid with them', async () => {
    const { prepared, digest } = await preparePdfForSigning(unsigned, { signingTime: new Date() });
    const attrs = signedAttributesFor(digest, pki.person.certificate);
    const cms = assembleCms(attrs, rawSign(attrs, pki.person.key), [pki.person.certificate]);
    const signed = embedCms(prepared, cms);
    const [bare] = await verifyPdfSignatures(signed, { trustAnchors: [] });
    expect([bare?.integrity, bare?.chain, bare?.trusted]).toEqual(['valid', 'incomplete', false]);
    const [anchored] = await verifyPdfSignatures(signed, { trustAnchors: [pki.ca.certificatePem] });
    expect([anchored?.integrity, anchored?.chain, anchored?.trusted]).toEqual([
      'valid',
      'valid',
      true,
    ]);
  });

  it('a signing time outside the certificate validity is reported', async () => {
    const signed = await signPdf(
      unsigned,
      pkcs12Provider({ p12: pki.person.p12, password: pki.person.password }),
      {
        signingTime: new Date('2040-01-01T00:00:00Z'),
      },
    );
    const [r] = await verifyPdfSignatures(signed, { trustAnchors: [pki.ca.certificatePem] });
    expect(r?.signedAt).toBe('2040-01-01T07:00:00+07:00');
    expect(r?.validAtSigningTime).toBe(false);
    expect(r?.integrity).toBe('valid');
  });

  it('junk in /Contents is an invalid signature, not a crash', async () => {
    const { prepared } = await preparePdfForSigning(unsigned);
    const signed = embedCms(prepared, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]));
    const [r] = await verifyPdfSignatures(signed, { trustAnchors: [pki.ca.certificatePem] });
    expect([r?.integrity, r?.signer, r?.chain, r?.trusted]).toEqual([
      'invalid',
      '',
      'incomplete',
      false,
    ]);
    expect(r?.problem).toMatch(/CMS/);
  });

  it('damaged files (truncated, bytes flipped, junk signature inserted) never crash the verifier', async () => {
    const signed = await signPdf(
      unsigned,
      pkcs12Provider({ p12: pki.person.p12, password: pki.person.password }),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {}); // pdf-lib narrates its recovery
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.record({ cut: fc.nat({ max: signed.length }) }),
            fc.record({
              flips: fc.array(
                fc.tuple(fc.nat({ max: signed.length - 1 }), fc.integer({ min: 0, max: 255 })),
                { minLength: 1, maxLength: 30 },
              ),
            }),
            fc.record({ insertAt: fc.nat({ max: signed.length }) }),
          ),
          async (m) => {
            let pdf = new Uint8Array(signed);
            if ('cut' in m) pdf = pdf.subarray(0, m.cut);
            if ('flips' in m) for (const [at, v] of m.flips) pdf[at] = v;
            if ('insertAt' in m) {
              const junk = Buffer.from(
                '<< /Type /Sig /ByteRange [0 5 99999999 3] /Contents <3003020105> >>',
              );
              pdf = new Uint8Array(
                Buffer.concat([pdf.subarray(0, m.insertAt), junk, pdf.subarray(m.insertAt)]),
              );
            }
            const started = Date.now();
            const out = await verifyPdfSignatures(pdf, {
              trustAnchors: [pki.ca.certificatePem],
            }).catch((e: unknown) => e);
            expect(Array.isArray(out) || out instanceof SignatureError, String(out)).toBe(true);
            expect(Date.now() - started).toBeLessThan(10_000); // no pathological parse
          },
        ),
        { numRuns: 30, seed: 20250601 },
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('revocation through a CRL: revoked, good, and unknown when the server is down', async () => {
    let crlDer = new Uint8Array();
    const server = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(crlDer),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const crlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo.crl`;
    try {
      const [revoked, good, orphan] = await Promise.all([
        issueCertificate(pki.ca, { profile: 'person', commonName: 'Người bị thu hồi', crlUrl }),
        issueCertificate(pki.ca, { profile: 'person', commonName: 'Người còn hiệu lực', crlUrl }),
        issueCertificate(pki.ca, {
          profile: 'person',
          commonName: 'Máy chủ CRL tắt',
          crlUrl: `http://127.0.0.1:${await freePort()}/x.crl`,
        }),
      ]);
      x509.cryptoProvider.set(webcrypto as unknown as Crypto);
      const crl = await x509.X509CrlGenerator.create({
        issuer: new x509.X509Certificate(ab(pki.ca.certificate)).subjectName,
        signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        signingKey: pki.ca.privateKey,
        nextUpdate: new Date(Date.now() + 86_400_000),
        entries: [
          {
            serialNumber: new x509.X509Certificate(ab(revoked.certificate)).serialNumber,
            revocationDate: new Date(),
          },
        ],
      });
      crlDer = new Uint8Array(crl.rawData);
      const statusOf = async (c: typeof good, check: boolean) => {
        const signed = await signPdf(
          unsigned,
          pkcs12Provider({ p12: c.p12, password: c.password }),
        );
        const [r] = await verifyPdfSignatures(signed, {
          trustAnchors: [pki.ca.certificatePem],
          checkRevocation: check,
          revocationTimeoutMs: 1500,
        });
        return r?.revocation;
      };
      expect(await statusOf(revoked, true)).toBe('revoked');
      expect(await statusOf(good, true)).toBe('good');
      expect(await statusOf(orphan, true)).toBe('unknown');
      expect(await statusOf(revoked, false)).toBe('not_checked');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  describe.skipIf(!HAS_OPENSSL)('revocation through OCSP (openssl ocsp responder)', () => {
    const dir = tempDir();
    let responder: ChildProcess | undefined;
    afterAll(() => {
      responder?.kill();
    });

    it('reports revoked and good from the responder named in the AIA extension', async () => {
      const port = await freePort();
      const ocspUrl = `http://127.0.0.1:${port}`;
      const [revoked, good] = await Promise.all([
        issueCertificate(pki.ca, { profile: 'person', commonName: 'OCSP thu hồi', ocspUrl }),
        issueCertificate(pki.ca, { profile: 'person', commonName: 'OCSP còn hiệu lực', ocspUrl }),
      ]);
      const utcTime = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(2, 14)}Z`; // YYMMDDHHMMSSZ
      const line = (status: 'V' | 'R', c: typeof good) => {
        const cert = new x509.X509Certificate(ab(c.certificate));
        const revokedAt = status === 'R' ? utcTime(new Date(Date.now() - 3_600_000)) : '';
        return `${status}\t${utcTime(cert.notAfter)}\t${revokedAt}\t${cert.serialNumber.toUpperCase()}\tunknown\t/CN=x\n`;
      };
      // index.txt: one line per certificate (V = valid, R = revoked with a revocation date).
      writeFileSync(path.join(dir, 'index.txt'), line('R', revoked) + line('V', good));
      writeFileSync(path.join(dir, 'ca.pem'), pki.ca.certificatePem);
      const caKey = await webcrypto.subtle.exportKey('pkcs8', pki.ca.privateKey);
      writeFileSync(path.join(dir, 'ca.key'), toPem(new Uint8Array(caKey), 'PRIVATE KEY'));
      responder = spawn(
        'openssl',
        [
          'ocsp',
          '-index',
          path.join(dir, 'index.txt'),
          '-port',
          String(port),
          '-rsigner',
          path.join(dir, 'ca.pem'),
          '-rkey',
          path.join(dir, 'ca.key'),
          '-CA',
          path.join(dir, 'ca.pem'),
        ],
        { stdio: 'ignore' },
      );
      await new Promise((r) => setTimeout(r, 700)); // let it bind
      const statusOf = async (c: typeof good) => {
        const signed = await signPdf(
          unsigned,
          pkcs12Provider({ p12: c.p12, password: c.password }),
        );
        const [r] = await verifyPdfSignatures(signed, {
          trustAnchors: [pki.ca.certificatePem],
          checkRevocation: true,
          revocationTimeoutMs: 3000,
        });
        return r?.revocation;
      };
      expect(await statusOf(revoked)).toBe('revoked');
      expect(await statusOf(good)).toBe('good');
    });
  });
});
