// Fixtures for the signature tests: a pdfkit document laid out like an ND 30 signature block,
// the two transparent PNGs (handwritten signature, red seal) drawn from SVG with sharp (no
// binary committed), a demo PKI made once per test file, and wrappers around the independent
// checkers (Debian's pdfsig, OpenSSL).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll } from 'vitest';
import type { Rect } from './appearance.js';
import { firstTlvLength } from './asn1-util.js';
import {
  type CreatedCa,
  createDemoCa,
  type IssuedCertificate,
  issueCertificate,
} from './demo-ca.js';
import { coveredBytes } from './pades.js';

const require = createRequire(import.meta.url);
const TINOS = require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');

/** Whether a command-line tool is installed (tests needing it are skipped, loudly, if not). */
export function hasBinary(name: string): boolean {
  return spawnSync('which', [name]).status === 0;
}

/** A temporary directory removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cqs-sig-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const A4_HEIGHT = 841.89;

/** The test document and where its signature image goes (between title and name). */
export interface OfficialPdf {
  pdf: Uint8Array;
  /** Box for the person's signature image, page coordinates. */
  signatureRect: Rect;
}

/** An A4 pdfkit document: heading, body, and a signature block "CHỦ TỊCH" … "Nguyễn Văn An". */
export async function officialPdf(): Promise<OfficialPdf> {
  const doc = new PDFDocument({
    size: 'A4',
    font: TINOS,
    info: { Title: 'Quyết định thử nghiệm' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.fontSize(13).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
  doc.moveDown(2).text('QUYẾT ĐỊNH về việc thử nghiệm chữ ký số trên văn bản điện tử.', 72);
  // Signature block in the right half: title at y=600, name at y=720 (top-down).
  doc.text('CHỦ TỊCH', 350, 600, { width: 180, align: 'center' });
  doc.text('Nguyễn Văn An', 350, 720, { width: 180, align: 'center' });
  doc.end();
  const pdf = new Uint8Array(await done);
  // Centred under the title, between the two lines (PDF coordinates are bottom-up).
  return { pdf, signatureRect: [380, A4_HEIGHT - 712, 500, A4_HEIGHT - 622] };
}

/** The person's handwritten signature: a blue stroke on transparent background. */
export async function signaturePng(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="225"><path d="M10 170 C 60 40, 90 40, 110 150 S 170 50, 200 130 S 260 190, 290 60" stroke="#1a3fb0" stroke-width="7" fill="none"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** The organisation's seal: red rings and star on transparent background. */
export async function sealPng(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="92" stroke="#d01010" stroke-width="8" fill="none"/><circle cx="100" cy="100" r="70" stroke="#d01010" stroke-width="3" fill="none"/><polygon points="100,45 113,85 155,85 121,108 134,150 100,125 66,150 79,108 45,85 87,85" fill="#d01010"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** A demo PKI: root CA, a person (Chủ tịch), the organisation seal, and a TSA. */
export interface DemoPki {
  ca: CreatedCa;
  person: IssuedCertificate;
  seal: IssuedCertificate;
  tsa: IssuedCertificate;
}

/** Creates the demo PKI (RSA 2048: a few hundred ms). */
export async function demoPki(): Promise<DemoPki> {
  const ca = await createDemoCa();
  const [person, seal, tsa] = await Promise.all([
    issueCertificate(ca, {
      profile: 'person',
      commonName: 'Nguyễn Văn An',
      title: 'Chủ tịch',
      organization: 'UBND xã Thử Nghiệm',
    }),
    issueCertificate(ca, {
      profile: 'organization',
      commonName: 'UBND xã Thử Nghiệm',
      organization: 'UBND xã Thử Nghiệm',
    }),
    issueCertificate(ca, { profile: 'tsa', commonName: 'Demo TSA - Chinh quyen so' }),
  ]);
  return { ca, person, seal, tsa };
}

/** Runs pdfsig on a PDF and returns its report (stdout and stderr). */
export function pdfsig(pdf: Uint8Array, dir: string): string {
  const file = path.join(dir, `pdfsig-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

/** The report blocks of pdfsig, one per signature. */
export function pdfsigBlocks(report: string): string[] {
  return report.split(/^Signature #\d+:$/m).slice(1);
}

/** Every /ByteRange's covered bytes and DER CMS, found textually (independent of our parser). */
export function extractSignatures(pdf: Uint8Array): { covered: Uint8Array; cms: Uint8Array }[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => {
    const br = m.slice(1, 5).map(Number) as [number, number, number, number];
    const hex = text.slice(br[1] + 1, br[2] - 1);
    const raw = new Uint8Array(Buffer.from(hex, 'hex'));
    return { covered: coveredBytes(pdf, br), cms: raw.subarray(0, firstTlvLength(raw)) };
  });
}

/** `openssl cms -verify` of a detached CMS over `covered`; returns [ok, output]. */
export function opensslVerify(
  cms: Uint8Array,
  covered: Uint8Array,
  caPem: string,
  dir: string,
): [boolean, string] {
  const id = Math.random().toString(36).slice(2);
  const [c, d, ca] = ['cms', 'bin', 'pem'].map((e) => path.join(dir, `v-${id}.${e}`)) as [
    string,
    string,
    string,
  ];
  writeFileSync(c, cms);
  writeFileSync(d, covered);
  writeFileSync(ca, caPem);
  const r = spawnSync(
    'openssl',
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      c,
      '-content',
      d,
      '-CAfile',
      ca,
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ],
    { encoding: 'utf8' },
  );
  return [r.status === 0, `${r.stdout}${r.stderr}`];
}

/** Runs openssl with arguments; throws with its stderr on failure. */
export function openssl(args: string[], input?: Uint8Array): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Message for a skipped external-tool test, so a missing binary is never a silent pass. */
export function missing(tool: string): string {
  return `SKIPPED: '${tool}' is not installed (apt-get install ${tool === 'pdfsig' ? 'poppler-utils' : tool})`;
}
