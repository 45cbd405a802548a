// The default deployment is plain http on a LAN address, which is not a secure context: there
// browsers leave out crypto.randomUUID, crypto.subtle, navigator.clipboard, service workers,
// and refuse geolocation. The browser spec plain-http.e2e.ts walks the main forms that way;
// this scan catches such a call anywhere else before it ships. The few files allowed to touch
// one of them check for it first and offer another way.
import { describe, expect, it } from 'vitest';

declare global {
  interface ImportMeta {
    /** Vite's glob import (here: every source file's text, read at test time). */
    glob(
      pattern: string[],
      options: { query: '?raw'; import: 'default'; eager: true },
    ): Record<string, string>;
  }
}

/** web/src's files by path relative to web/src, tests left out. */
const SOURCES = import.meta.glob(
  ['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

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

describe('no API that needs a secure context outside the files that guard it', () => {
  it('finds none in web/src', () => {
    const found: string[] = [];
    expect(Object.keys(SOURCES).length).toBeGreaterThan(100);
    for (const [file, text] of Object.entries(SOURCES)) {
      // Vite names the files relative to this folder (web/src/lib).
      const rel = file.startsWith('./') ? `lib/${file.slice(2)}` : file.replace(/^\.\.\//, '');
      // Comments may name an API; only code counts.
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      for (const { api, allowedIn } of SECURE_ONLY) {
        if (api.test(code) && !allowedIn.includes(rel)) found.push(`${rel}: ${api.source}`);
      }
    }
    expect(found).toEqual([]);
  });
});
