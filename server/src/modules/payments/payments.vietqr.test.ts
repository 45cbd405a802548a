import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildVietQrPayload,
  compactCode,
  decodeVietQr,
  PURPOSE_MAX,
  qrSvgDataUrl,
  transferReference,
  vietQrBank,
  vietQrBanks,
} from './payments.vietqr.js';

describe('transfer reference', () => {
  it('names the dossier in upper-case ASCII within the purpose field', () => {
    expect(transferReference('000.00.12.H01-261123-0001')).toBe('000.00.12.H01-261123-0001');
    expect(transferReference('H01-0001')).toBe('LE PHI HS H01-0001');
    expect(transferReference('XA-2026-11-000123')).toBe('HS XA-2026-11-000123');
    // Diacritics folded (bank apps drop them); too long even alone → letters and digits.
    expect(transferReference('Đà-Nẵng.2026.11.23.000000001')).toBe('DANANG20261123000000001');
  });
});

describe('VietQR payload', () => {
  it('decodes back to bank, account, amount and reference', () => {
    const payload = buildVietQrPayload({
      bankBin: '970415',
      accountNumber: '0000000883',
      amount: 50_000,
      reference: transferReference('000.00.12.H01-261123-0001'),
    });
    expect(decodeVietQr(payload)).toEqual({
      bankBin: '970415',
      accountNumber: '0000000883',
      amount: 50_000,
      reference: '000.00.12.H01-261123-0001',
    });
    // Dynamic QR (point of initiation 12: one payment, with its amount).
    expect(payload.startsWith('000201010212')).toBe(true);
  });

  it('round-trips any dossier code and amount (law)', () => {
    const code = fc
      .array(fc.constantFrom(...'ABCDHX0123456789.-'), { minLength: 6, maxLength: 30 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(code, fc.integer({ min: 1, max: 10_000_000_000 }), (c, amount) => {
        const reference = transferReference(c);
        expect(reference.length).toBeLessThanOrEqual(PURPOSE_MAX);
        expect(reference).toMatch(/^[A-Z0-9 .-]+$/);
        const decoded = decodeVietQr(
          buildVietQrPayload({ bankBin: '970436', accountNumber: '1234567890', amount, reference }),
        );
        expect(decoded).toEqual({
          bankBin: '970436',
          accountNumber: '1234567890',
          amount,
          reference,
        });
        // The webhook can find the code again: verbatim, or as its letters and digits.
        const names = reference.includes(c) || compactCode(reference).includes(compactCode(c));
        expect(names || compactCode(c).length > PURPOSE_MAX).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('renders the QR code as an SVG data URL', async () => {
    const url = await qrSvgDataUrl('00020101021238');
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString()).toContain('<svg');
  });

  it('knows the NAPAS banks by BIN', () => {
    expect(vietQrBank('970415')?.shortName).toBe('VietinBank');
    expect(vietQrBank('123456')).toBeNull();
    const banks = vietQrBanks();
    expect(banks.length).toBeGreaterThan(30);
    expect(banks.every((b) => vietQrBank(b.bin) !== null)).toBe(true);
  });
});
