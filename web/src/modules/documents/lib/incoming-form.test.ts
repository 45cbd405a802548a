import { describe, expect, it } from 'vitest';
import { applyProposals, EMPTY_INCOMING_DRAFT, incomingBody } from './incoming-form.ts';

const draft = {
  ...EMPTY_INCOMING_DRAFT,
  issuerName: '  Sở Văn hóa, Thể thao và Du lịch tỉnh An Giang ',
  codeNumber: '05',
  codeNotation: 'KH-SVHTTDL',
  issuedOn: '5/3/2026',
  typeCode: 'KH',
  summary: 'Triển khai Ngày Sách và Văn hóa đọc Việt Nam năm 2026',
  signerName: 'Nguyễn Văn Ký',
  urgency: 'urgent',
  deadline: '20/03/2026',
};
const file = { name: 'ban-quet.pdf', contentType: 'application/pdf', data: 'JVBERi0xLjQ=' };

describe('incomingBody', () => {
  it('builds POST /documents/incoming: dates as ISO, trimmed text, empty optionals as null', () => {
    const r = incomingBody(draft, [file]);
    expect(r.ok && r.value).toEqual({
      source: 'paper',
      issuer: { name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh An Giang', organId: null },
      codeNumber: '05',
      codeNotation: 'KH-SVHTTDL',
      issuedOn: '2026-03-05',
      typeCode: 'KH',
      summary: 'Triển khai Ngày Sách và Văn hóa đọc Việt Nam năm 2026',
      signerName: 'Nguyễn Văn Ký',
      signerPosition: null,
      urgency: 'urgent',
      confidentiality: 'normal',
      deadline: '2026-03-20',
      note: null,
      files: [file],
    });
  });

  it('never sends the files of a confidential document', () => {
    const r = incomingBody({ ...draft, confidentiality: 'secret' }, [file]);
    expect(r.ok && r.value.files).toEqual([]);
    expect(r.ok && r.value.confidentiality).toBe('secret');
  });

  it('names the registering unit only when the clerk chose one', () => {
    const r = incomingBody({ ...draft, unitCode: '883' }, []);
    expect(r.ok && r.value.unitCode).toBe('883');
  });

  it('refuses in Vietnamese, keyed by the body path of each field', () => {
    const r = incomingBody(
      {
        ...EMPTY_INCOMING_DRAFT,
        issuedOn: '31/02/2026',
        deadline: 'mai',
        codeNumber: 'x'.repeat(40),
      },
      [],
    );
    expect(r.ok ? null : r.errors).toEqual({
      'issuer.name': 'Nhập cơ quan ban hành.',
      codeNumber: 'Không quá 32 ký tự.',
      codeNotation: 'Nhập ký hiệu văn bản.',
      summary: 'Nhập trích yếu.',
      issuedOn: 'Nhập ngày ban hành theo dạng dd/mm/yyyy, ví dụ 05/03/2026.',
      deadline: 'Nhập hạn xử lý theo dạng dd/mm/yyyy, ví dụ 05/03/2026.',
      typeCode: 'Chọn loại văn bản.',
    });
    const early = incomingBody({ ...draft, deadline: '01/03/2026' }, []);
    expect(early.ok ? null : early.errors).toEqual({
      deadline: 'Hạn xử lý không được trước ngày ban hành.',
    });
    const none = incomingBody({ ...draft, issuedOn: '' }, []);
    expect(none.ok ? null : none.errors.issuedOn).toBe('Nhập ngày ban hành, theo dạng dd/mm/yyyy.');
  });
});

describe('applyProposals', () => {
  const proposals = {
    codeNumber: '12',
    codeNotation: 'UBND-VX',
    issuedOn: '2026-03-02',
    place: 'An Giang',
    issuerName: 'Ủy ban nhân dân tỉnh An Giang',
    typeCode: 'CV',
    summary: 'V/v tổ chức Ngày hội Văn hóa',
    signerName: null,
  };

  it('fills the empty fields, the date as dd/mm/yyyy, and names the fields filled', () => {
    const r = applyProposals(EMPTY_INCOMING_DRAFT, proposals);
    expect(r.draft).toMatchObject({
      codeNumber: '12',
      codeNotation: 'UBND-VX',
      issuedOn: '02/03/2026',
      issuerName: 'Ủy ban nhân dân tỉnh An Giang',
      typeCode: 'CV',
      summary: 'V/v tổ chức Ngày hội Văn hóa',
      signerName: '',
    });
    expect(r.proposed.sort()).toEqual(
      ['codeNotation', 'codeNumber', 'issuedOn', 'issuerName', 'summary', 'typeCode'].sort(),
    );
  });

  it('never overwrites what the clerk typed, nor takes an unknown type', () => {
    const r = applyProposals(
      { ...EMPTY_INCOMING_DRAFT, codeNumber: '15' },
      { ...proposals, typeCode: 'XYZ' },
    );
    expect(r.draft.codeNumber).toBe('15');
    expect(r.draft.typeCode).toBe('');
    expect(r.proposed).not.toContain('codeNumber');
    expect(r.proposed).not.toContain('typeCode');
  });
});
