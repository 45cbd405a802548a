// Fixtures of the edXML tests: one package with every field filled in Vietnamese, and
// fast-check generators of packages and status notices that the round trip must preserve.
import fc from 'fast-check';
import { stripNonXml } from './edxml.format.js';
import {
  EDXML_NAMESPACE,
  type EdxmlOrgan,
  type EdxmlPackage,
  type EdxmlStaff,
  type EdxmlStatus,
  STATUS_NAMES,
} from './edxml.types.js';

/** A compact XML-DSig Signature, in the form the parser gives back (so deep equality holds). */
export const SIGNATURE =
  '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo>' +
  '<CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>' +
  '<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
  '<Reference URI=""><Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></Transforms>' +
  '<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue>q1w2e3r4t5y6=</DigestValue>' +
  '</Reference></SignedInfo><SignatureValue>c2lnbmF0dXJlIGJ5dGVz</SignatureValue></Signature>';

/** Bytes that look like a small PDF, with binary after the header. */
export const PDF_BYTES = Uint8Array.from([
  ...Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
  0,
  255,
  13,
  10,
  0x1b,
  0x80,
  0xfe,
  0xff,
  0xef,
  0xbb,
  0xbf,
  ...Buffer.from('\n%%EOF\n', 'latin1'),
]);

/** Every byte value once. */
export const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

const organ = (organId: string, name: string, n: number): EdxmlOrgan => ({
  organId,
  organizationInCharge: `Ủy ban nhân dân tỉnh Quảng Trị (${n})`,
  organName: name,
  organAdd: `Số ${n} đường Hùng Vương, phường Đông Hà, tỉnh Quảng Trị`,
  email: `vanthu${n}@quangtri.gov.vn`,
  telephone: `0233.385${n}${n}${n}${n}`,
  fax: `0233.385${n}000`,
  website: `https://so${n}.quangtri.gov.vn`,
});

const staff: EdxmlStaff = {
  department: 'Văn phòng Ủy ban — Phòng Hành chính',
  name: 'Nguyễn Thị Ánh Tuyết',
  email: 'tuyet.nta@quangtri.gov.vn',
  mobile: '0912 345 678',
};

/** A package with every field filled, Vietnamese text with diacritics everywhere. */
export function fullPackage(): EdxmlPackage {
  return {
    from: organ('000.00.00.H45', 'Ủy ban nhân dân tỉnh Quảng Trị', 1),
    to: [
      organ('000.00.01.H45', 'Sở Tài chính tỉnh Quảng Trị', 2),
      organ('000.00.02.H45', 'Sở Kế hoạch và Đầu tư', 3),
      organ('000.00.00.G22', 'Bộ Nội vụ — Vụ Chính quyền địa phương', 4),
    ],
    documentId: '000.00.00.H45,2024/03/05,05/KH-UBND',
    code: { number: '05', notation: 'KH-UBND' },
    promulgation: { place: 'Quảng Trị', date: '2024-03-05' },
    documentType: { type: '1', typeDetail: '27', typeName: 'Kế hoạch' },
    subject: 'Về việc triển khai chuyển đổi số năm 2024 trên địa bàn tỉnh',
    content:
      'Thực hiện Nghị quyết số 52-NQ/TW…\nỦy ban nhân dân tỉnh ban hành kế hoạch “Chính quyền số” & <các> nhiệm vụ.',
    signer: {
      competence: 'TM. ỦY BAN NHÂN DÂN',
      position: 'Phó Chủ tịch',
      fullName: 'Hoàng Nam Đức',
    },
    dueDate: '2024-12-31',
    other: {
      priority: '1',
      sphereOfPromulgation: 'Toàn tỉnh',
      typerNotation: 'Tuấn',
      promulgationAmount: 45,
      pageAmount: 12,
      appendixes: ['Phụ lục I: Danh mục nhiệm vụ', 'Phụ lục II: Kinh phí thực hiện'],
    },
    steeringType: '1',
    toPlaces: ['Như trên;', 'Thường trực Tỉnh ủy (b/c);', 'Lưu: VT, KGVX.'],
    trace: [
      { organId: '000.00.00.H45', timestamp: '2024-03-05T02:30:00.000Z' },
      { organId: '000.00.00.G22', timestamp: '2024-03-05T16:59:59.000Z' },
    ],
    business: { docType: '0', docReason: 'Ban hành mới — không thay thế', paper: true, staff },
    attachments: [
      {
        contentId: 'cid:ke-hoach-05.pdf',
        name: 'Kế hoạch 05-KH-UBND.pdf',
        description: 'Văn bản chính đã ký số',
        contentType: 'application/pdf',
        data: PDF_BYTES,
      },
      {
        contentId: 'cid:phu-luc',
        name: 'Phụ lục — dữ liệu thô.bin',
        description: 'Tất cả giá trị byte từ 0 đến 255',
        contentType: 'application/octet-stream',
        data: ALL_BYTES,
      },
    ],
    signature: SIGNATURE,
    extra: [
      {
        path: 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader',
        xml: `<edXML:ResponseDate xmlns:edXML="${EDXML_NAMESPACE}">2024/03/20</edXML:ResponseDate>`,
      },
      {
        path: 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[3]',
        xml: '<GhiChu xmlns="urn:example:ghichu" loai="nội bộ">Gửi kèm bản giấy</GhiChu>',
      },
    ],
  };
}

