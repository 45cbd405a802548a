// From OCR to the metadata a clerk (văn thư) confirms when registering a scanned incoming
// document. Pure: reads the layout of Nghị định 30/2020 Phụ lục I — header in two columns
// (issuing body and number left; national title, motto, place and date right), centred type
// title and summary, signature block at the end — from word boxes when there are any, from
// the plain lines otherwise (then the right column is cut out of merged lines by its wording).
import { type Segment, segmentsOf } from './ocr.layout.js';
import {
  afterVv,
  CONG_VAN,
  matchTypeTitle,
  parseDateLine,
  parseName,
  parseNumberSymbol,
  typeFromSymbol,
} from './ocr.parse.js';
import {
  fold,
  isNationalHeading,
  isUpperLine,
  letterKey,
  repairCapitals,
  squeeze,
  stripRightColumn,
} from './ocr.text.js';
import type { MetadataProposals, OcrResult, TextProposal } from './ocr.types.js';

// Confidence of a segment's words; plain text carries none, so it is taken as fairly good.
const ocrConf = (s: Segment) => (s.conf === null ? 0.9 : s.conf);
const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
const hasGeometry = (segs: Segment[]) => segs.some((s) => s.column !== 'unknown');

// First words of agency names: a header line starting with one begins a new agency, any other
// line continues the one above ("SỞ THÔNG TIN VÀ" / "TRUYỀN THÔNG" is one body).
const AGENCY_HEADS = [
  'UBND',
  'UY BAN',
  'UBMTTQ',
  'HDND',
  'HOI DONG',
  'SO',
  'PHONG',
  'BO',
  'CUC',
  'TONG CUC',
  'VU',
  'VAN PHONG',
  'BAN',
  'TRUNG TAM',
  'CHI CUC',
  'TRUONG',
  'BENH VIEN',
  'CONG AN',
  'BAO HIEM',
  'KHO BAC',
  'THANH TRA',
  'DANG UY',
  'DANG BO',
  'THANH UY',
  'TINH UY',
  'HUYEN UY',
  'QUAN UY',
  'THI UY',
  'DOAN',
  'MAT TRAN',
  'CHI NHANH',
  'TOA AN',
  'VIEN',
  'DAI',
  'CONG TY',
  'TONG CONG TY',
  'NGAN HANG',
  'HOC VIEN',
  'LIEN DOAN',
  'HOI',
  'QUY',
  'BO CHI HUY',
  'CHINH PHU',
  'QUOC HOI',
].map((h) => `${h} `);
const startsAgency = (s: string) => {
  const f = `${fold(s)
    .toUpperCase()
    .replace(/[^A-Z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  return AGENCY_HEADS.some((h) => f.startsWith(h));
};

const proposal = (value: string, confidence: number, source: string): TextProposal => ({
  value,
  confidence: round(confidence),
  source,
});

/** Proposes number/symbol, date, place, bodies, type, summary and signer from an OCR result. */
export function proposeMetadata(ocr: OcrResult): MetadataProposals {
  const pages = segmentsOf(ocr).filter((p) => p.length > 0);
  const result: MetadataProposals = {
    numberSymbol: null,
    date: null,
    place: null,
    issuingBody: null,
    parentBody: null,
    documentType: null,
    summary: null,
    signerName: null,
  };
  const first = pages[0];
  if (!first) return result;
  const geo = hasGeometry(first);
  // The header zone, where number and date are looked for: 16 text heights from the top (an
  // ND30 header takes 5–8 lines), or a dozen lines of plain text. Body text below it quotes
  // other documents' numbers and dates ("Nghị quyết số 52-NQ/TU ngày 15 tháng 01 năm 2026").
  const headerLimit = geo ? first.findIndex((s) => s.top > first[0]!.top + s.height * 16) : 12;
  const limit = headerLimit < 0 ? first.length : Math.min(headerLimit, first.length);

  // Number and symbol, left column of the header.
  let numberIdx = -1;
  for (let i = 0; i < limit && numberIdx < 0; i++) {
    const s = first[i]!;
    if (geo && s.column === 'right') continue;
    const n = parseNumberSymbol(s.text);
    if (n) {
      numberIdx = i;
      const { certainty, ...rest } = n;
      result.numberSymbol = { ...rest, confidence: round(certainty * ocrConf(s)), source: s.text };
    }
  }

  // Place and date: the header first; elsewhere on page 1 only as a weaker guess.
  let dateIdx = -1; // in the header only
  for (const [from, to, weight] of [
    [0, limit, 1],
    [limit, first.length, 0.6],
  ] as const) {
    for (let i = from; i < to && !result.date; i++) {
      const s = first[i]!;
      const d = parseDateLine(s.text);
      if (!d) continue;
      if (weight === 1) dateIdx = i;
      const c = d.certainty * ocrConf(s) * weight;
      result.date = { value: d.iso, confidence: round(c), source: s.text };
      if (d.place) result.place = proposal(d.place, c * 0.9, s.text);
    }
  }

  // Type title: a whole centred line after the number/date row naming a type.
  const after = Math.max(numberIdx, dateIdx) + 1;
  let titleIdx = -1;
  for (let i = after; i < first.length && titleIdx < 0; i++) {
    const s = first[i]!;
    if (geo && s.column !== 'middle') continue;
    if (!isUpperLine(s.text)) continue;
    const t = matchTypeTitle(s.text);
    if (!t) continue;
    titleIdx = i;
    const agrees =
      result.numberSymbol && typeFromSymbol(result.numberSymbol.symbol)?.code === t.code;
    result.documentType = {
      code: t.code,
      name: t.name,
      confidence: round(Math.min(0.99, t.certainty * ocrConf(s) + (agrees ? 0.1 : 0))),
      source: s.text,
    };
  }

  // "V/v" under the number: a công văn, its summary follows the prefix.
  let vvIdx = -1;
  const vvEnd = titleIdx >= 0 ? titleIdx : Math.min(first.length, Math.max(limit, after + 4));
  for (let i = Math.max(0, numberIdx); i < vvEnd && vvIdx < 0; i++) {
    const s = first[i]!;
    if (geo && s.column === 'right') continue;
    const text = afterVv(stripRightColumn(s.text));
    if (text === null) continue;
    vvIdx = i;
    if (!result.documentType) {
      result.documentType = { ...CONG_VAN, confidence: round(0.85 * ocrConf(s)), source: s.text };
    }
    const lines = [text];
    const sources = [s.text];
    let last = s;
    for (let j = i + 1; j < first.length && lines.length < 4; j++) {
      const n = first[j]!;
      if (geo && n.column === 'right') continue;
      if (geo && (n.column !== 'left' || n.top - last.bottom > n.height * 1.2)) break;
      const t = stripRightColumn(n.text);
      if (!geo && !/^[\p{Ll}0-9]/u.test(t)) break;
      if (/^kinh gui/.test(fold(t).toLowerCase()) || t === '') break;
      lines.push(t);
      sources.push(n.text);
      last = n;
    }
    result.summary = proposal(squeeze(lines.join(' ')), 0.85 * ocrConf(s), sources.join('\n'));
  }

  // Summary after the title: the centred lines below it (in plain text, the first line and
  // lower-case continuations), up to an upper-case line, "Căn cứ", "Kính gửi" or a rule.
  if (titleIdx >= 0 && !result.summary) {
    const title = first[titleIdx]!;
    const lines: string[] = [];
    let conf = 0;
    let last = title;
    for (let j = titleIdx + 1; j < first.length && lines.length < 4; j++) {
      const s = first[j]!;
      const t = s.text.replace(/[\s_—–-]+$/, '');
      if (t === '' || /^[\s_—–~=.-]+$/.test(s.text)) break;
      if (isUpperLine(t) || /^(can cu|kinh gui)/.test(fold(t).toLowerCase())) break;
      if (geo && (!s.centred || s.top - last.bottom > 1.2 * s.height)) break; // ND30: no blank line inside
      if (!geo && lines.length > 0 && (s.gapBefore || !/^[\p{Ll}0-9]/u.test(t))) break;
      lines.push(t);
      conf += ocrConf(s);
      last = s;
    }
    if (lines.length > 0) {
      const c = (0.85 * conf) / lines.length;
      result.summary = proposal(squeeze(lines.join(' ')), c, lines.join('\n'));
    }
  }

  // Without a title or "V/v", the symbol's type abbreviation is a weaker signal.
  if (!result.documentType && result.numberSymbol) {
    const t = typeFromSymbol(result.numberSymbol.symbol);
    result.documentType = t
      ? {
          ...t,
          confidence: round(0.6 * result.numberSymbol.confidence),
          source: result.numberSymbol.source,
        }
      : null;
  }

  // Issuing body and parent: upper-case lines of the left column above the number.
  const bodyEnd = [numberIdx, dateIdx, titleIdx, vvIdx].find((i) => i >= 0) ?? limit;
  const groups: { text: string; conf: number; source: string }[] = [];
  for (let i = 0; i < bodyEnd; i++) {
    const s = first[i]!;
    if (geo && s.column === 'right') continue;
    if (isNationalHeading(s.text) && geo) continue;
    // The short rule under the agency comes back as dashes or underscores: trim it off.
    const t = repairCapitals(stripRightColumn(s.text)).replace(/^[^\p{L}]+|[^\p{L})]+$/gu, '');
    const letters = (t.match(/\p{L}/gu) ?? []).length;
    if (!isUpperLine(t) || letters < t.replace(/\s/g, '').length * 0.7) continue;
    if (parseNumberSymbol(t) || letterKey(t).length < 2) continue;
    const prev = groups[groups.length - 1];
    if (prev && !startsAgency(t)) {
      prev.text = `${prev.text} ${t}`;
      prev.conf = Math.min(prev.conf, ocrConf(s));
      prev.source = `${prev.source}\n${s.text}`;
    } else {
      groups.push({ text: t, conf: ocrConf(s), source: s.text });
    }
  }
  const issuing = groups[groups.length - 1];
  if (issuing) {
    const c = (startsAgency(issuing.text) ? 0.9 : 0.65) * issuing.conf;
    result.issuingBody = proposal(issuing.text, c, issuing.source);
  }
  // The parent is the group just above: ND30's "cơ quan chủ quản trực tiếp".
  const parent = groups[groups.length - 2];
  if (parent) result.parentBody = proposal(parent.text, 0.85 * parent.conf, parent.source);

  result.signerName = signer(pages[pages.length - 1]!, pages.length === 1 ? titleIdx : -1);
  return result;
}

/** The signer: the last name-like line of the last page, searched upward from the bottom. */
function signer(segs: Segment[], notAbove: number): TextProposal | null {
  for (let i = segs.length - 1; i > notAbove && i >= segs.length - 40; i--) {
    const s = segs[i]!;
    const text = s.text.replace(/^[-+•*]\s*/, '');
    let n = parseName(text);
    // A plain-text line may hold "Nơi nhận" and the name side by side: take the name's end.
    if (!n && s.column === 'unknown') {
      const tail = /((?:\p{Lu}\p{Ll}*\s){1,5}\p{Lu}\p{Ll}*)$/u.exec(text);
      const cand = tail ? parseName(tail[1]!) : null;
      if (cand && cand.certainty > 0.8) n = { ...cand, certainty: cand.certainty * 0.8 };
    }
    if (n) return proposal(n.name, n.certainty * ocrConf(s), s.text);
  }
  return null;
}
