// The CMS itself: PAdES B-B attributes (and only those), accepted by `openssl cms -verify
// -cades` (which checks the ESS signing-certificate-v2 binding), and B-T against a real
// RFC 3161 TSA: `openssl ts -reply` behind a local HTTP server.
import { execFile } from 'node:child_process';
import { createHash, webcrypto } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import './reflect-polyfill.js';
import * as x509 from '@peculiar/x509';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OID, parseDer, toPem } from './asn1-util.js';
import { signDigest, signedAttributesFor } from './cms.js';
import { attributeValue, parseCms } from './cms-verify.js';
import { pkcs12Provider, signPdf } from './providers.js';
import {
  type DemoPki,
  demoPki,
  extractSignatures,
  hasBinary,
  missing,
  officialPdf,
  openssl,
  pdfsig,
  pdfsigBlocks,
  tempDir,
} from './signatures.test-support.js';
import { requestTimestamp, verifyTimestampToken } from './timestamp.js';
import { verifyPdfSignatures } from './verify.js';

const HAS_OPENSSL = hasBinary('openssl');
if (!HAS_OPENSSL) console.warn(missing('openssl'));
const sha256 = (b: Uint8Array | string) => new Uint8Array(createHash('sha256').update(b).digest());

describe('signed attributes (PAdES B-B)', () => {
  const dir = tempDir();
  let pki: DemoPki;
  beforeAll(async () => {
    pki = await demoPki();
  });

  it('are contentType, messageDigest and signing-certificate-v2, in DER order, without signingTime', () => {
    const digest = sha256('nội dung');
    const der = signedAttributesFor(digest, pki.person.certificate);
    const set = parseDer(der, 'attrs') as asn1js.Set;
    const attrs = set.valueBlock.value.map((v) => new pkijs.Attribute({ schema: v }));
    expect(attrs.map((a) => a.type).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    expect(attrs.some((a) => a.type === OID.signingTime)).toBe(false);
    const encodings = set.valueBlock.value.map((v) => Buffer.from(v.toBER(false)));
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings); // DER SET OF order
    const md = attrs.find((a) => a.type === OID.messageDigest)?.values[0] as asn1js.OctetString;
    expect(new Uint8Array(md.valueBlock.valueHexView)).toEqual(digest);
    // ESSCertIDv2.certHash = SHA-256 of the signer's certificate
    const scv2 = attrs.find((a) => a.type === OID.signingCertificateV2)
      ?.values[0] as asn1js.Sequence;
    const essCertId = (scv2.valueBlock.value[0] as asn1js.Sequence).valueBlock
      .value[0] as asn1js.Sequence;
    const certHash = essCertId.valueBlock.value[0] as asn1js.OctetString;
    expect(new Uint8Array(certHash.valueBlock.valueHexView)).toEqual(
      sha256(pki.person.certificate),
    );
  });

  it('rejects a digest that is not SHA-256', () => {
    expect(() => signedAttributesFor(new Uint8Array(20), pki.person.certificate)).toThrow(
      /SHA-256/,
    );
  });

  it.skipIf(!HAS_OPENSSL)(
    'openssl cms -verify -cades accepts RSA and ECDSA signatures',
    async () => {
      const content = new TextEncoder().encode('Văn bản thử nghiệm');
      writeFileSync(path.join(dir, 'content.bin'), content);
      writeFileSync(path.join(dir, 'ca.pem'), pki.ca.certificatePem);
      const rsa = await signDigest(sha256(content), {
        key: pki.person.key,
        chain: pki.person.chain,
      });
      // A self-signed ECDSA P-256 signer, to cover the other key type.
      x509.cryptoProvider.set(webcrypto as unknown as Crypto);
      const ecAlg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
      const ecKeys = (await webcrypto.subtle.generateKey(ecAlg, true, [
        'sign',
        'verify',
      ])) as CryptoKeyPair;
      const ecCert = await x509.X509CertificateGenerator.createSelfSigned({
        name: 'CN=EC thử nghiệm',
        keys: ecKeys,
        signingAlgorithm: ecAlg,
        extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
      });
      const ecDer = new Uint8Array(ecCert.rawData);
      writeFileSync(path.join(dir, 'ec.pem'), toPem(ecDer));
      const ec = await signDigest(sha256(content), { key: ecKeys.privateKey, chain: [ecDer] });
      for (const [cms, ca] of [
        [rsa, 'ca.pem'],
        [ec, 'ec.pem'],
      ] as const) {
        writeFileSync(path.join(dir, 'sig.der'), cms);
        const out = openssl([
          'cms',
          '-verify',
          '-cades',
          '-binary',
          '-inform',
          'DER',
          '-in',
          path.join(dir, 'sig.der'),
          '-content',
          path.join(dir, 'content.bin'),
          '-CAfile',
          path.join(dir, ca),
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ]);
        expect(out).toBeDefined();
      }
      // Changed content: OpenSSL must refuse (the test can fail).
      writeFileSync(path.join(dir, 'content.bin'), 'Văn bản khác');
      expect(() =>
        openssl([
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          path.join(dir, 'sig.der'),
          '-content',
          path.join(dir, 'content.bin'),
          '-CAfile',
          path.join(dir, 'ec.pem'),
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ]),
      ).toThrow();
    },
  );
});

