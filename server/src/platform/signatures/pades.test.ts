// End to end, checked by independent verifiers: a pdfkit document signed by the person, then
// sealed by the organisation, then read by Debian's pdfsig (poppler + NSS), OpenSSL and our
// verifier; then broken on purpose to see all of them notice.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, type PDFRef, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealOverSignature } from './appearance.js';
import { SignatureError } from './errors.js';
import { appendIncrement, objectBytes, readTrailer } from './incremental.js';
import { embedCms, preparePdfForSigning } from './pades.js';
import { pkcs12Provider, signPdf } from './providers.js';
import {
  type DemoPki,
  demoPki,
  extractSignatures,
  hasBinary,
  missing,
  officialPdf,
  opensslVerify,
  pdfsig,
  pdfsigBlocks,
  sealPng,
  signaturePng,
  tempDir,
} from './signatures.test-support.js';
import { isoVietnam, MODIFIED_AFTER, verifyPdfSignatures } from './verify.js';
import { xrefRedirects } from './xref-check.js';

const HAS_PDFSIG = hasBinary('pdfsig');
const HAS_OPENSSL = hasBinary('openssl');
if (!HAS_PDFSIG) console.warn(missing('pdfsig'));
if (!HAS_OPENSSL) console.warn(missing('openssl'));

