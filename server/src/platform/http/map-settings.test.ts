import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.js';
import { loadConfig } from '../config.js';
import { tileSources } from './create-server.js';

describe('map tile settings', () => {
  it('none by default: plain background, no extra image source', async () => {
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/map-settings' });
      expect(res.json()).toEqual({ tileUrl: null, attribution: null });
      expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:;");
    } finally {
      await t.close();
    }
  });

  it('MAP_TILE_URL reaches the web app and the CSP lets its images in', async () => {
    const t = await createTestApp({
      config: {
        mapTileUrl: 'https://{s}.tile.example.vn/{z}/{x}/{y}.png',
        mapTileAttribution: '© Bản đồ Việt Nam',
      },
    });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/map-settings' });
      expect(res.json()).toEqual({
        tileUrl: 'https://{s}.tile.example.vn/{z}/{x}/{y}.png',
        attribution: '© Bản đồ Việt Nam',
      });
      expect(res.headers['content-security-policy']).toContain('https://*.tile.example.vn');
    } finally {
      await t.close();
    }
  });

  it('refuses a tile URL that is not a template, and keeps CSP sources tight', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'javascript:alert(1)' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tile.example.vn/a.png' })).toThrow();
    expect(loadConfig({ MAP_TILE_URL: 'http://10.0.0.5:8080/{z}/{x}/{y}.png' }).mapTileUrl).toBe(
      'http://10.0.0.5:8080/{z}/{x}/{y}.png',
    );
    expect(tileSources('http://10.0.0.5:8080/{z}/{x}/{y}.png')).toEqual(['http://10.0.0.5:8080']);
    expect(tileSources('https://a;b.example/{z}')).toEqual([]);
    expect(tileSources(undefined)).toEqual([]);
  });
});
