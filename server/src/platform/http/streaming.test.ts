import { describe, expect, it } from 'vitest';
import { readyStream } from './streaming.js';

async function text(s: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const chunk of s) out += chunk;
  return out;
}

describe('a streamed answer starts only after its first page', () => {
  it('rejects before answering when the first page fails (a 400 or 500 problem, not a cut 200)', async () => {
    async function* lines() {
      yield 'header\n';
      throw new Error('query failed');
    }
    await expect(readyStream(lines())).rejects.toThrow('query failed');
  });

  it('streams every line, the prefetched ones first, and ends with short outputs too', async () => {
    async function* lines(n: number) {
      for (let i = 0; i < n; i++) yield `${i}\n`;
    }
    expect(await text(await readyStream(lines(5)))).toBe('0\n1\n2\n3\n4\n');
    expect(await text(await readyStream(lines(1)))).toBe('0\n');
    expect(await text(await readyStream(lines(0)))).toBe('');
  });
});
