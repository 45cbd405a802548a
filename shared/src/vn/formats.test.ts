import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalPhone, isCitizenId, isTaxCode } from './formats.ts';

describe('Vietnamese formats', () => {
  it('checks citizen IDs', () => {
    expect(isCitizenId('089301001234')).toBe(true);
    expect(isCitizenId('000301001234')).toBe(false); // no province 000
    expect(isCitizenId('099301001234')).toBe(false);
    expect(isCitizenId('08930100123')).toBe(false);
    expect(isCitizenId('08930100123a')).toBe(false);
  });
  it('canonicalises mobile numbers', () => {
    expect(canonicalPhone('+84 912 345 678')).toBe('0912345678');
    expect(canonicalPhone('84912345678')).toBe('0912345678');
    expect(canonicalPhone('0912.345.678')).toBe('0912345678');
    expect(canonicalPhone('0212345678')).toBeNull();
    expect(canonicalPhone('091234567')).toBeNull();
  });
  it('canonicalisation is idempotent', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^0[35789]\d{8}$/),
        (p) => canonicalPhone(canonicalPhone(`+84${p.slice(1)}`)!) === p,
      ),
    );
  });
  it('checks tax codes', () => {
    expect(isTaxCode('1600123456')).toBe(true);
    expect(isTaxCode('1600123456-001')).toBe(true);
    expect(isTaxCode('160012345')).toBe(false);
  });
});