/** A status notice with every field filled. */
export function fullStatus(status: EdxmlStatus['status']): EdxmlStatus {
  return {
    responseFor: {
      organId: '000.00.00.H45',
      code: '05/KH-UBND',
      promulgationDate: '2024-03-05',
      documentId: '000.00.00.H45,2024/03/05,05/KH-UBND',
    },
    from: organ('000.00.00.G22', 'Bộ Nội vụ', 5),
    status,
    description: `Trạng thái “${status}”: đã chuyển Vụ Chính quyền địa phương xử lý.`,
    timestamp: '2024-03-06T01:15:30.000Z',
    staff,
    trace: [{ organId: '000.00.00.G22', timestamp: '2024-03-06T01:15:31.000Z' }],
    signature: null,
    extra: [],
  };
}

const VIETNAMESE = [
  'Ủy ban nhân dân xã Đắk Hà',
  'Trích yếu: “Quyết định” & <phụ lục>',
  'Nguyễn Văn Đức',
  'Sở Giáo dục và Đào tạo',
  'ấp Phước Hưng, huyện Long Điền',
];
const chars = fc.constantFrom(...'aăâbđeêioôơuưyÁẮẦĐỆỮỳ0123456789 <>&"\'\r\n\t;/.,-_'.split(''));

/** A text as the parser gives it back: XML-safe and trimmed. */
export const textArb = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 25 }),
    fc.string({ unit: chars, maxLength: 25 }),
    fc.constantFrom(...VIETNAMESE),
  )
  .map((s) => stripNonXml(s).trim());
const nonEmpty = textArb.filter((s) => s !== '');
const organIdArb = fc.stringMatching(/^[0-9A-Z]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/);
const dateArb = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const instantArb = fc
  .integer({ min: 946684800, max: 4102444799 })
  .map((s) => new Date(s * 1000).toISOString());
const organArb: fc.Arbitrary<EdxmlOrgan> = fc.record({
  organId: organIdArb,
  organizationInCharge: textArb,
  organName: textArb,
  organAdd: textArb,
  email: textArb,
  telephone: textArb,
  fax: textArb,
  website: textArb,
});
const staffArb: fc.Arbitrary<EdxmlStaff> = fc.record({
  department: textArb,
  name: textArb,
  email: textArb,
  mobile: textArb,
});
const traceArb = fc.record({ organId: organIdArb, timestamp: instantArb });
const attachmentArb = fc.record({
  contentId: fc.stringMatching(/^cid:[A-Za-z0-9@._-]{1,20}$/),
  name: nonEmpty,
  description: textArb,
  contentType: fc.constantFrom('application/pdf', 'image/png', 'application/octet-stream'),
  data: fc.uint8Array({ maxLength: 200 }),
});

/** Packages of any shape the schema allows (no extras: the example tests cover those). */
export const packageArb: fc.Arbitrary<EdxmlPackage> = fc.record({
  from: organArb,
  to: fc.array(organArb, { minLength: 1, maxLength: 4 }),
  documentId: nonEmpty,
  code: fc.record({ number: nonEmpty, notation: nonEmpty }),
  promulgation: fc.record({ place: textArb, date: dateArb }),
  documentType: fc.record({ type: textArb, typeDetail: textArb, typeName: textArb }),
  subject: nonEmpty,
  content: textArb,
  signer: fc.record({ competence: textArb, position: textArb, fullName: textArb }),
  dueDate: fc.option(dateArb, { nil: null }),
  other: fc.record({
    priority: textArb,
    sphereOfPromulgation: textArb,
    typerNotation: textArb,
    promulgationAmount: fc.option(fc.nat({ max: 100000 }), { nil: null }),
    pageAmount: fc.option(fc.nat({ max: 100000 }), { nil: null }),
    appendixes: fc.array(textArb, { maxLength: 3 }),
  }),
  steeringType: textArb,
  toPlaces: fc.array(textArb, { maxLength: 4 }),
  trace: fc.array(traceArb, { maxLength: 3 }),
  business: fc.option(
    fc.record({
      docType: textArb,
      docReason: textArb,
      paper: fc.boolean(),
      staff: fc.option(staffArb, { nil: null }),
    }),
    { nil: null },
  ),
  attachments: fc.uniqueArray(attachmentArb, { maxLength: 3, selector: (a) => a.contentId }),
  signature: fc.constantFrom(null, SIGNATURE),
  extra: fc.constant([]),
});

/** Status notices of any shape the schema allows. */
export const statusArb: fc.Arbitrary<EdxmlStatus> = fc.record({
  responseFor: fc.record({
    organId: organIdArb,
    code: textArb,
    promulgationDate: dateArb,
    documentId: nonEmpty,
  }),
  from: organArb,
  status: fc.constantFrom(...STATUS_NAMES),
  description: textArb,
  timestamp: instantArb,
  staff: fc.option(staffArb, { nil: null }),
  trace: fc.array(traceArb, { maxLength: 3 }),
  signature: fc.constantFrom(null, SIGNATURE),
  extra: fc.constant([]),
});
