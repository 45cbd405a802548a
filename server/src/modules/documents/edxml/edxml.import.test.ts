// Packages written by hand, as other systems send them: the `edXML:` prefixed form, the
// default-namespace form with an unknown element that must survive parse → build, and the
// errors (with the field's path) of broken ones, hostile ones and oversize ones.
import { describe, expect, it } from 'vitest';
import { buildEdxml } from './edxml.build.js';
import { EdxmlError } from './edxml.errors.js';
import { parseEdxml } from './edxml.parse.js';
import { EDXML_NAMESPACE } from './edxml.types.js';

const PDF_TEXT =
  '%PDF-1.4 Công văn 1520/BNV-CQĐP — bản điện tử có chữ ký số của Bộ Nội vụ gửi Ủy ban nhân dân các tỉnh.';

const PREFIXED = `<?xml version="1.0" encoding="UTF-8"?>
<edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <edXML:edXMLEnvelope>
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From>
          <edXML:OrganId>000.00.00.G22</edXML:OrganId>
          <edXML:OrganizationInCharge>Bộ Nội vụ</edXML:OrganizationInCharge>
          <edXML:OrganName>Văn phòng Bộ Nội vụ</edXML:OrganName>
          <edXML:OrganAdd>Số 8 Tôn Thất Thuyết, Cầu Giấy, Hà Nội</edXML:OrganAdd>
          <edXML:Email>vanthu@moha.gov.vn</edXML:Email>
          <edXML:Telephone>024.62821018</edXML:Telephone>
          <edXML:Fax>024.38252525</edXML:Fax>
          <edXML:Website>https://moha.gov.vn</edXML:Website>
        </edXML:From>
        <edXML:To>
          <edXML:OrganId>000.00.00.H45</edXML:OrganId>
          <edXML:OrganName>Ủy ban nhân dân tỉnh Quảng Trị</edXML:OrganName>
        </edXML:To>
        <edXML:To>
          <edXML:OrganId>000.00.00.H26</edXML:OrganId>
          <edXML:OrganName>Ủy ban nhân dân tỉnh Hà Tĩnh</edXML:OrganName>
        </edXML:To>
        <edXML:DocumentId>000.00.00.G22,2024/04/12,1520/BNV-CQĐP</edXML:DocumentId>
        <edXML:Code>
          <edXML:CodeNumber>1520</edXML:CodeNumber>
          <edXML:CodeNotation>BNV-CQĐP</edXML:CodeNotation>
        </edXML:Code>
        <edXML:PromulgationInfo>
          <edXML:Place>Hà Nội</edXML:Place>
          <edXML:PromulgationDate>2024/04/12</edXML:PromulgationDate>
        </edXML:PromulgationInfo>
        <edXML:DocumentType>
          <edXML:Type>2</edXML:Type>
          <edXML:TypeDetail>20</edXML:TypeDetail>
          <edXML:TypeName>Công văn</edXML:TypeName>
        </edXML:DocumentType>
        <edXML:Subject>V/v báo cáo tình hình tổ chức chính quyền địa phương</edXML:Subject>
        <edXML:Content>Đề nghị Ủy ban nhân dân các tỉnh báo cáo trước ngày 30/4/2024 &amp; gửi kèm số liệu.</edXML:Content>
        <edXML:SignerInfo>
          <edXML:Competence>TL. BỘ TRƯỞNG</edXML:Competence>
          <edXML:Position>Vụ trưởng Vụ Chính quyền địa phương</edXML:Position>
          <edXML:FullName>Phan Trung Tuấn</edXML:FullName>
        </edXML:SignerInfo>
        <edXML:DueDate>2024/04/30</edXML:DueDate>
        <edXML:ToPlaces>
          <edXML:Place>Như trên;</edXML:Place>
          <edXML:Place>Bộ trưởng (để b/c);</edXML:Place>
          <edXML:Place>Lưu: VT, CQĐP.</edXML:Place>
        </edXML:ToPlaces>
        <edXML:OtherInfo>
          <edXML:Priority>1</edXML:Priority>
          <edXML:SphereOfPromulgation>Liên thông văn bản quốc gia</edXML:SphereOfPromulgation>
          <edXML:TyperNotation>HT</edXML:TyperNotation>
          <edXML:PromulgationAmount>65</edXML:PromulgationAmount>
          <edXML:PageAmount>2</edXML:PageAmount>
          <edXML:Appendixes>
            <edXML:Appendix>Phụ lục: Mẫu báo cáo</edXML:Appendix>
          </edXML:Appendixes>
        </edXML:OtherInfo>
        <edXML:SteeringType>0</edXML:SteeringType>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList>
        <edXML:TraceHeader>
          <edXML:OrganId>000.00.00.G22</edXML:OrganId>
          <edXML:Timestamp>2024/04/12 15:42:07</edXML:Timestamp>
        </edXML:TraceHeader>
        <edXML:Bussiness>
          <edXML:BussinessDocType>0</edXML:BussinessDocType>
          <edXML:BussinessDocReason></edXML:BussinessDocReason>
          <edXML:Paper>0</edXML:Paper>
          <edXML:StaffInfo>
            <edXML:Department>Văn phòng Bộ</edXML:Department>
            <edXML:Staff>Lê Thị Hường</edXML:Staff>
            <edXML:Mobile>0987654321</edXML:Mobile>
            <edXML:Email>huonglt@moha.gov.vn</edXML:Email>
          </edXML:StaffInfo>
        </edXML:Bussiness>
      </edXML:TraceHeaderList>
      <ds:Signature Id="sig-1"><ds:SignedInfo><ds:Reference URI=""><ds:DigestValue>YWJj</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>c2ln</ds:SignatureValue></ds:Signature>
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest>
        <edXML:Reference>
          <edXML:ContentId>cid:1520-BNV-CQDP.pdf</edXML:ContentId>
          <edXML:ContentType>application/pdf</edXML:ContentType>
          <edXML:Description>Công văn 1520/BNV-CQĐP</edXML:Description>
          <edXML:AttachmentName>1520-BNV-CQĐP.pdf</edXML:AttachmentName>
        </edXML:Reference>
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <edXML:AttachmentEncoded>
    <edXML:Attachment>
      <edXML:ContentId>cid:1520-BNV-CQDP.pdf</edXML:ContentId>
      <edXML:AttachmentName>1520-BNV-CQĐP.pdf</edXML:AttachmentName>
      <edXML:Description>Công văn 1520/BNV-CQĐP</edXML:Description>
      <edXML:ContentType>application/pdf</edXML:ContentType>
      <edXML:ContentTransferEncoded>
JVBERi0xLjQgQ8O0bmcgdsSDbiAxNTIwL0JOVi1DUcSQUCDigJQgYuG6o24gxJFp4buHbiB04but
IGPDsyBjaOG7ryBrw70gc+G7kSBj4bunYSBC4buZIE7hu5lpIHbhu6UgZ+G7rWkg4bumeSBiYW4g
bmjDom4gZMOibiBjw6FjIHThu4luaC4=
      </edXML:ContentTransferEncoded>
    </edXML:Attachment>
  </edXML:AttachmentEncoded>
</edXML:edXML>
`;

