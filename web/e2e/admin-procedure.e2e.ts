import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, launchChromium, logIn, startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'vi-VN' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('admin creates a procedure', () => {
  it('logs in, creates a procedure with a form field, and finds it in the list', async () => {
    const code = `1.${String(Date.now()).slice(-6)}`;
    await logIn(page, server.url, 'admin', ADMIN_PASSWORD);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');

    await page.goto(`${server.url}/quan-tri/thu-tuc`);
    await page
      .getByRole('button', { name: 'Thêm thủ tục' })
      .or(page.getByRole('link', { name: 'Thêm thủ tục' }))
      .first()
      .click();
    await page.getByLabel('Mã thủ tục').fill(code);
    await page.getByLabel('Tên thủ tục').fill('Thủ tục thử nghiệm đăng ký tạm trú');
    await page.getByLabel('Lĩnh vực').fill('Cư trú');
    await page.getByLabel('Cơ quan thực hiện').fill('Công an phường Mỹ Bình');
    await page.getByLabel('Thời hạn giải quyết').fill('3');
    await page.getByLabel('Kết quả thực hiện').fill('Xác nhận đăng ký tạm trú');
    await page.getByLabel('Căn cứ pháp lý').fill('Luật Cư trú năm 2020');
    // No result before the fee is paid (the default allows it with a stated reason).
    await page
      .getByLabel('Trả kết quả khi người nộp hồ sơ chưa nộp phí, lệ phí')
      .selectOption({ label: 'Không trả — chỉ trả kết quả khi đã nộp đủ phí, lệ phí' });
    await page.getByRole('button', { name: 'Thêm bước' }).click();
    await page.getByLabel('Tên bước').last().fill('Tiếp nhận và giải quyết');
    await page.getByRole('textbox', { name: 'Thời gian xử lý', exact: true }).last().fill('3');
    await addComponentWithField(page);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    // Saved: the editor goes back to the list. If the server refused, show what it said.
    const saved = await page
      .waitForURL((u) => u.pathname === '/quan-tri/thu-tuc', { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (!saved) {
      await page.screenshot({ path: '/tmp/e2e-save-failed.png', fullPage: true });
      const alerts = await page.getByRole('alert').allInnerTexts();
      throw new Error(`procedure was not saved: ${alerts.join(' | ')}`);
    }

    await page.goto(`${server.url}/quan-tri/thu-tuc`);
    await page.getByRole('searchbox', { name: 'Tìm theo mã hoặc tên' }).fill(code);
    await expect
      .poll(async () => page.getByRole('row').filter({ hasText: code }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expect
      .poll(async () =>
        page.getByRole('row').filter({ hasText: 'Thủ tục thử nghiệm đăng ký tạm trú' }).count(),
      )
      .toBe(1);

    // The server has it with the form field.
    const api = await page.evaluate(
      async (c) => (await fetch(`/api/v1/procedures?q=${c}`)).json(),
      code,
    );
    expect(api.items).toHaveLength(1);
    const schema = api.items[0].components[0].formSchema;
    expect(Object.keys(schema.properties)).toHaveLength(1);
    const full = await page.evaluate(
      async (id) => (await fetch(`/api/v1/procedures/${id}`)).json(),
      api.items[0].id,
    );
    expect(full.unpaidReturn).toBe('refuse');
  });
});

/** Adds one dossier component with one text field through the form-schema editor. */
async function addComponentWithField(page: Page) {
  await page.getByRole('button', { name: 'Thêm thành phần hồ sơ' }).click();
  await page.getByLabel('Tên thành phần').last().fill('Tờ khai đăng ký tạm trú');
  await page.getByRole('button', { name: 'Thêm trường' }).last().click();
  await page.getByLabel('Mã trường').last().fill('hoTen');
  await page.getByLabel('Nhãn trường').last().fill('Họ và tên');
}
