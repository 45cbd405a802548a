import { describe, expect, it } from 'vitest';
import { cmsBase64 } from './cms-file.ts';

const der = new Uint8Array([0x30, 0x82, 0x01, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const b64 = btoa(String.fromCharCode(...der));

describe('cmsBase64', () => {
  it('reads DER, PEM and bare base64 alike', () => {
    expect(cmsBase64(der)).toBe(b64);
    const pem = `-----BEGIN PKCS7-----\n${b64.slice(0, 10)}\n${b64.slice(10)}\n-----END PKCS7-----\n`;
    expect(cmsBase64(new TextEncoder().encode(pem))).toBe(b64);
    expect(cmsBase64(new TextEncoder().encode(`${b64}\n`))).toBe(b64);
  });

  it('refuses what is no signature', () => {
    expect(cmsBase64(new Uint8Array())).toBeNull();
    expect(cmsBase64(new TextEncoder().encode('%PDF-1.7 không phải chữ ký'))).toBeNull();
  });
});
