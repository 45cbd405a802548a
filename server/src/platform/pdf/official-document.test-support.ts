// Fixtures and readers for the official-document tests (PDF and DOCX): a kế hoạch and a
// công văn with Vietnamese diacritics, and poppler's pdftotext to read what was printed.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OfficialDocumentLayout } from './official-layout.js';

const run = promisify(execFile);

/** The kế hoạch of the culture office: "Số: 05/KH-UBND", Long Xuyên, 05/3/2026. */
export const SAMPLE_PLAN: OfficialDocumentLayout = {
  parentBody: 'UBND thành phố Long Xuyên',
  issuingBody: 'Phòng Văn hóa và Thông tin',
  number: '5',
  symbol: 'KH-UBND',
  place: 'Long Xuyên',
  date: '2026-03-05',
  typeTitle: 'Kế hoạch',
  summary: 'Tổ chức Ngày hội Văn hóa các dân tộc năm 2026',
  body: {
    paragraphs: [
      'Căn cứ Quyết định số 12/QĐ-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân thành phố về việc ban hành chương trình công tác năm 2026;',
      { text: 'I. MỤC ĐÍCH, YÊU CẦU', bold: true },
      'Tuyên truyền, quảng bá những giá trị văn hóa đặc sắc của đồng bào Kinh, Hoa, Khmer, Chăm trên địa bàn; tạo không khí phấn khởi, đoàn kết trong Nhân dân.',
      { text: '1. Thời gian, địa điểm', bold: true },
      'Ngày 19 tháng 4 năm 2026, tại Quảng trường Long Xuyên.',
    ],
  },
  signature: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Nguyễn Văn Ẩn' },
  recipients: ['Sở Văn hóa, Thể thao và Du lịch', 'Thường trực Thành ủy', 'Các phường, xã'],
  archive: 'VT, VHTT',
};

/** A công văn: no type title, "V/v …" under the number, "Kính gửi:" before the body. */
export const SAMPLE_LETTER: OfficialDocumentLayout = {
  parentBody: 'UBND tỉnh An Giang',
  issuingBody: 'UBND thành phố Long Xuyên',
  number: '128',
  symbol: 'UBND-VP',
  place: 'Long Xuyên',
  date: '2026-01-09',
  typeTitle: null,
  summary: 'triển khai dịch vụ công trực tuyến toàn trình',
  addressees: ['Ủy ban nhân dân các phường, xã'],
  body: {
    paragraphs: [
      'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về chuyển đổi số, Ủy ban nhân dân thành phố đề nghị các đơn vị khẩn trương rà soát, cập nhật quy trình nội bộ của từng thủ tục hành chính.',
      'Báo cáo kết quả thực hiện về Văn phòng HĐND và UBND thành phố trước ngày 20 tháng 01 năm 2026.',
    ],
  },
  signature: { authority: 'KT. Chủ tịch', title: 'Phó Chủ tịch', name: 'Trần Thị Bích Ngọc' },
  recipients: ['Như trên', 'Chủ tịch, các Phó Chủ tịch UBND thành phố'],
  archive: 'VT, VP',
};

/** The plan with `count` numbered paragraphs, long enough to fill several pages. */
export function longPlan(count = 40): OfficialDocumentLayout {
  const paragraphs = Array.from(
    { length: count },
    (_, i) =>
      `${i + 1}. Ủy ban nhân dân các phường, xã chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức thực hiện nội dung thứ ${i + 1} của kế hoạch; định kỳ hằng tháng báo cáo kết quả, khó khăn, vướng mắc về Phòng Văn hóa và Thông tin để tổng hợp.`,
  );
  return { ...SAMPLE_PLAN, body: { paragraphs } };
}

/** Whether a command is on the PATH (pdftotext, soffice). */
export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A word of `pdftotext -bbox`: coordinates in points, origin top-left of the page. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

async function withPdfFile<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cqs-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout` of each page (split on form feeds). */
export function pdfLayoutPages(pdf: Buffer): Promise<string[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    return stdout.split('\f').slice(0, -1);
  });
}

/** Every word with its box (`pdftotext -bbox`), pages counted from 0. */
export function pdfWords(pdf: Buffer): Promise<PdfWord[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
    const words: PdfWord[] = [];
    let page = -1;
    const re =
      /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (const m of stdout.matchAll(re)) {
      if (m[0].startsWith('<page')) {
        page++;
        continue;
      }
      words.push({
        page,
        text: unescapeXml(m[5] ?? ''),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      });
    }
    return words;
  });
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Collapses runs of blanks so assertions do not depend on pdftotext's column spacing. */
export const oneSpace = (s: string): string => s.replace(/[ \t\u00a0]+/g, ' ');
