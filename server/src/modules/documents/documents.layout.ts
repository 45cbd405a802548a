// From a document and its units to the Nghị định 30/2020 layout (platform/pdf, platform/docx)
// and to its symbol (ký hiệu). Pure functions: the units are looked up before.
import {
  DOCUMENT_TYPES,
  type DocumentTypeCode,
  type DraftContent,
  documentSymbol,
} from '@cqs/shared/documents/index';
import { foldVietnamese } from '@cqs/shared/procedures/index';
import type { OfficialDocumentLayout } from '../../platform/pdf/index.js';

/** What the layout needs of a unit. */
export interface UnitFacts {
  name: string;
  kind: string;
}

const PEOPLES_COMMITTEE = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/iu;
const PLACE_WORDS = /^(tỉnh|thành phố|thị xã|huyện|quận|phường|xã|thị trấn|đặc khu)\s+/iu;

/** Upper case as Vietnamese writes it (NFC). */
const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/** Whether a unit is a People's Committee (issues as "ỦY BAN NHÂN DÂN …", symbol UBND). */
export function isPeoplesCommittee(u: UnitFacts): boolean {
  return PEOPLES_COMMITTEE.test(u.name) || ['province', 'district', 'commune'].includes(u.kind);
}

/** The place name of the date line: "UBND phường Mỹ Bình" → "Mỹ Bình". */
export function placeOf(u: UnitFacts): string {
  return u.name.replace(PEOPLES_COMMITTEE, '').replace(PLACE_WORDS, '').trim();
}

/**
 * The body's abbreviation in a symbol: UBND for a People's Committee; VP for an office
 * (Văn phòng …); otherwise the initials of the name's words after "Phòng"/"Sở"/"Ban", small
 * words left out ("Phòng Văn hóa và Thông tin" → VHTT). An installation may override it.
 */
export function bodyAbbreviation(u: UnitFacts): string {
  if (isPeoplesCommittee(u)) return 'UBND';
  if (/^văn phòng/iu.test(u.name)) return 'VP';
  const words = u.name
    .normalize('NFC')
    .replace(/^(phòng|sở|ban|trung tâm|chi cục|bộ phận)\s+/iu, '')
    .split(/[\s–-]+/u)
    .filter((w) => w && !['và', 'của', 'các'].includes(w.toLocaleLowerCase('vi')));
  const initials = words.map((w) => {
    const c = w[0]!;
    return c === 'đ' || c === 'Đ' ? 'Đ' : foldVietnamese(c).toUpperCase();
  });
  return initials.join('').slice(0, 8) || 'CQ';
}

/** The symbol of an outgoing document of `issuing`, drafted by `drafting` (ND30 Phụ lục III). */
export function symbolOf(
  type: DocumentTypeCode,
  issuing: UnitFacts,
  drafting: UnitFacts | null,
): string {
  const body = bodyAbbreviation(issuing);
  const draftingAbbrev =
    drafting && drafting.name !== issuing.name ? bodyAbbreviation(drafting) : null;
  return documentSymbol(type, body, draftingAbbrev);
}

/** The issuing body's heading lines: a People's Committee names itself; a department names its parent too. */
export function headingOf(
  issuing: UnitFacts,
  parent: UnitFacts | null,
): { parentBody?: string; issuingBody: string } {
  if (isPeoplesCommittee(issuing))
    return { issuingBody: upper(`Ủy ban nhân dân ${issuing.name.replace(PEOPLES_COMMITTEE, '')}`) };
  return { parentBody: parent ? upper(parent.name) : undefined, issuingBody: upper(issuing.name) };
}

/** The ND30 layout of an outgoing document, as a draft (no number) or as issued. */
export function layoutOf(d: {
  typeCode: DocumentTypeCode;
  content: DraftContent;
  issuing: UnitFacts;
  parent: UnitFacts | null;
  drafting: UnitFacts | null;
  number: string | null;
  date: string | null;
  draft: boolean;
}): OfficialDocumentLayout {
  const type = DOCUMENT_TYPES.find((t) => t.code === d.typeCode)!;
  const places = isPeoplesCommittee(d.issuing) ? d.issuing : (d.parent ?? d.issuing);
  return {
    ...headingOf(d.issuing, d.parent),
    number: d.number,
    symbol: symbolOf(d.typeCode, d.issuing, d.drafting),
    place: placeOf(places),
    date: d.date,
    typeTitle: d.typeCode === 'CV' ? null : type.name,
    summary: d.content.summary,
    body: { paragraphs: d.content.paragraphs },
    signature: {
      ...(d.content.signer.authority ? { authority: d.content.signer.authority } : {}),
      title: d.content.signer.title,
      name: d.content.signer.name,
    },
    recipients: d.content.recipients.places,
    archive:
      d.drafting && d.drafting.name !== d.issuing.name
        ? `VT, ${bodyAbbreviation(d.drafting)}`
        : 'VT',
    draftWatermark: d.draft,
  };
}
