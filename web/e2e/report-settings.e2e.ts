import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { ADMIN_PASSWORD, launchChromium, logIn, startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  page.on('dialog', (d) => d.accept());
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('field report settings and statistics', () => {
  it('an administrator changes a time limit, adds a routing rule and a reply template; staff see the statistics', async () => {
    await logIn(page, server.url, 'admin', ADMIN_PASSWORD);

    // Categories: tighten "Cây xanh" to 10 working days; a bad value is refused in Vietnamese.
    await page.goto(`${server.url}/quan-tri/phan-anh`);
    await page.getByRole('heading', { name: 'Cấu hình phản ánh hiện trường' }).waitFor();
    await page.getByRole('button', { name: 'Sửa lĩnh vực Cây xanh' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Giải quyết').fill('0');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('ít nhất 1 ngày làm việc').first().waitFor();
    await dialog.getByLabel('Giải quyết').fill('10');
    // An extra question for citizens (also served to Open311 clients).
    await dialog.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await dialog.getByLabel('Nội dung câu hỏi').fill('Cây có nguy cơ ngã đổ không?');
    await dialog.getByLabel('Mã câu hỏi').fill('nguy_co');
    await dialog.getByLabel('Các lựa chọn').fill('Có, rất nguy hiểm\nKhông rõ');
    await dialog.getByLabel('Bắt buộc trả lời').check();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu lĩnh vực "Cây xanh".').waitFor();
    const row = page.getByRole('row', { name: /Cây xanh/ });
    expect(await row.getByRole('cell').nth(3).innerText()).toBe('10');
    const service = await page.request.get(`${server.url}/open311/v2/services/trees.json`);
    expect((await service.json()).attributes[0]).toMatchObject({
      code: 'nguy_co',
      required: true,
      values: [
        { key: 'co_rat_nguy_hiem', name: 'Có, rất nguy hiểm' },
        { key: 'khong_ro', name: 'Không rõ' },
      ],
    });

    // Routing: lighting in Mỹ Bình ward goes to the city (883).
    await page.getByRole('tab', { name: 'Quy tắc chuyển' }).click();
    await page.getByText('Chưa có quy tắc chuyển riêng nào.').waitFor();
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Chiếu sáng công cộng' });
    await page.getByLabel('Địa bàn').selectOption({ value: '30280' });
    await page.getByLabel('Đơn vị xử lý').selectOption({ value: '883' });
    await page.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await page.getByText(/^Đã lưu: phản ánh "Chiếu sáng công cộng" tại/).waitFor();
    await page.getByRole('button', { name: /^Xóa quy tắc Chiếu sáng công cộng tại/ }).waitFor();

    // Reply templates: add one; it is listed.
    await page.getByRole('tab', { name: 'Mẫu trả lời' }).click();
    await page.getByText('Thêm mẫu trả lời').click();
    await page.getByLabel('Dùng khi').selectOption('reject');
    await page.getByLabel('Tiêu đề mẫu').fill('Trùng phản ánh đã có');
    await page.getByLabel('Nội dung').fill('Vấn đề này đã được phản ánh và đang được xử lý.');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm mẫu "Trùng phản ánh đã có".').waitFor();
    await page.getByRole('row', { name: /Trùng phản ánh đã có/ }).waitFor();

    // The citizen's form asks the new question for that category.
    await page.goto(`${server.url}/phan-anh/gui`);
    await page.getByLabel('Lĩnh vực').selectOption('trees');
    await page.getByLabel('Cây có nguy cơ ngã đổ không?').waitFor();

    // Statistics: the page loads with its table (or the empty message) and the CSV link.
    await page.goto(`${server.url}/phan-anh/thong-ke`);
    await page.getByRole('heading', { name: 'Thống kê phản ánh hiện trường' }).waitFor();
    await page
      .getByRole('table')
      .or(page.getByText('Không có phản ánh nào trong khoảng thời gian này.'))
      .first()
      .waitFor();
    // On a phone the wide table scrolls sideways; keyboard users must reach that region too.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousA11yViolations(page, 'report statistics on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    const csv = page.getByRole('link', { name: 'Tải danh sách phản ánh của kỳ (CSV)' });
    const href = await csv.getAttribute('href');
    expect(href).toMatch(
      /^\/api\/v1\/reports\/export\.csv\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}$/,
    );
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect((await res.text()).split('\r\n')[0]).toContain('Mã phản ánh');
  });
});
