// The public procedure catalogue on a phone (issue 4): search without diacritics, open the
// first result, read the sections the law requires public, follow "Nộp trực tuyến", download
// a blank form (opened with pdf-parse), and axe-core on both pages.
import fs from 'node:fs';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { ADMIN_PASSWORD, browserSpec, logIn } from './server.js';

const spec = browserSpec();

/** A fresh anonymous session on a phone-sized screen. */
async function phonePage(): Promise<Page> {
  const context = await spec.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  return context.newPage();
}

const results = (page: Page) => page.locator('.cat-results > li');

async function pdfText(file: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(file)) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('public procedure catalogue in the browser', () => {
  it('finds Đăng ký kết hôn from "ket hon", shows its page, links to online submission, downloads its form', async () => {
    const page = await phonePage();
    await page.goto(`${spec.url}/`);
    // Linked from every page's footer.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tra cứu thủ tục' }).click();
    await page.waitForURL(/\/dich-vu-cong$/);
    await page.getByRole('heading', { level: 1, name: 'Tra cứu thủ tục hành chính' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Tìm thấy \d+ thủ tục$/ })
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'catalogue');

    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('ket hon');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\?q=ket\+hon$/);
    await page.getByText(/^Tìm thấy \d+ thủ tục cho "ket hon"$/).waitFor();
    const first = results(page).first();
    await expect(first.getByRole('heading').innerText()).resolves.toBe('Đăng ký kết hôn');
    await expect(first.innerText()).resolves.toMatch(/Hộ tịch · Cấp xã · Mã thủ tục 1\.000894/);
    await expect(first.innerText()).resolves.toContain('Thời hạn: 4 giờ làm việc');
    await expect(first.innerText()).resolves.toContain('Phí, lệ phí: Không mất phí');
    await expect(first.innerText()).resolves.toContain('Nộp trực tuyến');
    // The search box keeps the query of the URL after a reload.
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Tìm thủ tục' }).inputValue()).resolves.toBe(
      'ket hon',
    );
    await expectNoSeriousA11yViolations(page, 'catalogue with results');

    // A filter narrows the list and is kept in the URL.
    const full = await (
      await fetch(`${spec.url}/api/v1/public/procedures?q=ket+hon&onlineLevel=full`)
    ).json();
    await page.getByText('Lọc theo lĩnh vực, cơ quan, cấp, mức độ').click();
    await page.getByLabel('Mức độ dịch vụ công trực tuyến').selectOption('full');
    await page.waitForURL(/onlineLevel=full/);
    await page
      .getByRole('status')
      .filter({
        hasText:
          full.total === 0 ? 'Không tìm thấy thủ tục phù hợp' : `Tìm thấy ${full.total} thủ tục`,
      })
      .waitFor();
    await expect(results(page).count()).resolves.toBe(full.total);
    await expect(
      results(page).getByRole('link', { name: 'Đăng ký kết hôn', exact: true }).count(),
    ).resolves.toBe(0);
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.waitForURL(/\?q=ket\+hon$/);

    await results(page).first().getByRole('link', { name: 'Đăng ký kết hôn' }).click();
    await page.waitForURL(/\/dich-vu-cong\/thu-tuc\/1\.000894$/);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký kết hôn' }).waitFor();
    for (const section of [
      'Thông tin chung',
      'Trình tự thực hiện',
      'Cách thức thực hiện',
      'Thành phần hồ sơ',
      'Thời hạn giải quyết',
      'Phí, lệ phí',
      'Kết quả thực hiện',
      'Căn cứ pháp lý',
    ]) {
      await expect(
        page.getByRole('heading', { level: 2, name: section, exact: true }).count(),
      ).resolves.toBe(1);
    }
    await expect(
      page.getByRole('region', { name: 'Kết quả thực hiện' }).innerText(),
    ).resolves.toContain('Giấy chứng nhận kết hôn');
    await expect(
      page.getByRole('region', { name: 'Căn cứ pháp lý' }).innerText(),
    ).resolves.toContain('Luật Hộ tịch');
    await expect(
      page.getByRole('region', { name: 'Cách thức thực hiện' }).innerText(),
    ).resolves.toContain('Trực tuyến qua Cổng dịch vụ công');
    const submit = page.getByRole('link', { name: 'Nộp trực tuyến', exact: true });
    await expect(submit.getAttribute('href')).resolves.toBe('/dich-vu-cong/nop/1.000894');
    await expectNoSeriousA11yViolations(page, 'procedure page');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: /^Tải mẫu để in \(PDF\)\s*: Tờ khai đăng ký kết hôn$/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('1.000894-to_khai.pdf');
    const text = await pdfText((await download.path())!);
    expect(text).toContain('TỜ KHAI ĐĂNG KÝ KẾT HÔN');
    expect(text).toContain('Họ, chữ đệm, tên bên nữ (*)');

    // "Back" returns to the same search.
    await page.getByRole('link', { name: 'Quay lại danh mục thủ tục' }).click();
    await page.waitForURL(/\/dich-vu-cong\?q=ket\+hon$/);
    await page.getByText(/^Tìm thấy \d+ thủ tục cho "ket hon"$/).waitFor();
  });

  it('a procedure without an online service says where to apply, and an unknown code says so', async () => {
    const page = await phonePage();
    await page.goto(`${spec.url}/dich-vu-cong/thu-tuc/2.000884`);
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: 'Chứng thực chữ ký' })
      .waitFor();
    await expect(
      page.getByRole('link', { name: 'Nộp trực tuyến', exact: true }).count(),
    ).resolves.toBe(0);
    await page.getByText('Thủ tục này chưa có dịch vụ nộp trực tuyến').waitFor();
    await expectNoSeriousA11yViolations(page, 'procedure without online service');

    await page.goto(`${spec.url}/dich-vu-cong/thu-tuc/9.999999`);
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy thủ tục này' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'unknown procedure');

    await page.goto(`${spec.url}/dich-vu-cong?q=xyzzy`);
    await page.getByRole('status').filter({ hasText: 'Không tìm thấy thủ tục phù hợp' }).waitFor();
  });

  it('an administrator adds a synonym group and the public search uses it at once', async () => {
    const page = await phonePage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await logIn(page, spec.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${spec.url}/quan-tri/thu-tuc`);
    await page.getByRole('link', { name: 'Từ đồng nghĩa khi tìm thủ tục' }).click();
    await page.waitForURL(/\/quan-tri\/thu-tuc\/tu-dong-nghia$/);
    const box = page.getByLabel('Các nhóm từ đồng nghĩa');
    await expect(box.inputValue()).resolves.toContain(
      'sổ đỏ, sổ hồng, giấy chứng nhận quyền sử dụng đất',
    );
    await expectNoSeriousA11yViolations(page, 'synonym list');

    // A term already in the list is refused, against its line, and nothing is saved.
    const original = await box.inputValue();
    const lines = original.split('\n').length;
    await box.fill(`${original}\ncưới hỏi, đám cưới\nKet Hon, lấy vợ`);
    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Dòng ${lines + 2}: "Ket Hon" trùng với "kết hôn"` })
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'synonym list with errors');

    await box.fill(`${original}\nkaraoke, phòng hát`);
    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    await page.getByText('Đã lưu danh sách từ đồng nghĩa.').waitFor();

    await page.goto(`${spec.url}/dich-vu-cong?q=${encodeURIComponent('phòng hát')}`);
    await page.getByText(/^Tìm thấy \d+ thủ tục cho "phòng hát"$/).waitFor();
    await expect(results(page).first().getByRole('heading').innerText()).resolves.toBe(
      'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke',
    );
  });
});
