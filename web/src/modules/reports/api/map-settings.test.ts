import { describe, expect, it } from 'vitest';
import { effectiveTiles } from './map-settings.ts';

describe('effectiveTiles', () => {
  it("prefers the server's tile server, then the build's, else none", () => {
    const server = { tileUrl: 'https://t.example.vn/{z}/{x}/{y}.png', attribution: '© T' };
    const build = { url: 'https://b.example.vn/{z}/{x}/{y}.png', attribution: '© B' };
    expect(effectiveTiles(server, build)).toEqual({
      tileUrl: server.tileUrl,
      tileAttribution: '© T',
    });
    expect(effectiveTiles({ tileUrl: null, attribution: null }, build)).toEqual({
      tileUrl: build.url,
      tileAttribution: '© B',
    });
    expect(effectiveTiles(undefined, {})).toEqual({
      tileUrl: undefined,
      tileAttribution: undefined,
    });
  });
});