// Default namespace; the prefix is declared too, for the unknown element written prefixed.
const DEFAULT_NS = `<?xml version="1.0" encoding="utf-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXMLEnvelope>
    <edXMLHeader>
      <MessageHeader>
        <From><OrganId>000.00.00.H45</OrganId><OrganName>UBND tỉnh Quảng Trị</OrganName></From>
        <To><OrganId>000.00.00.G22</OrganId><OrganName>Bộ Nội vụ</OrganName></To>
        <DocumentId>000.00.00.H45,2024/05/02,112/BC-UBND</DocumentId>
        <Code><CodeNumber>112</CodeNumber><CodeNotation>BC-UBND</CodeNotation></Code>
        <PromulgationInfo><Place>Quảng Trị</Place><PromulgationDate>2024/05/02</PromulgationDate></PromulgationInfo>
        <DocumentType><Type>2</Type><TypeDetail>4</TypeDetail><TypeName>Báo cáo</TypeName></DocumentType>
        <Subject>Báo cáo tình hình tổ chức chính quyền địa phương</Subject>
        <edXML:Foo>bar</edXML:Foo>
        <SignerInfo><Competence>KT. CHỦ TỊCH</Competence><Position>Phó Chủ tịch</Position><FullName>Hoàng Nam</FullName></SignerInfo>
        <DueDate/>
      </MessageHeader>
      <TraceHeaderList>
        <TraceHeader><OrganId>000.00.00.H45</OrganId><Timestamp>2024/05/02 08:00:00</Timestamp></TraceHeader>
      </TraceHeaderList>
    </edXMLHeader>
    <edXMLBody><edXMLManifest/></edXMLBody>
  </edXMLEnvelope>
  <AttachmentEncoded/>
</edXML>`;

