// Status notices: every code of the table survives build → parse, a hand-written notice is
// read, unknown codes and a package in place of a notice are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdxml, buildEdxmlStatus } from './edxml.build.js';
import { EdxmlError } from './edxml.errors.js';
import { parseEdxml, parseEdxmlMessage, parseEdxmlStatus } from './edxml.parse.js';
import { fullPackage, fullStatus, statusArb } from './edxml.test-support.js';
import { EDXML_NAMESPACE, STATUS_CODES, STATUS_NAMES, statusOfCode } from './edxml.types.js';

const HAND_WRITTEN = `<?xml version="1.0" encoding="UTF-8"?>
<edXML:Status xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:Header>
    <edXML:MessageHeader>
      <edXML:ResponseFor>
        <edXML:OrganId>000.00.00.G22</edXML:OrganId>
        <edXML:Code>1520/BNV-CQĐP</edXML:Code>
        <edXML:PromulgationDate>2024/04/12</edXML:PromulgationDate>
        <edXML:DocumentId>000.00.00.G22,2024/04/12,1520/BNV-CQĐP</edXML:DocumentId>
      </edXML:ResponseFor>
      <edXML:From>
        <edXML:OrganId>000.00.00.H45</edXML:OrganId>
        <edXML:OrganName>Ủy ban nhân dân tỉnh Quảng Trị</edXML:OrganName>
      </edXML:From>
      <edXML:StatusCode>02</edXML:StatusCode>
      <edXML:Description>Trả lại: văn bản gửi nhầm đơn vị, đề nghị gửi Sở Nội vụ.</edXML:Description>
      <edXML:Timestamp>2024/04/13 07:05:00</edXML:Timestamp>
      <edXML:StaffInfo>
        <edXML:Department>Văn phòng UBND tỉnh</edXML:Department>
        <edXML:Staff>Trần Văn Đông</edXML:Staff>
      </edXML:StaffInfo>
      <edXML:LyDoKhac>Không có</edXML:LyDoKhac>
    </edXML:MessageHeader>
  </edXML:Header>
</edXML:Status>`;

function failure(f: () => unknown): EdxmlError {
  try {
    f();
  } catch (e) {
    if (e instanceof EdxmlError) return e;
    throw e;
  }
  throw new Error('expected an EdxmlError');
}

describe('status notices', () => {
  it('keeps the codes as data: six distinct codes, Vietnamese labels, both ways', () => {
    expect(STATUS_NAMES).toEqual([
      'received',
      'returned',
      'accepted',
      'assigned',
      'in_progress',
      'done',
    ]);
    expect(new Set(STATUS_NAMES.map((n) => STATUS_CODES[n].code)).size).toBe(6);
    expect(STATUS_CODES.returned.label).toBe('Từ chối tiếp nhận (trả lại)');
    for (const n of STATUS_NAMES) expect(statusOfCode(STATUS_CODES[n].code)).toBe(n);
    expect(statusOfCode('99')).toBeUndefined();
  });

  it.each(STATUS_NAMES)('round-trips the %s notice', (name) => {
    const s = fullStatus(name);
    const xml = buildEdxmlStatus(s);
    expect(xml).toContain(`<edXML:Status xmlns:edXML="${EDXML_NAMESPACE}">`);
    expect(xml).toContain(`<edXML:StatusCode>${STATUS_CODES[name].code}</edXML:StatusCode>`);
    // 01:15:30 UTC is 08:15:30 in Vietnam.
    expect(xml).toContain('<edXML:Timestamp>2024/03/06 08:15:30</edXML:Timestamp>');
    expect(parseEdxmlStatus(xml)).toEqual(s);
    expect(parseEdxmlMessage(xml)).toEqual({ kind: 'status', status: s });
  });

  it('reads a hand-written notice and keeps its unknown element', () => {
    const s = parseEdxmlStatus(HAND_WRITTEN);
    expect(s).toMatchObject({
      responseFor: {
        organId: '000.00.00.G22',
        code: '1520/BNV-CQĐP',
        promulgationDate: '2024-04-12',
        documentId: '000.00.00.G22,2024/04/12,1520/BNV-CQĐP',
      },
      from: { organId: '000.00.00.H45', organName: 'Ủy ban nhân dân tỉnh Quảng Trị' },
      status: 'returned',
      description: 'Trả lại: văn bản gửi nhầm đơn vị, đề nghị gửi Sở Nội vụ.',
      timestamp: '2024-04-13T00:05:00.000Z',
      staff: { department: 'Văn phòng UBND tỉnh', name: 'Trần Văn Đông', email: '', mobile: '' },
      trace: [],
      extra: [
        {
          path: 'Status/Header/MessageHeader',
          xml: `<edXML:LyDoKhac xmlns:edXML="${EDXML_NAMESPACE}">Không có</edXML:LyDoKhac>`,
        },
      ],
    });
    expect(parseEdxmlStatus(buildEdxmlStatus(s))).toEqual(s);
    // The other root and header names we accept read the same.
    const variant = HAND_WRITTEN.replaceAll('edXML:Status>', 'edXML:edXMLStatus>')
      .replace('<edXML:Status ', '<edXML:edXMLStatus ')
      .replaceAll('edXML:Header>', 'edXML:edXMLHeader>');
    expect(parseEdxmlStatus(variant)).toEqual(s);
  });

  it('refuses an unknown status code, a missing field and the wrong kind of document', () => {
    const unknown = failure(() => parseEdxmlStatus(HAND_WRITTEN.replace('>02<', '>99<')));
    expect([unknown.code, unknown.path]).toEqual([
      'edxml_invalid_field',
      'Status/Header/MessageHeader/StatusCode',
    ]);
    expect(unknown.detail).toContain('mã trạng thái "99" không xác định');
    const noId = failure(() =>
      parseEdxmlStatus(HAND_WRITTEN.replace(/<edXML:DocumentId>.*<\/edXML:DocumentId>/, '')),
    );
    expect([noId.code, noId.path]).toEqual([
      'edxml_missing_field',
      'Status/Header/MessageHeader/ResponseFor/DocumentId',
    ]);
    const pkg = buildEdxml(fullPackage());
    const wrong = failure(() => parseEdxmlStatus(pkg));
    expect([wrong.code, wrong.detail]).toEqual([
      'edxml_unexpected_root',
      'Đây là gói tin văn bản, không phải thông báo trạng thái.',
    ]);
    expect(failure(() => parseEdxml(HAND_WRITTEN)).detail).toBe(
      'Đây là thông báo trạng thái, không phải gói tin văn bản.',
    );
    expect(parseEdxmlMessage(pkg).kind).toBe('package');
    expect(
      failure(() => buildEdxmlStatus({ ...fullStatus('done'), status: 'lost' as 'done' })).path,
    ).toBe('status');
  });

  it('property: any valid notice survives build → parse', () => {
    fc.assert(
      fc.property(statusArb, (s) => {
        expect(parseEdxmlStatus(buildEdxmlStatus(s))).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });
});