describe.skipIf(!HAS_OPENSSL)(
  'PAdES B-T with a local RFC 3161 time-stamp authority (openssl ts -reply)',
  () => {
    const dir = tempDir();
    let pki: DemoPki;
    let server: http.Server;
    let tsaUrl: string;

    beforeAll(async () => {
      pki = await demoPki();
      writeFileSync(path.join(dir, 'tsa.pem'), pki.tsa.certificatePem);
      writeFileSync(path.join(dir, 'tsa.key'), pki.tsa.keyPem);
      writeFileSync(path.join(dir, 'ca.pem'), pki.ca.certificatePem);
      writeFileSync(path.join(dir, 'tsaserial'), '01\n');
      writeFileSync(
        path.join(dir, 'ts.cnf'),
        `[ tsa ]\ndefault_tsa = tsa_config1\n[ tsa_config1 ]\ndir = ${dir}\nserial = $dir/tsaserial\ncrypto_device = builtin\nsigner_cert = $dir/tsa.pem\ncerts = $dir/ca.pem\nsigner_key = $dir/tsa.key\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256, sha384, sha512\naccuracy = secs:1\nordering = yes\ntsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n`,
      );
      let n = 0;
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', async () => {
          if (req.headers['content-type'] !== 'application/timestamp-query') {
            res.writeHead(400).end();
            return;
          }
          const q = path.join(dir, `q${++n}.tsq`);
          const r = path.join(dir, `r${n}.tsr`);
          writeFileSync(q, Buffer.concat(chunks));
          try {
            await promisify(execFile)('openssl', [
              'ts',
              '-reply',
              '-config',
              path.join(dir, 'ts.cnf'),
              '-queryfile',
              q,
              '-out',
              r,
            ]);
            res
              .writeHead(200, { 'content-type': 'application/timestamp-reply' })
              .end(readFileSync(r));
          } catch (e) {
            res.writeHead(500).end(String(e));
          }
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      tsaUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('time-stamps the signature; our verifier, pdfsig and openssl ts -verify accept it', async () => {
      const { pdf } = await officialPdf();
      const signed = await signPdf(
        pdf,
        pkcs12Provider({ p12: pki.seal.p12, password: pki.seal.password, tsa: { url: tsaUrl } }),
      );
      const [report] = await verifyPdfSignatures(signed, { trustAnchors: [pki.ca.certificatePem] });
      expect(report?.integrity).toBe('valid');
      expect(report?.timestamp).toMatchObject({
        integrity: 'valid',
        coversSignature: true,
        trusted: true,
        tsa: 'Demo TSA - Chinh quyen so',
      });
      expect(report?.signedAtSource).toBe('timestamp');
      expect(report?.signedAt).toBe(report?.timestamp?.time);
      // The token, checked by OpenSSL against the signature value it should cover.
      const { cms } = extractSignatures(signed)[0] ?? { cms: new Uint8Array() };
      const parsed = parseCms(cms);
      const token = attributeValue(parsed.signerInfo.unsignedAttrs, OID.timeStampToken);
      expect(token).toBeDefined();
      writeFileSync(
        path.join(dir, 'token.der'),
        new Uint8Array(token?.toBER(false) ?? new ArrayBuffer(0)),
      );
      writeFileSync(
        path.join(dir, 'sigvalue.bin'),
        new Uint8Array(parsed.signerInfo.signature.valueBlock.valueHexView),
      );
      openssl([
        'ts',
        '-verify',
        '-data',
        path.join(dir, 'sigvalue.bin'),
        '-in',
        path.join(dir, 'token.der'),
        '-token_in',
        '-CAfile',
        path.join(dir, 'ca.pem'),
        '-untrusted',
        path.join(dir, 'tsa.pem'),
      ]);
      writeFileSync(path.join(dir, 'sigvalue.bin'), 'a different signature');
      expect(() =>
        openssl([
          'ts',
          '-verify',
          '-data',
          path.join(dir, 'sigvalue.bin'),
          '-in',
          path.join(dir, 'token.der'),
          '-token_in',
          '-CAfile',
          path.join(dir, 'ca.pem'),
          '-untrusted',
          path.join(dir, 'tsa.pem'),
        ]),
      ).toThrow();
      if (hasBinary('pdfsig')) {
        const [block] = pdfsigBlocks(pdfsig(signed, dir));
        expect(block).toContain('Signature is Valid.');
      }
    });

    it('a time-stamp over another signature value is reported as not covering it', async () => {
      const token = await requestTimestamp(new Uint8Array([1, 2, 3]), { url: tsaUrl });
      const check = verifyTimestampToken(token, new Uint8Array([1, 2, 4]));
      expect(check.integrity).toBe(true);
      expect(check.imprintMatches).toBe(false);
    });

    it('a TSA that is down or answers garbage gives tsa_failed, not a crash', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      await expect(
        requestTimestamp(new Uint8Array([1]), {
          url: `http://127.0.0.1:${port}/`,
          timeoutMs: 2000,
        }),
      ).rejects.toMatchObject({ code: 'tsa_failed' });
      const junk = http.createServer((_q, res) => res.end('not DER'));
      await new Promise<void>((resolve) => junk.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(junk.address() as AddressInfo).port}/`;
      await expect(requestTimestamp(new Uint8Array([1]), { url })).rejects.toMatchObject({
        code: 'tsa_failed',
      });
      await new Promise<void>((resolve) => junk.close(() => resolve()));
    });
  },
);
