/// <reference types="node" />
// The default deployment is plain http on a LAN address, which is not a secure context: there
// browsers leave out crypto.randomUUID, crypto.subtle, navigator.clipboard, service workers,
// and refuse geolocation. The browser spec plain-http.e2e.ts walks the main forms that way;
// this scan catches such a call anywhere else before it ships. The few files allowed to touch
// one of them check for it first and offer another way.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..');

const SECURE_ONLY: { api: RegExp; allowedIn: string[] }[] = [
  { api: /\brandomUUID\b/, allowedIn: [] },
  { api: /\bcrypto\.subtle\b/, allowedIn: [] },
  { api: /\bserviceWorker\b/, allowedIn: [] },
  { api: /\bnavigator\.(credentials|share|usb|bluetooth|serial|hid)\b/, allowedIn: [] },
  { api: /\bgetUserMedia\b|\bmediaDevices\b/, allowedIn: [] },
  // Falls back to a selection and execCommand('copy') without it.
  { api: /\bnavigator\??\.clipboard\b/, allowedIn: ['lib/clipboard.ts'] },
  // Offered only when window.isSecureContext; a hint and the map otherwise.
  { api: /\bgeolocation\b/, allowedIn: ['modules/reports/components/LocationFields.tsx'] },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('no API that needs a secure context outside the files that guard it', () => {
  it('finds none in web/src', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      // Comments may name an API; only code counts.
      const code = fs
        .readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      for (const { api, allowedIn } of SECURE_ONLY) {
        if (api.test(code) && !allowedIn.includes(rel)) found.push(`${rel}: ${api.source}`);
      }
    }
    expect(found).toEqual([]);
  });
});
