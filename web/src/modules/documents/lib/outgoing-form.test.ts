import { describe, expect, it } from 'vitest';
import {
  contentDraftOf,
  contentOf,
  EMPTY_OUTGOING_DRAFT,
  externalLines,
  outgoingBody,
  placeLines,
  reviseBody,
  splitParagraphs,
} from './outgoing-form.ts';

const nameOf = (code: string) =>
  ({ '30280': 'Phường Mỹ Bình', '30283': 'Phường Mỹ Long' })[code] ?? code;
const SIGNER = '00000000-0000-4000-8000-000000000007';
const REPLY = '00000000-0000-4000-8000-0000000000aa';

const draft = {
  ...EMPTY_OUTGOING_DRAFT,
  unitCode: '883',
  summary: 'V/v trả lời Kế hoạch số 05/KH-SVHTTDL',
  body: '  Kính gửi: Ủy ban nhân dân phường Mỹ Bình. \n\n\nThực hiện Kế hoạch số 05,\nPhòng Văn hóa và Thông tin đề nghị:\n  \nPhường báo cáo trước ngày 20/3.  ',
  authority: 'TM. ỦY BAN NHÂN DÂN',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Trương Văn Chỉ',
  signerUserId: SIGNER,
  recipientUnits: ['30280', '30280'],
  places: '- Như trên;\n- Sở VHTTDL (để b/c);\n- Lưu: VT, VHTT.\n',
  replyToId: REPLY,
  deadline: '20/03/2026',
};

describe('paragraphs and "Nơi nhận" lines', () => {
  it('splits the body at blank lines (spaces on them too), trimming each paragraph', () => {
    expect(splitParagraphs(draft.body)).toEqual([
      'Kính gửi: Ủy ban nhân dân phường Mỹ Bình.',
      'Thực hiện Kế hoạch số 05,\nPhòng Văn hóa và Thông tin đề nghị:',
      'Phường báo cáo trước ngày 20/3.',
    ]);
    expect(splitParagraphs('\r\nMột\r\n\r\nHai\r\n')).toEqual(['Một', 'Hai']);
  });

  it('drops the printed dash and ending, and the "Lưu" line the server adds itself', () => {
    expect(placeLines(draft.places)).toEqual(['Như trên', 'Sở VHTTDL (để b/c)']);
  });
});

describe('outgoingBody', () => {
  it('builds POST /documents/outgoing from the form', () => {
    const r = outgoingBody(draft, [], nameOf);
    expect(r.ok && r.value).toEqual({
      unitCode: '883',
      typeCode: 'CV',
      urgency: 'normal',
      deadline: '2026-03-20',
      replyToId: REPLY,
      summary: 'V/v trả lời Kế hoạch số 05/KH-SVHTTDL',
      paragraphs: splitParagraphs(draft.body),
      signer: {
        authority: 'TM. ỦY BAN NHÂN DÂN',
        title: 'CHỦ TỊCH',
        name: 'Trương Văn Chỉ',
        userId: SIGNER,
      },
      recipients: { units: ['30280'], external: [], places: ['Như trên', 'Sở VHTTDL (để b/c)'] },
      files: [],
    });
  });

  it('prints the chosen units as "Nơi nhận" when no line was typed; no reply link when none', () => {
    const r = outgoingBody(
      { ...draft, places: '', replyToId: '', authority: ' ', signerUserId: '' },
      [],
      nameOf,
    );
    expect(r.ok && r.value.recipients.places).toEqual(['Phường Mỹ Bình']);
    expect(r.ok && r.value.replyToId).toBeNull();
    expect(r.ok && r.value.signer).toEqual({
      authority: null,
      title: 'CHỦ TỊCH',
      name: 'Trương Văn Chỉ',
      userId: null,
    });
  });

  it('refuses in Vietnamese: no summary, no body, no signer title and name, a bad date', () => {
    const r = outgoingBody(
      { ...EMPTY_OUTGOING_DRAFT, unitCode: '883', body: ' \n\n ', deadline: '2026/03/20' },
      [],
      nameOf,
    );
    expect(r.ok ? null : r.errors).toEqual({
      summary: 'Nhập trích yếu.',
      paragraphs: 'Nhập nội dung văn bản.',
      'signer.title': 'Nhập chức vụ người ký.',
      'signer.name': 'Nhập họ tên người ký.',
      deadline: 'Nhập hạn xử lý theo dạng dd/mm/yyyy, ví dụ 05/03/2026.',
    });
  });
});

describe('revision', () => {
  it('round-trips a saved content through the form', () => {
    const content = contentOf(draft, nameOf);
    expect(contentOf(contentDraftOf(content), nameOf)).toEqual(content);
  });

  it('builds the revise action with the version seen and an optional comment', () => {
    const r = reviseBody(draft, '  Sửa theo ý kiến văn phòng ', 3, nameOf);
    expect(r.ok && r.value).toMatchObject({
      action: 'revise',
      version: 3,
      comment: 'Sửa theo ý kiến văn phòng',
    });
    const bare = reviseBody(draft, '', 3, nameOf);
    expect(bare.ok && 'comment' in bare.value).toBe(false);
    const bad = reviseBody({ ...draft, summary: '' }, '', 3, nameOf);
    expect(bad.ok ? null : bad.errors).toEqual({ summary: 'Nhập trích yếu.' });
  });
});

describe('outside recipients (edXML)', () => {
  it('reads "mã định danh; tên" lines, with the usual separators, and keeps them on revision', () => {
    const typed =
      '000.00.12.H01; Sở Thông tin và Truyền thông\n- 000.00.00.g22 | Văn phòng UBND tỉnh;\n\n';
    expect(externalLines(typed)).toEqual({
      recipients: [
        { organId: '000.00.12.H01', name: 'Sở Thông tin và Truyền thông' },
        { organId: '000.00.00.G22', name: 'Văn phòng UBND tỉnh' },
      ],
      bad: [],
    });
    const content = contentOf({ ...draft, places: '', external: typed }, nameOf);
    expect(content.recipients.places).toEqual([
      'Phường Mỹ Bình',
      'Sở Thông tin và Truyền thông',
      'Văn phòng UBND tỉnh',
    ]);
    // A revision from the page keeps them (nothing lost).
    expect(contentOf(contentDraftOf(content), nameOf).recipients.external).toEqual(
      content.recipients.external,
    );
  });

  it('refuses a line without identifier and name, naming the line', () => {
    const r = outgoingBody(
      { ...draft, external: '000.00.12.H01; Sở TTTT\nSở Tài chính' },
      [],
      nameOf,
    );
    expect(r.ok ? null : r.errors['recipients.external']).toMatch(/^Dòng 2: ghi mã định danh/);
    const rev = reviseBody({ ...draft, external: 'chỉ có tên' }, '', 2, nameOf);
    expect(rev.ok ? null : rev.errors['recipients.external']).toMatch(/^Dòng 1:/);
  });
});
