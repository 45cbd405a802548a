import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUuid, submissionKey } from './idempotency.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('submissionKey', () => {
  it('keeps the key for the same body and renews it when the body changes', () => {
    let n = 0;
    const make = () => `k${++n}`;
    const first = submissionKey(null, '{"a":1}', make);
    expect(first.key).toBe('k1');
    expect(submissionKey(first, '{"a":1}', make)).toBe(first);
    expect(submissionKey(first, '{"a":2}', make).key).toBe('k2');
  });
});

describe('randomUuid', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes distinct v4 UUIDs', () => {
    const a = randomUuid();
    expect(a).toMatch(V4);
    expect(randomUuid()).not.toBe(a);
  });

  it('needs only getRandomValues, as a page on plain http (no randomUUID there) offers', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    expect(randomUuid()).toMatch(V4);
    expect(submissionKey(null, '{}').key).toMatch(V4);
  });
});
