// The XML-DSig of an edXML package (interop.md "edXML (QCVN 102:2016)": an enveloped Signature
// over the header, by the sending system): what we sign verifies with an independent tool
// (Debian's xmlsec1), survives parse → build byte for byte, and our check tells valid, altered
// (invalid), unsigned (not_signed) and signed outside the trust anchors (untrusted) apart.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoCa,
  issueCertificate,
  type KeyAndChain,
  loadPkcs12,
} from '../../../platform/signatures/index.js';
import {
  hasBinary,
  missing,
  tempDir,
} from '../../../platform/signatures/signatures.test-support.js';
import { buildEdxml } from './edxml.build.js';
import { parseEdxml } from './edxml.parse.js';
import { buildSignedEdxml, verifyEdxmlSignature } from './edxml.signature.js';
import { fullPackage } from './edxml.test-support.js';

const NOW = new Date();
let anchor: string;
let seal: KeyAndChain;
let stranger: KeyAndChain;
let strangerAnchor: string;
const dir = tempDir();

beforeAll(async () => {
  const ca = await createDemoCa();
  anchor = ca.certificatePem;
  const issued = await issueCertificate(ca, {
    profile: 'organization',
    commonName: 'UBND xã Thử Nghiệm',
    organization: 'UBND xã Thử Nghiệm',
  });
  seal = await loadPkcs12(issued.p12, issued.password);
  // Another CA, not among the anchors: a self-made "seal" of whoever.
  const other = await createDemoCa();
  strangerAnchor = other.certificatePem;
  const fake = await issueCertificate(other, {
    profile: 'organization',
    commonName: 'UBND xã Thử Nghiệm',
    organization: 'UBND xã Thử Nghiệm',
  });
  stranger = await loadPkcs12(fake.p12, fake.password);
});

const unsignedPackage = () => ({ ...fullPackage(), signature: null });

describe('buildSignedEdxml', () => {
  it('signs the header with the seal: enveloped, C14N 1.0, RSA-SHA256, X509Certificate', () => {
    const xml = buildSignedEdxml(unsignedPackage(), seal);
    const header = xml.slice(
      xml.indexOf('<edXML:edXMLHeader>'),
      xml.indexOf('</edXML:edXMLHeader>'),
    );
    // The Signature is the last child of the header.
    expect(header).toMatch(
      /<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">[\s\S]*<\/Signature>\n\s*$/,
    );
    expect(xml).toContain('Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"');
    expect(xml).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
    expect(xml).toContain('Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"');
    expect(xml).toContain('<Reference URI="">');
    expect(xml).toContain(
      `<X509Certificate>${Buffer.from(seal.chain[0]!).toString('base64')}</X509Certificate>`,
    );
    const check = verifyEdxmlSignature(xml, [anchor], NOW);
    expect(check).toMatchObject({
      status: 'valid',
      integrity: 'valid',
      chain: 'valid',
      trusted: true,
      coversWholePackage: true,
      signer: 'UBND xã Thử Nghiệm',
      problem: null,
    });
  });

  it.skipIf(!hasBinary('xmlsec1'))(
    'verifies with xmlsec1 (independent implementation) against the CA',
    () => {
      const xml = buildSignedEdxml(unsignedPackage(), seal);
      const file = path.join(dir, 'signed.xml');
      const ca = path.join(dir, 'ca.pem');
      writeFileSync(file, xml);
      writeFileSync(ca, anchor);
      const run = () =>
        spawnSync('xmlsec1', ['--verify', '--trusted-pem', ca, file], { encoding: 'utf8' });
      const ok = run();
      expect(ok.stderr).toMatch(/^OK$/m);
      expect(ok.status).toBe(0);
      // And xmlsec1 says FAIL once a header byte changes.
      writeFileSync(file, xml.replace(fullPackage().subject, `${fullPackage().subject}.`));
      const bad = run();
      expect(bad.stderr).toMatch(/^FAIL$/m);
      expect(bad.status).not.toBe(0);
    },
  );
  if (!hasBinary('xmlsec1')) it.skip(missing('xmlsec1'), () => {});

  it('survives parse → build byte for byte (the import → export round trip)', () => {
    const xml = buildSignedEdxml(unsignedPackage(), seal);
    const back = parseEdxml(xml);
    expect(back.signature).toMatch(/^<Signature /);
    expect(buildEdxml(back)).toBe(xml);
    expect(verifyEdxmlSignature(buildEdxml(back), [anchor], NOW).status).toBe('valid');
  });
});

describe('verifyEdxmlSignature', () => {
  it('a byte of the header changed after signing → invalid, said plainly', () => {
    const xml = buildSignedEdxml(unsignedPackage(), seal);
    const subject = fullPackage().subject;
    expect(xml).toContain(subject);
    const altered = xml.replace(subject, `${subject.slice(0, -1)}X`);
    const check = verifyEdxmlSignature(altered, [anchor], NOW);
    expect(check.status).toBe('invalid');
    expect(check.integrity).toBe('invalid');
    expect(check.trusted).toBe(false);
    expect(check.message).toContain('KHÔNG hợp lệ');
    expect(check.problem).toContain('bị thay đổi');
  });

  it('an attachment changed → invalid too (the Reference covers the whole package)', () => {
    const xml = buildSignedEdxml(unsignedPackage(), seal);
    const m = /<edXML:ContentTransferEncoded>([A-Za-z0-9+/])/.exec(xml)!;
    const i = m.index + m[0].length - 1;
    const altered = xml.slice(0, i) + (m[1] === 'A' ? 'B' : 'A') + xml.slice(i + 1);
    expect(verifyEdxmlSignature(altered, [anchor], NOW).status).toBe('invalid');
  });

  it('a package without Signature → not_signed', () => {
    const check = verifyEdxmlSignature(buildEdxml(unsignedPackage()), [anchor], NOW);
    expect(check).toMatchObject({ status: 'not_signed', integrity: null, signer: null });
    expect(check.message).toBe('Gói tin không có chữ ký số.');
  });

  it('signed by a certificate outside the trust anchors → untrusted (intact, not trusted)', () => {
    const xml = buildSignedEdxml(unsignedPackage(), stranger);
    const check = verifyEdxmlSignature(xml, [anchor], NOW);
    expect(check).toMatchObject({ status: 'untrusted', integrity: 'valid', trusted: false });
    expect(check.problem).toBeTruthy();
    // The same package is valid for a receiver who trusts that CA.
    expect(verifyEdxmlSignature(xml, [strangerAnchor], NOW).status).toBe('valid');
  });

  it('a certificate past its validity → untrusted', () => {
    const xml = buildSignedEdxml(unsignedPackage(), seal);
    const later = new Date(NOW.getTime() + 20 * 365 * 86_400_000);
    const check = verifyEdxmlSignature(xml, [anchor], later);
    expect(check.status).toBe('untrusted');
    expect(check.problem).toContain('hết hạn');
  });

  it('a garbage Signature (the fixture one) → invalid, not an exception', () => {
    const check = verifyEdxmlSignature(buildEdxml(fullPackage()), [anchor], NOW);
    expect(check.status).toBe('invalid');
  });

  it('a Signature over another element only does not pass for a signed header', () => {
    // Sign, then move the signed Reference to a made-up Id that is not the header's: the
    // signature no longer matches (xml-crypto finds no element) → invalid.
    const xml = buildSignedEdxml(unsignedPackage(), seal).replace(
      '<Reference URI="">',
      '<Reference URI="#elsewhere">',
    );
    expect(verifyEdxmlSignature(xml, [anchor], NOW).status).toBe('invalid');
  });
});
