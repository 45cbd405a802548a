import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors.js';

/**
 * Files on local disk, content-addressed: a file lives at `<root>/ab/cd/<sha256>`. Client
 * file names never become paths, so there is nothing to traverse; identical uploads share
 * one copy. Writes go to a temporary file, are fsynced, then renamed into place, so a crash
 * never leaves a half-written file under a real name.
 */
export class FileStore {
  constructor(private readonly root: string) {}

  /** Stores bytes; returns their sha256 and size. */
  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomUUID()}.tmp`;
      const fd = fs.openSync(tmp, 'w');
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
    }
    return { sha256, size: bytes.length };
  }

  /** Reads a stored file by its sha256. */
  get(sha256: string): Buffer {
    return fs.readFileSync(this.pathOf(sha256));
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ValidationError('Mã tệp không hợp lệ.');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    mime: 'image/png',
    test: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'application/zip',
    test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  },
];

/** Office formats are zip containers underneath. */
const ZIP_BASED = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/**
 * Checks an upload against the allowed types and size, and that its bytes really are what
 * its declared type says (a renamed executable is refused).
 */
export function checkUpload(
  bytes: Buffer,
  declared: string,
  rules: { accept: string[]; maxSizeMb: number },
): void {
  const mime = declared.split(';')[0]!.trim().toLowerCase();
  if (bytes.length === 0) throw new ValidationError('Tệp rỗng.', [], 'file_empty');
  if (bytes.length > rules.maxSizeMb * 1024 * 1024) {
    throw new ValidationError(`Tệp vượt quá ${rules.maxSizeMb} MB.`, [], 'file_too_large');
  }
  const accepted = rules.accept.some(
    (a) => a === mime || (a.endsWith('/*') && mime.startsWith(a.slice(0, -1))),
  );
  if (!accepted) {
    throw new ValidationError(
      `Loại tệp ${mime} không được chấp nhận (chỉ nhận: ${rules.accept.join(', ')}).`,
      [],
      'file_type_not_allowed',
    );
  }
  const sig = SIGNATURES.find((s) => s.mime === (ZIP_BASED.has(mime) ? 'application/zip' : mime));
  if (sig && !sig.test(bytes)) {
    throw new ValidationError(
      'Nội dung tệp không khớp với định dạng khai báo.',
      [],
      'file_content_mismatch',
    );
  }
}
