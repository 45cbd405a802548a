import { describe, expect, it } from 'vitest';
import { formatSize, MAX_INLINE_BYTES, oversized, toBase64 } from './files.ts';

describe('inline files', () => {
  it('encodes bytes as base64, large ones in chunks', () => {
    expect(toBase64(new TextEncoder().encode('%PDF-1.4'))).toBe('JVBERi0xLjQ=');
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(toBase64(big)).toBe(btoa(Array.from(big, (b) => String.fromCharCode(b)).join('')));
  });

  it('names the files over 15 MB and writes sizes with a decimal comma', () => {
    expect(
      oversized([
        { name: 'a.pdf', size: MAX_INLINE_BYTES },
        { name: 'b.pdf', size: MAX_INLINE_BYTES + 1 },
      ]),
    ).toEqual(['b.pdf']);
    expect(formatSize(532)).toBe('532 B');
    expect(formatSize(12_800)).toBe('12,5 KB');
    expect(formatSize(3_355_443)).toBe('3,2 MB');
  });
});
