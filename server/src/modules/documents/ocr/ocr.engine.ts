// OCR of scanned paper documents with Debian's tesseract (`-l vie`) and, for PDFs, poppler's
// pdftoppm. Child processes run through execFile (no shell: file names never reach a command
// line parser), each with the remaining time budget as its timeout, in a temporary directory
// removed afterwards, and one document at a time per process: tesseract is CPU-bound, so
// parallel runs would only slow each other down and the request that started first.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { OcrInputError, OcrTimeoutError, OcrUnavailableError } from './ocr.errors.js';
import { meanConfidence, parseTsv } from './ocr.tsv.js';
import type { OcrContentType, OcrPage, OcrResult } from './ocr.types.js';

/** What this machine can recognise; `message` is Vietnamese, for the registration screen. */
export interface OcrAvailability {
  available: boolean;
  /** Whether scanned PDFs can be read too (pdftoppm present). */
  pdf: boolean;
  languages: string[];
  message: string;
}

/** Options of ocrDocument: pages read from a PDF or TIFF (default 5), time budget (120 s). */
export interface OcrOptions {
  maxPages?: number;
  timeoutMs?: number;
}

const MAX_BYTES = 50 * 1024 * 1024;
const PDF_DPI = 300;
// Below this mean word confidence the page is read again with English added (scans of forms
// with English words or Latin abbreviations); the better of the two readings is kept.
const RETRY_BELOW = 70;
// Measured on 2 cores: one page in 1.2 s with one thread, 3.3 s with tesseract's OpenMP default.
const CHILD_ENV = { ...process.env, OMP_THREAD_LIMIT: '1' };

interface RunError extends Error {
  code?: string | number;
  killed?: boolean;
  stderr?: string;
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; timeout: number },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { ...opts, env: CHILD_ENV, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) reject(Object.assign(err, { stderr }) as RunError);
        else resolve({ stdout, stderr });
      },
    );
  });
}

const missing = (e: unknown) => (e as RunError).code === 'ENOENT';

let probed: Promise<OcrAvailability> | undefined;

/** Whether tesseract with Vietnamese (and pdftoppm) is installed; probed once per process. */
export function ocrAvailability(): Promise<OcrAvailability> {
  probed ??= probe();
  return probed;
}

async function probe(): Promise<OcrAvailability> {
  const install = 'tesseract-ocr, tesseract-ocr-vie, poppler-utils';
  let languages: string[] = [];
  try {
    const { stdout, stderr } = await run('tesseract', ['--list-langs'], { timeout: 15_000 });
    languages = `${stdout}\n${stderr}`
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[a-z_]+$/i.test(l) && l !== 'osd');
  } catch (e) {
    const why = missing(e) ? 'không tìm thấy lệnh tesseract' : (e as Error).message;
    return {
      available: false,
      pdf: false,
      languages: [],
      message: `Chưa cài đặt nhận dạng chữ (tesseract-ocr, tesseract-ocr-vie): ${why}. Quản trị viên cài bằng lệnh "apt-get install ${install}"; trong lúc chờ, văn thư nhập tay các trường.`,
    };
  }
  const pdf = await run('pdftoppm', ['-v'], { timeout: 15_000 }).then(
    () => true,
    (e) => !missing(e),
  );
  if (!languages.includes('vie')) {
    return {
      available: false,
      pdf,
      languages,
      message: `Chưa cài đặt dữ liệu tiếng Việt cho nhận dạng chữ (tesseract-ocr-vie); hiện chỉ có: ${languages.join(', ') || 'không có'}.`,
    };
  }
  return {
    available: true,
    pdf,
    languages,
    message: pdf
      ? 'Sẵn sàng nhận dạng chữ tiếng Việt trên bản quét PDF và ảnh.'
      : 'Sẵn sàng nhận dạng chữ tiếng Việt trên ảnh; chưa đọc được PDF vì chưa cài đặt poppler-utils.',
  };
}

