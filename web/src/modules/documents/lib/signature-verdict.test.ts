import { describe, expect, it } from 'vitest';
import type { SignatureCheck } from '../api/document.types.ts';
import { MODIFIED_AFTER_SIGNING, readSignature } from './signature-verdict.ts';

const good: SignatureCheck = {
  signer: 'Trương Văn Chỉ',
  signedAt: '2026-03-10T09:30:00+07:00',
  integrity: 'valid',
  chain: 'valid',
  trusted: true,
  coversWholeDocument: true,
  validAtSigningTime: true,
  revocation: 'good',
  modifiedAfter: null,
};

describe('readSignature', () => {
  it('says "Chữ ký hợp lệ" when every check is met, each check a line', () => {
    const r = readSignature(good);
    expect(r.verdict).toBe('valid');
    expect(r.headline).toBe('documents.sig.verdict.valid');
    expect(r.lines.map((l) => [l.key, l.ok])).toEqual([
      ['documents.sig.integrity.valid', true],
      ['documents.sig.chain.valid', true],
      ['documents.sig.trusted.yes', true],
      ['documents.sig.covers.yes', true],
      ['documents.sig.validAt.yes', true],
      ['documents.sig.revocation.good', true],
    ]);
  });

  it('says "Tài liệu bị thay đổi sau khi ký" when the document was changed after signing', () => {
    const r = readSignature({
      ...good,
      coversWholeDocument: false,
      modifiedAfter: MODIFIED_AFTER_SIGNING,
    });
    expect(r.verdict).toBe('invalid');
    expect(r.headline).toBe('documents.sig.verdict.modified');
    expect(r.lines.at(-1)).toEqual({
      key: 'documents.sig.modifiedAfter',
      params: { detail: MODIFIED_AFTER_SIGNING },
      ok: false,
    });
  });

  it('treats a later signature (the seal over the signer) as a note, not a fault', () => {
    const r = readSignature({
      ...good,
      coversWholeDocument: false,
      modifiedAfter: 'Có thêm chữ ký số khác sau chữ ký này',
    });
    expect(r.verdict).toBe('valid');
    expect(r.lines.filter((l) => l.ok === null).map((l) => l.key)).toEqual([
      'documents.sig.covers.no',
      'documents.sig.modifiedAfter',
    ]);
    // Not covering the whole file with nothing said about why: worth a look.
    expect(readSignature({ ...good, coversWholeDocument: false }).headline).toBe(
      'documents.sig.verdict.partial',
    );
  });

  it('refuses a broken signature, a bad chain or a revoked certificate', () => {
    expect(readSignature({ ...good, integrity: 'invalid' }).headline).toBe(
      'documents.sig.verdict.broken',
    );
    expect(readSignature({ ...good, chain: 'invalid' }).headline).toBe(
      'documents.sig.verdict.certBad',
    );
    expect(readSignature({ ...good, revocation: 'revoked' }).headline).toBe(
      'documents.sig.verdict.certBad',
    );
    expect(readSignature({ ...good, validAtSigningTime: false }).verdict).toBe('invalid');
  });

  it('warns when the issuer is not trusted or the chain incomplete; unknown fields are left out', () => {
    const r = readSignature({
      ...good,
      trusted: false,
      chain: 'incomplete',
      validAtSigningTime: undefined,
      revocation: undefined,
    });
    expect(r.verdict).toBe('warning');
    expect(r.headline).toBe('documents.sig.verdict.untrusted');
    expect(r.lines.map((l) => l.key)).toEqual([
      'documents.sig.integrity.valid',
      'documents.sig.chain.incomplete',
      'documents.sig.trusted.no',
      'documents.sig.covers.yes',
    ]);
    expect(readSignature({ ...good, revocation: 'lạ' }).lines.at(-1)).toEqual({
      key: 'documents.sig.revocation.other',
      params: { value: 'lạ' },
      ok: null,
    });
  });
});
