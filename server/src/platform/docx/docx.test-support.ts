// Opens generated .docx files in the tests: one part of the zip, and LibreOffice's PDF of it.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';

const run = promisify(execFile);

/** The text of one entry of a zip archive (a .docx part such as word/document.xml). */
export function readZipEntry(zip: Buffer, name: string): string {
  // End of central directory: the last "PK\5\6" record, at most 64 KiB of comment after it.
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt central directory');
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`no ${name} in the archive`);
}

/**
 * Converts .docx files to PDF with LibreOffice headless, in one run, with a throw-away
 * profile so parallel runs (and a desktop LibreOffice) do not clash. Returns the PDFs in order.
 */
export async function convertWithLibreOffice(docs: Buffer[]): Promise<Buffer[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cqs-docx-'));
  const profile = path.join(os.tmpdir(), `lo-${randomUUID()}`);
  try {
    const files = await Promise.all(
      docs.map(async (doc, i) => {
        const file = path.join(dir, `doc-${i}.docx`);
        await writeFile(file, doc);
        return file;
      }),
    );
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files,
      ],
      { timeout: 110_000 },
    );
    return await Promise.all(files.map((f) => readFile(f.replace(/\.docx$/, '.pdf'))));
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