const MAGIC: Record<OcrContentType, { label: string; test: (b: Uint8Array) => boolean }> = {
  'application/pdf': {
    label: 'PDF',
    test: (b) => Buffer.from(b.subarray(0, 1024)).includes('%PDF-'),
  },
  'image/png': { label: 'ảnh PNG', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e },
  'image/jpeg': { label: 'ảnh JPEG', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/tiff': {
    label: 'ảnh TIFF',
    test: (b) =>
      (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
      (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a),
  },
};

// One document at a time per process (see the file comment).
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Recognises the text of a scanned document (PDF, PNG, JPEG or TIFF) in Vietnamese, page by
 * page, with word boxes; throws OcrUnavailableError, OcrInputError or OcrTimeoutError.
 */
export async function ocrDocument(
  file: { bytes: Uint8Array; contentType: OcrContentType },
  opts: OcrOptions = {},
): Promise<OcrResult> {
  const kind = MAGIC[file.contentType];
  if (!kind) throw new OcrInputError('Chỉ nhận dạng được tệp PDF, PNG, JPEG hoặc TIFF.');
  if (file.bytes.length === 0) throw new OcrInputError('Tệp rỗng, không có gì để nhận dạng.');
  if (file.bytes.length > MAX_BYTES) {
    throw new OcrInputError('Tệp lớn hơn 50 MB; hãy quét ở độ phân giải 300 dpi, đen trắng.');
  }
  if (!kind.test(file.bytes)) throw new OcrInputError(`Tệp không phải là ${kind.label} hợp lệ.`);
  const availability = await ocrAvailability();
  if (!availability.available) throw new OcrUnavailableError(availability.message);
  if (file.contentType === 'application/pdf' && !availability.pdf) {
    throw new OcrUnavailableError(availability.message);
  }
  const maxPages = Math.max(1, Math.floor(opts.maxPages ?? 5));
  const timeoutMs = opts.timeoutMs ?? 120_000;
  return serially(async () => {
    const budget = new Budget(timeoutMs);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cqs-ocr-'));
    try {
      const images =
        file.contentType === 'application/pdf'
          ? await rasterisePdf(file.bytes, dir, maxPages, budget)
          : await normaliseImage(file.bytes, dir, maxPages);
      const pages: OcrPage[] = [];
      for (const image of images) {
        pages.push(await recognise(image.path, image.dpi, availability.languages, budget));
      }
      return { pages, text: pages.map((p) => p.text).join('\n\n') };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** The time left of a document's budget, for each child process's timeout. */
class Budget {
  private readonly deadline: number;
  constructor(private readonly ms: number) {
    this.deadline = Date.now() + ms;
  }
  left(): number {
    const ms = this.deadline - Date.now();
    if (ms <= 0) throw this.expired();
    return ms;
  }
  expired(): OcrTimeoutError {
    return new OcrTimeoutError(Math.max(1, Math.ceil(this.ms / 1000)));
  }
}

interface PageImage {
  path: string;
  dpi: number | null;
}

async function rasterisePdf(
  bytes: Uint8Array,
  dir: string,
  maxPages: number,
  budget: Budget,
): Promise<PageImage[]> {
  await writeFile(path.join(dir, 'in.pdf'), bytes);
  const args = ['-r', String(PDF_DPI), '-png', '-f', '1', '-l', String(maxPages), 'in.pdf', 'page'];
  try {
    await run('pdftoppm', args, { cwd: dir, timeout: budget.left() });
  } catch (e) {
    if (e instanceof OcrTimeoutError) throw e;
    if ((e as RunError).killed) throw budget.expired();
    throw new OcrInputError('Không đọc được tệp PDF (tệp hỏng hoặc có mật khẩu).');
  }
  // pdftoppm names pages page-1.png or page-01.png … depending on the page count.
  const files = (await readdir(dir))
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
  if (files.length === 0) throw new OcrInputError('Tệp PDF không có trang nào để nhận dạng.');
  return files.map((f) => ({ path: path.join(dir, f), dpi: PDF_DPI }));
}

/**
 * Images become grey PNGs, turned upright by their EXIF orientation (phone photos), upscaled
 * when too small for tesseract (it wants capitals of 20+ pixels); a TIFF gives one per page.
 */
async function normaliseImage(
  bytes: Uint8Array,
  dir: string,
  maxPages: number,
): Promise<PageImage[]> {
  try {
    const meta = await sharp(bytes).metadata();
    const count = Math.min(meta.pages ?? 1, maxPages);
    const out: PageImage[] = [];
    for (let page = 0; page < count; page++) {
      const { width = 0, height = 0, orientation = 1 } = await sharp(bytes, { page }).metadata();
      const scale = Math.max(width, height) < 2000 ? 2 : 1;
      const dpi = meta.density && meta.density >= 70 ? meta.density * scale : null;
      const ext = meta.format === 'jpeg' ? 'jpg' : meta.format === 'png' ? 'png' : 'tif';
      if (count === 1 && (meta.pages ?? 1) === 1 && scale === 1 && orientation === 1) {
        // Already upright and large enough: tesseract reads the file as it came, which spares
        // a decode and re-encode (seconds for a noisy 300 dpi colour scan).
        const file = path.join(dir, `image-1.${ext}`);
        await writeFile(file, bytes);
        out.push({ path: file, dpi });
        continue;
      }
      const img = sharp(bytes, { page }).rotate().grayscale();
      // Resizing applies after the EXIF rotation, so the upright width is wanted.
      const upright = orientation >= 5 ? height : width;
      if (scale > 1 && upright > 0) img.resize({ width: upright * scale, kernel: 'lanczos3' });
      const file = path.join(dir, `image-${page + 1}.png`);
      await img.png({ compressionLevel: 1 }).toFile(file); // a temporary file: speed over size
      out.push({ path: file, dpi });
    }
    return out;
  } catch {
    throw new OcrInputError('Không đọc được ảnh (tệp hỏng hoặc định dạng không hỗ trợ).');
  }
}

async function tesseract(image: string, lang: string, dpi: number | null, timeout: number) {
  const args = [image, 'stdout', '-l', lang, '--psm', '3'];
  if (dpi) args.push('--dpi', String(Math.round(dpi)));
  const { stdout } = await run('tesseract', [...args, 'tsv'], { timeout });
  const page = parseTsv(stdout)[0] ?? { text: '', words: [], width: 0, height: 0 };
  return page;
}

async function recognise(
  image: string,
  dpi: number | null,
  languages: string[],
  budget: Budget,
): Promise<OcrPage> {
  const attempt = async (lang: string) => {
    try {
      return await tesseract(image, lang, dpi, budget.left());
    } catch (e) {
      if (e instanceof OcrTimeoutError) throw e;
      if ((e as RunError).killed) throw budget.expired();
      if (missing(e)) throw new OcrUnavailableError('Không tìm thấy lệnh tesseract.');
      throw new OcrInputError('Không nhận dạng được trang này (ảnh hỏng hoặc quá lớn).');
    }
  };
  const page = await attempt('vie');
  if (!languages.includes('eng') || meanConfidence(page) >= RETRY_BELOW) return page;
  const mixed = await attempt('vie+eng');
  return meanConfidence(mixed) > meanConfidence(page) ? mixed : page;
}