describe('PAdES: the person signs, then the organisation seals', () => {
  const dir = tempDir();
  let pki: DemoPki;
  let original: Uint8Array;
  let signed1: Uint8Array;
  let signed2: Uint8Array;
  let sigRect: [number, number, number, number];
  let sealRect: [number, number, number, number];
  const sealedAt = new Date();

  beforeAll(async () => {
    pki = await demoPki();
    const doc = await officialPdf();
    original = doc.pdf;
    sigRect = doc.signatureRect;
    signed1 = await signPdf(
      original,
      pkcs12Provider({ p12: pki.person.p12, password: pki.person.password }),
      {
        reason: 'Ký ban hành văn bản',
        location: 'Xã Thử Nghiệm',
        signingTime: new Date(),
        appearance: {
          page: 0,
          rect: sigRect,
          images: [{ png: await signaturePng(), rect: [0, 0, 120, 90] }],
        },
      },
    );
    const seal = sealOverSignature({
      page: 0,
      signatureRect: sigRect,
      seal: await sealPng(),
      // ND 30: organisation name and signing time, ISO 8601 in Vietnam time.
      lines: ['UBND xã Thử Nghiệm', `Thời gian ký: ${isoVietnam(sealedAt)}`],
    });
    sealRect = seal.rect;
    signed2 = await signPdf(
      signed1,
      pkcs12Provider({ p12: pki.seal.p12, password: pki.seal.password }),
      {
        reason: 'Đóng dấu phát hành',
        signingTime: sealedAt,
        appearance: seal,
      },
    );
    writeFileSync(path.join(dir, 'signed2.pdf'), signed2);
  });

  it('appends: the original and the first signed version are unchanged prefixes', () => {
    expect(Buffer.from(signed1.subarray(0, original.length)).equals(Buffer.from(original))).toBe(
      true,
    );
    expect(Buffer.from(signed2.subarray(0, signed1.length)).equals(Buffer.from(signed1))).toBe(
      true,
    );
    expect(signed2.length).toBeGreaterThan(signed1.length);
  });

  it('places the seal over the left third of the signature image', () => {
    const sealImageRight = sealRect[2]; // the seal image is the right end of its box
    const third = (sigRect[2] - sigRect[0]) / 3;
    expect(sealImageRight - sigRect[0]).toBeCloseTo(third, 5);
  });

  it('our verifier: both intact, chain complete, trusted only with the demo CA as anchor', async () => {
    const trusted = await verifyPdfSignatures(signed2, { trustAnchors: [pki.ca.certificatePem] });
    expect(
      trusted.map((r) => [r.signer, r.integrity, r.chain, r.trusted, r.validAtSigningTime]),
    ).toEqual([
      ['Nguyễn Văn An', 'valid', 'valid', true, true],
      ['UBND xã Thử Nghiệm', 'valid', 'valid', true, true],
    ]);
    expect(trusted[0]?.coversWholeDocument).toBe(false);
    expect(trusted[0]?.modifiedAfter).toBe(MODIFIED_AFTER.signatures);
    expect(trusted[1]?.coversWholeDocument).toBe(true);
    expect(trusted[1]?.modifiedAfter).toBeNull();
    expect(trusted[1]?.signedAt).toBe(isoVietnam(sealedAt)); // /M round-trips, +07:00
    expect(trusted[0]?.subFilter).toBe('ETSI.CAdES.detached');
    expect(trusted[0]?.signedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(trusted[0]?.revocation).toBe('not_checked');
    const untrusted = await verifyPdfSignatures(signed2, { trustAnchors: [] });
    expect(untrusted.map((r) => [r.integrity, r.chain, r.trusted])).toEqual([
      ['valid', 'valid', false],
      ['valid', 'valid', false],
    ]);
  });

  it.skipIf(!HAS_PDFSIG)(
    'pdfsig reports both signatures valid, the signers, and the seal covering the whole file',
    () => {
      const report = pdfsig(signed2, dir);
      const blocks = pdfsigBlocks(report);
      expect(blocks, report).toHaveLength(2);
      const [first, second] = blocks as [string, string];
      expect(first).toContain('Signer Certificate Common Name: Nguyễn Văn An');
      expect(first).toContain('Signature Validation: Signature is Valid.');
      expect(first).toContain('Not total document signed');
      expect(first).toContain('Signature Type: ETSI.CAdES.detached');
      expect(second).toContain('Signer Certificate Common Name: UBND xã Thử Nghiệm');
      expect(second).toContain('Signature Validation: Signature is Valid.');
      expect(second).toMatch(/^\s*- Total document signed$/m);
      // The demo CA is not in NSS' store: expected, and proof pdfsig did look at the chain.
      expect(first).toMatch(
        /Certificate Validation: Certificate issuer (isn't Trusted|is unknown)/,
      );
    },
  );

  it.skipIf(!HAS_PDFSIG)(
    'pdftotext finds the Vietnamese lines of the seal box as real text',
    () => {
      const file = path.join(dir, 'signed2.pdf');
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('UBND xã Thử Nghiệm');
      expect(text).toContain(`Thời gian ký: ${isoVietnam(sealedAt)}`);
    },
  );

  it.skipIf(!HAS_OPENSSL)(
    'openssl cms -verify accepts each CMS over its byte range with the demo CA',
    () => {
      const sigs = extractSignatures(signed2);
      expect(sigs).toHaveLength(2);
      for (const s of sigs) {
        const [ok, out] = opensslVerify(s.cms, s.covered, pki.ca.certificatePem, dir);
        expect(ok, out).toBe(true);
      }
      // …and rejects it with another CA (the check is not vacuous).
      const [ok] = opensslVerify(
        sigs[0]?.cms ?? new Uint8Array(),
        sigs[0]?.covered ?? new Uint8Array(),
        pki.seal.certificatePem,
        dir,
      );
      expect(ok).toBe(false);
    },
  );

  it('one byte changed inside the first signed range: both verifiers say invalid', async () => {
    const tampered = new Uint8Array(signed2);
    // A byte of the original page content stream (compressed data: the file still parses).
    const at = Buffer.from(original).indexOf('stream\n') + 'stream\n'.length + 5;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const reports = await verifyPdfSignatures(tampered, { trustAnchors: [pki.ca.certificatePem] });
    expect(reports[0]?.integrity).toBe('invalid');
    expect(reports[0]?.problem).toMatch(/không khớp/);
    expect(reports[1]?.integrity).toBe('invalid'); // the seal covers the same bytes
    if (HAS_PDFSIG) {
      const blocks = pdfsigBlocks(pdfsig(tampered, dir));
      expect(blocks[0]).not.toContain('Signature is Valid.');
      expect(blocks[0]).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    }
  });

  it('an incremental update that is not a signature: not whole document, "changed after signing"', async () => {
    const doc = await PDFDocument.load(signed2, { updateMetadata: false });
    const page = doc.getPages()[0];
    if (!page) throw new Error('no page');
    const existing = new Set(doc.context.enumerateIndirectObjects().map(([r]) => r));
    const stamp = doc.context.flateStream('q 1 0 0 rg 60 60 200 40 re f Q'); // a red box
    const stampRef = doc.context.register(stamp);
    const contents = page.node.get(PDFName.of('Contents'));
    page.node.set(PDFName.of('Contents'), doc.context.obj([contents as PDFRef, stampRef]));
    expect(existing.has(page.ref)).toBe(true);
    const { pdf: changed } = appendIncrement(signed2, readTrailer(signed2), [
      { ref: page.ref, body: objectBytes(page.node) },
      { ref: stampRef, body: objectBytes(stamp) },
    ]);
    const reports = await verifyPdfSignatures(changed, { trustAnchors: [pki.ca.certificatePem] });
    expect(reports.map((r) => [r.integrity, r.coversWholeDocument, r.modifiedAfter])).toEqual([
      ['valid', false, MODIFIED_AFTER.modified],
      ['valid', false, MODIFIED_AFTER.modified],
    ]);
    if (HAS_PDFSIG) {
      const blocks = pdfsigBlocks(pdfsig(changed, dir));
      expect(blocks[1]).toContain('Not total document signed');
      expect(blocks[1]).toContain('Signature is Valid.');
    }
  });

  it('an update that only re-points an object through its xref ("shadow" attack) is a change', async () => {
    const t = readTrailer(signed1);
    const rootNum = (t.root as PDFRef).objectNumber;
    const text = Buffer.from(signed1).toString('latin1');
    const defs = [...text.matchAll(/(?<![\d])(\d+) 0 obj\b/g)].map(
      (m) => [Number(m[1]), m.index ?? 0] as const,
    );
    const other = defs.find(([n]) => n !== rootNum);
    const rootAt = defs.filter(([n]) => n === rootNum).pop();
    if (!other || !rootAt) throw new Error('fixture');
    const update = (offset: number) => {
      const xrefAt = signed1.length;
      const tail = `xref\n${rootNum} 1\n${String(offset).padStart(10, '0')} 00000 n\r\ntrailer\n<< /Size ${t.size} /Root ${t.root.toString()} /Prev ${t.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
      return new Uint8Array(Buffer.concat([signed1, Buffer.from(tail, 'latin1')]));
    };
    // Re-listing the object where it already is (full-table writers do that) is harmless…
    const relisted = update(rootAt[1]);
    expect(xrefRedirects(relisted, signed1.length, relisted.length)).toBe(false);
    // …pointing it at other signed bytes is not, though no object changed.
    const shadow = update(other[1]);
    expect(xrefRedirects(shadow, signed1.length, shadow.length)).toBe(true);
    const [r] = await verifyPdfSignatures(shadow, { trustAnchors: [pki.ca.certificatePem] });
    expect([r?.integrity, r?.coversWholeDocument, r?.modifiedAfter]).toEqual([
      'valid',
      false,
      MODIFIED_AFTER.modified,
    ]);
  });

  it('signs a PDF that uses a cross-reference stream (pdf-lib output) twice', async () => {
    const d = await PDFDocument.create();
    const font = await d.embedFont(StandardFonts.Helvetica);
    d.addPage([595, 842]).drawText('Xref stream input', { x: 72, y: 760, font, size: 14 });
    const input = await d.save({ useObjectStreams: true });
    expect(Buffer.from(input).toString('latin1')).toContain('/XRef');
    expect(readTrailer(input).kind).toBe('stream');
    const once = await signPdf(
      input,
      pkcs12Provider({ p12: pki.person.p12, password: pki.person.password }),
    );
    expect(readTrailer(once).kind).toBe('stream');
    const twice = await signPdf(
      once,
      pkcs12Provider({ p12: pki.seal.p12, password: pki.seal.password }),
      {
        appearance: {
          page: 0,
          rect: [300, 300, 500, 360],
          lines: ['Đã đóng dấu — UBND xã Thử Nghiệm'],
        },
      },
    );
    const reports = await verifyPdfSignatures(twice, { trustAnchors: [pki.ca.certificatePem] });
    expect(reports.map((r) => [r.integrity, r.trusted, r.coversWholeDocument])).toEqual([
      ['valid', true, false],
      ['valid', true, true],
    ]);
    if (HAS_PDFSIG) {
      const blocks = pdfsigBlocks(pdfsig(twice, dir));
      expect(blocks).toHaveLength(2);
      for (const b of blocks) expect(b).toContain('Signature is Valid.');
    }
  });

  it('refuses a duplicate field name, an oversized CMS and a file that is not a PDF', async () => {
    await expect(preparePdfForSigning(signed2, { fieldName: 'ChuKy1' })).rejects.toMatchObject({
      code: 'pdf_field_exists',
    });
    const { prepared } = await preparePdfForSigning(signed2, { contentsSize: 16 });
    expect(() => embedCms(prepared, new Uint8Array(17))).toThrow(SignatureError);
    await expect(preparePdfForSigning(new TextEncoder().encode('not a pdf'))).rejects.toMatchObject(
      { code: 'pdf_malformed' },
    );
    await expect(
      verifyPdfSignatures(new Uint8Array([1, 2, 3]), { trustAnchors: [] }),
    ).rejects.toMatchObject({ code: 'pdf_malformed' });
  });
});