function failure(f: () => unknown): EdxmlError {
  try {
    f();
  } catch (e) {
    if (e instanceof EdxmlError) return e;
    throw e;
  }
  throw new Error('expected an EdxmlError');
}

const MH = 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader';

describe('parseEdxml of hand-written packages', () => {
  it('reads the edXML:-prefixed form', () => {
    const p = parseEdxml(PREFIXED);
    expect(p.from).toEqual({
      organId: '000.00.00.G22',
      organizationInCharge: 'Bộ Nội vụ',
      organName: 'Văn phòng Bộ Nội vụ',
      organAdd: 'Số 8 Tôn Thất Thuyết, Cầu Giấy, Hà Nội',
      email: 'vanthu@moha.gov.vn',
      telephone: '024.62821018',
      fax: '024.38252525',
      website: 'https://moha.gov.vn',
    });
    expect(p.to.map((t) => [t.organId, t.organName, t.fax])).toEqual([
      ['000.00.00.H45', 'Ủy ban nhân dân tỉnh Quảng Trị', ''],
      ['000.00.00.H26', 'Ủy ban nhân dân tỉnh Hà Tĩnh', ''],
    ]);
    expect(p).toMatchObject({
      documentId: '000.00.00.G22,2024/04/12,1520/BNV-CQĐP',
      code: { number: '1520', notation: 'BNV-CQĐP' },
      promulgation: { place: 'Hà Nội', date: '2024-04-12' },
      documentType: { type: '2', typeDetail: '20', typeName: 'Công văn' },
      subject: 'V/v báo cáo tình hình tổ chức chính quyền địa phương',
      content: 'Đề nghị Ủy ban nhân dân các tỉnh báo cáo trước ngày 30/4/2024 & gửi kèm số liệu.',
      signer: { competence: 'TL. BỘ TRƯỞNG', fullName: 'Phan Trung Tuấn' },
      dueDate: '2024-04-30',
      other: {
        priority: '1',
        promulgationAmount: 65,
        pageAmount: 2,
        appendixes: ['Phụ lục: Mẫu báo cáo'],
      },
      steeringType: '0',
      toPlaces: ['Như trên;', 'Bộ trưởng (để b/c);', 'Lưu: VT, CQĐP.'],
      // 15:42:07 in Vietnam is 08:42:07 UTC.
      trace: [{ organId: '000.00.00.G22', timestamp: '2024-04-12T08:42:07.000Z' }],
      business: {
        docType: '0',
        docReason: '',
        paper: false,
        staff: { department: 'Văn phòng Bộ', name: 'Lê Thị Hường', mobile: '0987654321' },
      },
      extra: [],
    });
    expect(p.attachments).toHaveLength(1);
    const a = p.attachments[0]!;
    expect([a.contentId, a.name, a.contentType]).toEqual([
      'cid:1520-BNV-CQDP.pdf',
      '1520-BNV-CQĐP.pdf',
      'application/pdf',
    ]);
    // Base64 wrapped at 76 columns with surrounding whitespace decodes to the exact bytes.
    expect(Buffer.compare(Buffer.from(a.data), Buffer.from(PDF_TEXT, 'utf8'))).toBe(0);
    // The Signature is kept as raw XML, its `ds` namespace declaration carried along.
    expect(p.signature).toBe(
      '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="sig-1"><ds:SignedInfo><ds:Reference URI=""><ds:DigestValue>YWJj</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>c2ln</ds:SignatureValue></ds:Signature>',
    );
    expect(parseEdxml(buildEdxml(p))).toEqual(p);
  });

  it('reads the default-namespace form and keeps an unknown element through parse → build', () => {
    const p = parseEdxml(DEFAULT_NS);
    expect(p).toMatchObject({
      from: { organId: '000.00.00.H45', organName: 'UBND tỉnh Quảng Trị' },
      subject: 'Báo cáo tình hình tổ chức chính quyền địa phương',
      dueDate: null,
      business: null,
      signature: null,
      attachments: [],
    });
    const foo = `<edXML:Foo xmlns:edXML="${EDXML_NAMESPACE}">bar</edXML:Foo>`;
    expect(p.extra).toEqual([{ path: MH, xml: foo }]);
    const xml = buildEdxml(p);
    // Written back inside MessageHeader, at its end.
    expect(xml).toMatch(/<edXML:Foo [^>]*>bar<\/edXML:Foo>\s*<\/edXML:MessageHeader>/);
    expect(parseEdxml(xml)).toEqual(p);
  });

  it('accepts forms seen in the wild', () => {
    const lenient = PREFIXED.replace(
      '<edXML:PromulgationDate>2024/04/12<',
      '<edXML:PromulgationDate>12/04/2024<',
    )
      .replace('2024/04/12 15:42:07', '2024-04-12T15:42:07')
      .replaceAll('edXML:Bussiness>', 'edXML:Business>')
      .replace(
        '<edXML:ContentId>cid:1520-BNV-CQDP.pdf</edXML:ContentId>\n      <edXML:AttachmentName>',
        '<edXML:ContentId>&lt;1520-BNV-CQDP.pdf&gt;</edXML:ContentId>\n      <edXML:AttachmentName>',
      );
    const p = parseEdxml(`\uFEFF${lenient}`);
    expect(p.promulgation.date).toBe('2024-04-12');
    expect(p.trace[0]!.timestamp).toBe('2024-04-12T08:42:07.000Z');
    expect(p.business?.staff?.name).toBe('Lê Thị Hường');
    expect(p.attachments[0]!.contentId).toBe('cid:1520-BNV-CQDP.pdf');
    // No namespace at all (some producers forget it) is read too.
    const bare = DEFAULT_NS.replace(' xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"', '');
    expect(parseEdxml(bare).subject).toBe('Báo cáo tình hình tổ chức chính quyền địa phương');
  });

  it('names the path of a missing or invalid field', () => {
    const cases: [string, string, string][] = [
      [
        PREFIXED.replace(/<edXML:Subject>.*<\/edXML:Subject>/, ''),
        'edxml_missing_field',
        `${MH}/Subject`,
      ],
      [PREFIXED.replace(/<edXML:To>[\s\S]*<\/edXML:To>/, ''), 'edxml_missing_field', `${MH}/To`],
      [
        PREFIXED.replace('<edXML:OrganId>000.00.00.H26<', '<edXML:OrganId><'),
        'edxml_missing_field',
        `${MH}/To[2]/OrganId`,
      ],
      [
        PREFIXED.replace('2024/04/12</edXML:Prom', '2024/02/30</edXML:Prom'),
        'edxml_invalid_field',
        `${MH}/PromulgationInfo/PromulgationDate`,
      ],
      [
        PREFIXED.replace('<edXML:PageAmount>2<', '<edXML:PageAmount>hai<'),
        'edxml_invalid_field',
        `${MH}/OtherInfo/PageAmount`,
      ],
      [
        PREFIXED.replace('2024/04/12 15:42:07', 'hôm qua'),
        'edxml_invalid_field',
        'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader[1]/Timestamp',
      ],
      [
        PREFIXED.replace('bmjDom4gZMOibiBjw6FjIHThu4luaC4=', 'bmjDom4g*MOibiBjw6FjIHThu4luaC4='),
        'edxml_invalid_field',
        'edXML/AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
      ],
    ];
    for (const [xml, code, path] of cases) {
      const e = failure(() => parseEdxml(xml));
      expect([e.code, e.path]).toEqual([code, path]);
      expect(e.detail).toContain(path);
    }
    expect(
      failure(() => parseEdxml(PREFIXED.replace(/<edXML:Subject>.*<\/edXML:Subject>/, ''))).detail,
    ).toBe(`Thiếu thông tin bắt buộc: ${MH}/Subject.`);
  });

  it('refuses a manifest and attachments that disagree', () => {
    const extraRef = PREFIXED.replace(
      '</edXML:edXMLManifest>',
      '<edXML:Reference><edXML:ContentId>cid:thieu.pdf</edXML:ContentId></edXML:Reference></edXML:edXMLManifest>',
    );
    const noManifest = PREFIXED.replace(/<edXML:edXMLManifest>[\s\S]*<\/edXML:edXMLManifest>/, '');
    const twice = PREFIXED.replace(
      '</edXML:AttachmentEncoded>',
      `${/<edXML:Attachment>[\s\S]*<\/edXML:Attachment>/.exec(PREFIXED)![0]}</edXML:AttachmentEncoded>`,
    );
    for (const xml of [extraRef, noManifest, twice]) {
      const e = failure(() => parseEdxml(xml));
      expect(e.code).toBe('edxml_attachment_mismatch');
      expect(e.detail).toMatch(/^Danh mục tệp đính kèm và các tệp đính kèm không khớp/);
    }
  });

  it('refuses hostile, foreign and oversize input without other exceptions', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>${PREFIXED.replace(/^<\?xml[^>]*>/, '').replace('Hà Nội</edXML:Place>', '&x;</edXML:Place>')}`;
    const laughs = `<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><edXML>&c;</edXML>`;
    expect(failure(() => parseEdxml(xxe)).code).toBe('edxml_malformed');
    expect(failure(() => parseEdxml(laughs)).code).toBe('edxml_malformed');
    expect(
      failure(() => parseEdxml(PREFIXED.replace('Hà Nội</edXML:Place>', '&nbsp;</edXML:Place>')))
        .code,
    ).toBe('edxml_malformed');
    expect(failure(() => parseEdxml(PREFIXED.replace('</edXML:Subject>', ''))).code).toBe(
      'edxml_malformed',
    );
    expect(failure(() => parseEdxml(`${PREFIXED}<edXML/>`)).code).toBe('edxml_malformed');
    expect(failure(() => parseEdxml(`${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}`)).code).toBe(
      'edxml_malformed',
    );
    const foreign = failure(() => parseEdxml('<edXML xmlns="urn:other"/>'));
    expect([foreign.code, foreign.detail]).toEqual([
      'edxml_unexpected_root',
      `Phần tử gốc không thuộc không gian tên edXML (${EDXML_NAMESPACE}).`,
    ]);
    expect(failure(() => parseEdxml('<html><body/></html>')).code).toBe('edxml_unexpected_root');
    const big = failure(() => parseEdxml(PREFIXED, { maxBytes: 1000 }));
    expect([big.code, big.detail]).toEqual([
      'edxml_too_large',
      'Gói tin vượt quá dung lượng cho phép (1000 byte).',
    ]);
    expect(failure(() => parseEdxml(PREFIXED, { maxAttachments: 0 })).code).toBe('edxml_too_large');
  });

  it('reads bytes: UTF-8 with or without BOM; refuses other encodings', () => {
    const utf8 = new TextEncoder().encode(PREFIXED);
    expect(parseEdxml(utf8).subject).toBe('V/v báo cáo tình hình tổ chức chính quyền địa phương');
    expect(parseEdxml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).code.notation).toBe('BNV-CQĐP');
    const latin1 = Buffer.from(
      PREFIXED.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
      'utf8',
    );
    expect(failure(() => parseEdxml(latin1)).detail).toBe(
      'Gói tin dùng bảng mã ISO-8859-1; chỉ chấp nhận UTF-8.',
    );
    expect(failure(() => parseEdxml(Uint8Array.from([0x3c, 0x61, 0xff, 0xfe, 0x3e]))).code).toBe(
      'edxml_malformed',
    );
  });
});
