// PKCS#12 in JavaScript, cross-checked with OpenSSL both ways (ours read by `openssl pkcs12`,
// OpenSSL's — modern AES and legacy 3DES — read by ours), and the demo CA's certificates.
import { createPublicKey, X509Certificate as NodeX509 } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import './reflect-polyfill.js';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { ab } from './asn1-util.js';
import { DEMO_CA_NAME, issueCertificate, loadCa } from './demo-ca.js';
import { loadPkcs12, makePkcs12, pkcs12Kdf } from './pkcs12.js';
import {
  type DemoPki,
  demoPki,
  hasBinary,
  missing,
  openssl,
  tempDir,
} from './signatures.test-support.js';

const HAS_OPENSSL = hasBinary('openssl');
if (!HAS_OPENSSL) console.warn(missing('openssl'));
const spki = (k: Parameters<typeof createPublicKey>[0]) =>
  createPublicKey(k).export({ type: 'spki', format: 'der' });

describe('PKCS#12 and the demo CA', () => {
  const dir = tempDir();
  let pki: DemoPki;
  beforeAll(async () => {
    pki = await demoPki();
  });

  it('PKCS#12 KDF matches the RFC 7292 reference vector', () => {
    // Known answer (used by Bouncy Castle and OpenSSL test suites): SHA-1, "smeg", id 1.
    const key = pkcs12Kdf('sha1', 'smeg', Buffer.from('0a58cf64530d823f', 'hex'), 1, 1, 24);
    expect(key.toString('hex')).toBe('8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3');
  });

  it('round-trips: the key matches the leaf and the chain runs leaf → root', async () => {
    const { key, chain } = await loadPkcs12(pki.person.p12, pki.person.password);
    expect(chain).toHaveLength(2);
    expect(spki(key)).toEqual(
      new NodeX509(chain[0] ?? new Uint8Array()).publicKey.export({ type: 'spki', format: 'der' }),
    );
    expect(Buffer.from(chain[1] ?? []).equals(Buffer.from(pki.ca.certificate))).toBe(true);
  });

  it('a wrong password or a broken file gives a typed error', async () => {
    await expect(loadPkcs12(pki.person.p12, 'sai mật khẩu')).rejects.toMatchObject({
      code: 'pkcs12_bad_password',
    });
    await expect(loadPkcs12(new Uint8Array([1, 2, 3]), 'x')).rejects.toMatchObject({
      code: 'pkcs12_invalid',
    });
  });

  it.skipIf(!HAS_OPENSSL)(
    'openssl reads ours (Vietnamese password) and we read OpenSSL’s, AES and legacy 3DES',
    async () => {
      const password = 'Mật khẩu thử';
      const ours = makePkcs12(pki.seal.key, pki.seal.chain, password, { friendlyName: 'Dấu UBND' });
      writeFileSync(path.join(dir, 'ours.p12'), ours);
      const keyPem = openssl([
        'pkcs12',
        '-in',
        path.join(dir, 'ours.p12'),
        '-passin',
        `pass:${password}`,
        '-nocerts',
        '-nodes',
      ]).toString();
      expect(spki(keyPem)).toEqual(spki(pki.seal.key));
      expect(() =>
        openssl(['pkcs12', '-in', path.join(dir, 'ours.p12'), '-passin', 'pass:wrong', '-nokeys']),
      ).toThrow();

      writeFileSync(path.join(dir, 'key.pem'), pki.seal.keyPem);
      writeFileSync(path.join(dir, 'chain.pem'), pki.seal.chainPem);
      const variants: Record<string, string[]> = {
        aes: [],
        legacy: ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'],
      };
      for (const [name, extra] of Object.entries(variants)) {
        const file = path.join(dir, `${name}.p12`);
        openssl([
          'pkcs12',
          '-export',
          '-inkey',
          path.join(dir, 'key.pem'),
          '-in',
          path.join(dir, 'chain.pem'),
          '-passout',
          `pass:${password}`,
          '-out',
          file,
          ...extra,
        ]);
        const loaded = await loadPkcs12(new Uint8Array(readFileSync(file)), password);
        expect(spki(loaded.key), name).toEqual(spki(pki.seal.key));
        expect(
          loaded.chain.map((c) => Buffer.from(c).toString('hex')),
          name,
        ).toEqual(pki.seal.chain.map((c) => Buffer.from(c).toString('hex')));
      }
    },
  );

  it('demo certificates say "demo" and carry digitalSignature + nonRepudiation', () => {
    const ca = new x509.X509Certificate(ab(pki.ca.certificate));
    expect(ca.subjectName.getField('O')).toEqual([DEMO_CA_NAME.organization]);
    expect(ca.subject).toContain('CA THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ');
    for (const c of [pki.person, pki.seal]) {
      const cert = new x509.X509Certificate(ab(c.certificate));
      const ku = cert.getExtension(x509.KeyUsagesExtension);
      expect(ku?.critical).toBe(true);
      expect(ku?.usages).toBe(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
      );
      expect(cert.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
      expect(new NodeX509(c.certificate).verify(new NodeX509(pki.ca.certificate).publicKey)).toBe(
        true,
      );
    }
    expect(new x509.X509Certificate(ab(pki.person.certificate)).subjectName.getField('CN')).toEqual(
      ['Nguyễn Văn An'],
    );
  });

  it('a CA stored as PKCS#12 at first start can be reloaded and issue again', async () => {
    const ca = await loadCa(pki.ca.p12, pki.ca.password);
    expect(Buffer.from(ca.certificate).equals(Buffer.from(pki.ca.certificate))).toBe(true);
    const later = await issueCertificate(ca, { profile: 'person', commonName: 'Lê Thị Cúc' });
    expect(new NodeX509(later.certificate).verify(new NodeX509(pki.ca.certificate).publicKey)).toBe(
      true,
    );
  });
});
