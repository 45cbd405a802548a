// Generates every PDF form (Thông tư 03/2025/TT-VPCP, forms 01–06) and opens it again.
import { describe, expect, it } from 'vitest';
import { manyEvents, sampleFormData } from './forms.fixture.js';
import { FORM_TITLES, FormDataMissingError, type FormNo, renderDossierForm } from './index.js';
import { rawPdf, readPdf, squash } from './pdf-test-utils.js';

const NOS: FormNo[] = ['01', '02', '03', '04', '05', '06'];
const A4_MEDIABOX = /\/MediaBox \[0 0 595\.28 841\.89\]/;

describe.each(NOS)('form %s', (no) => {
  it('is an A4 PDF with Tinos embedded and the ND30 header in Vietnamese', async () => {
    const pdf = await renderDossierForm(no, sampleFormData());
    const raw = rawPdf(pdf);
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(A4_MEDIABOX);
    expect(raw).toMatch(/\/FontFile2/); // the TrueType program itself is embedded
    expect(raw).toContain('Tinos');
    expect(raw).not.toContain('Helvetica');

    const { text } = await readPdf(pdf);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('UBND TỈNH AN GIANG');
    expect(text).toContain('UBND PHƯỜNG MỸ BÌNH');
    expect(text).toContain('Long Xuyên, ngày 23 tháng 11 năm 2026');
    expect(text).toContain(FORM_TITLES[no].toUpperCase());
    expect(text).toContain('H01.55.12-261123-0007');
    expect(text).toContain('Nguyễn Thị Ánh');
  });
});

describe('form 01, receipt and appointment', () => {
  it('prints the code, components, fees, times, signatures and a QR code', async () => {
    const pdf = await renderDossierForm('01', sampleFormData());
    const { text, pages } = await readPdf(pdf);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Giấy chứng nhận kết hôn của cha, mẹ');
    expect(text).toContain('50.000 đồng');
    expect(text).toContain('Trực tiếp');
    expect(text).toContain('23/11/2026 09:15'); // receivedAt 02:15Z in Vietnam time
    expect(text).toContain('27/11/2026 16:30'); // dueAt 09:30Z in Vietnam time
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Trần Văn Đức');
    expect(text).toContain('Quét mã để tra cứu tình trạng hồ sơ');
    expect(squash(text)).toContain(sampleFormData().trackingUrl);
    expect(rawPdf(pdf)).toMatch(/\/Subtype \/Image/);
    expect(pages).toHaveLength(1); // a typical receipt fits on one sheet
  });

  it('asks no signature from an applicant who applied online', async () => {
    const { text } = await readPdf(
      await renderDossierForm('01', sampleFormData({ channel: 'online', feesDue: 0 })),
    );
    expect(text).not.toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('Trực tuyến');
    expect(text).toContain('Không thu');
  });

  it('keeps Vietnamese typed in decomposed Unicode readable', async () => {
    const data = sampleFormData();
    data.applicant.name = 'Nguyễn Thị Ánh'.normalize('NFD');
    const { text } = await readPdf(await renderDossierForm('01', data));
    expect(text).toContain('Nguyễn Thị Ánh');
  });
});

describe('forms 02–05', () => {
  it('02 lists what to add, numbered, with the reason and whom to call', async () => {
    const data = sampleFormData({ contactPhone: '0296 3841 234' });
    const { text } = await readPdf(await renderDossierForm('02', data));
    expect(text).toContain('1. Bản sao Giấy xác nhận thông tin về cư trú của người mẹ');
    expect(text).toContain('2. Bản chính tờ khai có chữ ký của người đi đăng ký');
    expect(text).toContain('Hồ sơ thiếu giấy tờ chứng minh nơi cư trú của người mẹ.');
    expect(text).toContain('0296 3841 234');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
  });

  it('03 and 05 state the reason', async () => {
    for (const no of ['03', '05'] as const) {
      const { text } = await readPdf(await renderDossierForm(no, sampleFormData()));
      expect(text).toContain('Hồ sơ thiếu giấy tờ chứng minh nơi cư trú của người mẹ.');
    }
  });

  it('04 apologises and gives the old and the new appointment', async () => {
    const { text } = await readPdf(await renderDossierForm('04', sampleFormData()));
    expect(text).toContain('xin lỗi');
    expect(text).toContain('27/11/2026 16:30');
    expect(text).toContain('02/12/2026 16:00');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('THỦ TRƯỞNG CƠ QUAN');
  });

  it('refuses to issue a form without the data it needs', async () => {
    await expect(
      renderDossierForm('04', sampleFormData({ newDueAt: undefined })),
    ).rejects.toBeInstanceOf(FormDataMissingError);
    for (const no of ['02', '03', '05'] as const) {
      await expect(renderDossierForm(no, sampleFormData({ reason: '  ' }))).rejects.toThrow(
        /reason/,
      );
    }
  });
});

describe('form 06, processing control slip', () => {
  it('flows 60 events over several pages, header repeated, numbered from page 2', async () => {
    const pdf = await renderDossierForm('06', sampleFormData({ events: manyEvents(60) }));
    const { text, pages } = await readPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Ghi chú số 1\n');
    expect(text).toContain('Ghi chú số 60');
    expect(text).toContain('Cán bộ Nguyễn Văn Số');
    // Page numbers are drawn after the content, so they are each page's last text line.
    const lastLine = (page: string) => page.trim().split('\n').at(-1)?.trim();
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('Ký nhận'); // the header row is repeated on every page
      if (i > 0) expect(lastLine(page)).toBe(String(i + 1));
    }
    expect(lastLine(pages[0]!)).toMatch(/^Ghi chú số \d+$/); // no number on page 1
    const mediaBoxes = rawPdf(pdf).match(new RegExp(A4_MEDIABOX, 'g')) ?? [];
    expect(mediaBoxes).toHaveLength(pages.length);
  });

  it('prints each event with its time in Vietnam time', async () => {
    const { text } = await readPdf(await renderDossierForm('06', sampleFormData()));
    expect(squash(text)).toContain(squash('Chuyển công chức tư pháp - hộ tịch'));
    expect(text).toContain('25/11/2026');
    expect(text).toContain('15:00'); // finish event at 08:00Z
  });
});
