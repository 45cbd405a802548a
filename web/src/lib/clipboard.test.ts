import { describe, expect, it } from 'vitest';
import { copyText } from './clipboard.ts';

describe('copyText', () => {
  it('copies through the clipboard, and says when it cannot (no page to fall back on here)', async () => {
    let written = '';
    const clipboard = {
      writeText: async (text: string) => {
        written = text;
      },
    };
    expect(await copyText('k', clipboard)).toBe(true);
    expect(written).toBe('k');
    expect(await copyText('k', { writeText: () => Promise.reject(new Error('denied')) })).toBe(
      false,
    );
    expect(await copyText('k', null)).toBe(false);
  });
});
