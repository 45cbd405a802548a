// Issue 4's journey on the citizen portal, in a real browser: register, search the catalogue
// without diacritics, submit online with an attachment (profile prefill, a saved draft that
// survives a reload), see the fee's VietQR code, the desk confirms the payment, the dossier is
// processed to the end, the citizen downloads the electronic result and rates the service.
// Without the "save for reuse" consent the paper serves the dossier only and nothing joins
// the personal data store; once the citizen consents, the result does (issue 11).
// axe-core checks every portal page on the way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { registerCitizen } from './citizen.js';
import { browserSpec, signedInPage } from './server.js';
import { staffApi } from './staff-api.js';

const spec = browserSpec({ smtp: true });
const scan = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-portal-')), 'hoc-ba.pdf');
// A real one-page PDF (catalog, pages, page, xref; server/test/factories/pdf.ts): the leader's
// approval signs a PDF result, which needs a file a reader can open.
const RESULT = Buffer.from(
  '%PDF-1.4\n% Giay khai sinh (ban dien tu)\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n' +
    'xref\n0 4\n0000000000 65535 f \n0000000040 00000 n \n0000000089 00000 n \n0000000146 00000 n \n' +
    'trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n217\n%%EOF\n',
);

beforeAll(() => {
  fs.writeFileSync(scan, '%PDF-1.4\n% hoc ba\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
});

describe('citizen portal (issue 4)', () => {
  it('register → search → submit online → pay → processed → result downloaded → rated', async () => {
    const context = await spec.newContext({ viewport: { width: 390, height: 844 } });
    const page: Page = await context.newPage();
    const email = `an.${Date.now()}@example.vn`;

    // 1. Register with an e-mail address; the code comes by mail.
    await registerCitizen(page, spec.url, spec.smtp, {
      email,
      password: 'matkhau2026',
      fullName: 'Nguyễn Văn An',
    });
    await page.getByLabel('Số căn cước công dân (CCCD)').fill('089201000123');
    await page.getByLabel('Ngày sinh').fill('01/05/1990');
    await page.getByLabel('Số điện thoại di động').fill('0987 654 321');
    await page
      .getByLabel('Địa chỉ', { exact: true })
      .fill('12 Trần Hưng Đạo, khóm 3, phường Mỹ Bình');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page.getByText('Đã lưu thông tin cá nhân.').waitFor();
    await page.getByRole('checkbox', { name: 'Điền sẵn tờ khai từ thông tin cá nhân' }).check();
    await page.getByText(/Đã ghi nhận lựa chọn: Điền sẵn tờ khai/).waitFor();

    // 2. Search without diacritics; open the procedure; "Nộp trực tuyến".
    await page.goto(`${spec.url}/dich-vu-cong`);
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('dang ky lai khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    // The results of this query, not the unfiltered list still on screen.
    await page.getByText(/^Tìm thấy \d+ thủ tục cho "dang ky lai khai sinh"$/).waitFor();
    const first = page.locator('.cat-results > li').first();
    await expect(first.getByRole('heading').innerText()).resolves.toBe('Đăng ký lại khai sinh');
    await first.getByRole('link', { name: 'Đăng ký lại khai sinh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký lại khai sinh' }).waitFor();
    await page.getByRole('link', { name: 'Nộp trực tuyến', exact: true }).click();

    // 3. The submission form: a draft, prefilled from the profile.
    await page.waitForURL(/\/dich-vu-cong\/nop\/1\.004884\?nhap=/);
    const draftUrl = page.url();
    await page.getByText(/Đã điền sẵn \d+ thông tin/).waitFor();
    expect(await page.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Nguyễn Văn An');
    expect(await page.getByLabel('Ngày sinh', { exact: true }).inputValue()).toBe('01/05/1990');
    expect(await page.getByLabel(/^Số định danh cá nhân của người yêu cầu/).inputValue()).toBe(
      '089201000123',
    );
    await expectNoSeriousA11yViolations(page, '/dich-vu-cong/nop (prefilled)');
    await page.getByLabel('Cơ quan tiếp nhận hồ sơ').selectOption('30280');
    await page.getByLabel(/^Họ, chữ đệm, tên của trẻ/).fill('Nguyễn Văn Bình');
    await page.getByLabel(/^Ngày, tháng, năm sinh/).fill('02/03/2010');
    await page.getByLabel(/^Giới tính/).selectOption({ index: 1 });
    await page.getByLabel(/^Nơi sinh/).fill('Bệnh viện Đa khoa An Giang');
    await page.getByLabel(/^Nơi đã đăng ký khai sinh trước đây/).fill('UBND phường Mỹ Bình');
    await page.getByLabel(/^Lý do đăng ký lại/).fill('Sổ đăng ký khai sinh bị mất do thiên tai.');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText(/^Đã lưu nháp lúc/).waitFor();

    // The draft is on the server: a reload (or another device) resumes it.
    await page.goto(draftUrl);
    await page.getByLabel(/^Nơi đã đăng ký khai sinh trước đây/).waitFor();
    expect(await page.getByLabel(/^Nơi đã đăng ký khai sinh trước đây/).inputValue()).toBe(
      'UBND phường Mỹ Bình',
    );

    // No "save for reuse" consent: the form says a paper uploaded here serves this dossier only.
    await page
      .getByTestId('no-store-consent')
      .getByText(/chỉ dùng cho hồ sơ này/)
      .waitFor();

    // Submitting without the required paper is refused with the reason beside it.
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page
      .getByRole('alert')
      .getByText(/Đính kèm "Bản sao giấy tờ có thông tin khai sinh/)
      .waitFor();
    await page
      .getByLabel(/^Tải tệp lên cho "Bản sao giấy tờ có thông tin khai sinh/)
      .setInputFiles(scan);
    await page.getByRole('button', { name: /^Xóa hoc-ba/ }).waitFor();
    await page.getByRole('radio', { name: 'Qua dịch vụ bưu chính công ích' }).check();
    await page.getByLabel('Địa chỉ nhận kết quả').fill('12 Trần Hưng Đạo, khóm 3, phường Mỹ Bình');
    const emailBox = page.getByLabel(/^Email/);
    if (!(await emailBox.inputValue())) await emailBox.fill(email);
    await expectNoSeriousA11yViolations(page, '/dich-vu-cong/nop (filled)');
    const mailsBefore = spec.smtp.received.length;
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor({ timeout: 15_000 });
    const code = (await page.getByTestId('dossier-code').innerText()).trim();
    expect(code).toMatch(/-\d{6}-\d{4}$/);
    await expectNoSeriousA11yViolations(page, '/dich-vu-cong/nop (submitted)');

    // Form 01 by e-mail: the receipt mail links it.
    const mail = await spec.smtp.waitForMail(email, { timeoutMs: 45_000, since: mailsBefore });
    expect(mail.text).toContain(code);
    expect(mail.text).toContain(`/api/v1/portal/my-dossiers/${code}/receipt.pdf`);

    // 4. My dossier: the fee's VietQR code.
    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký lại khai sinh' }).waitFor();
    await page.getByTestId('pay-qr').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('pay-amount').innerText()).toBe('5.000 đ');
    expect(await page.getByTestId('pay-reference').innerText()).toContain(code);
    await expectNoSeriousA11yViolations(page, '/dich-vu-cong/ho-so-cua-toi/:code (to pay)');

    // 5. The desk confirms the payment on the staff page.
    const desk = await signedInPage(spec.browser, spec.url, 'motcua.mybinh', spec.contexts);
    const deskApi = await staffApi(spec.url, 'motcua.mybinh');
    const found = await deskApi('GET', `/dossiers?q=${encodeURIComponent(code)}&state=all`);
    const dossierId = (found.items as { id: string; code: string }[]).find(
      (d) => d.code === code,
    )!.id;
    await desk.goto(`${spec.url}/ho-so/${dossierId}`);
    await desk.getByRole('button', { name: 'Xác nhận đã thu phí' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Xác nhận đã thu phí' });
    await dialog.getByLabel('Hình thức nộp').selectOption({ label: 'Chuyển khoản ngân hàng' });
    await dialog.getByRole('button', { name: 'Xác nhận và cấp biên lai' }).click();
    await desk
      .getByText(/Đã xác nhận thu phí, cấp biên lai số BL-\d{4}-\d{6}\./)
      .waitFor({ timeout: 10_000 });

    // 6. Processed to the end (through the API: the staff screens have their own spec).
    const specialist = await staffApi(spec.url, 'chuyenvien.mybinh');
    const leader = await staffApi(spec.url, 'lanhdao.mybinh');
    let d = await deskApi('POST', `/dossiers/${dossierId}/actions`, {
      action: 'assign',
      version: 1,
      assigneeUsername: 'chuyenvien.mybinh',
    });
    const file = await specialist(
      'POST',
      `/dossiers/${dossierId}/files?kind=result&filename=${encodeURIComponent('Giấy khai sinh.pdf')}`,
      RESULT,
      'application/pdf',
    );
    d = await specialist('POST', `/dossiers/${dossierId}/actions`, {
      action: 'finish',
      version: d.version,
      resultSummary: 'Đã đăng ký lại khai sinh',
      resultFileId: file.id,
    });
    d = await leader('POST', `/dossiers/${dossierId}/actions`, {
      action: 'approve',
      version: d.version,
    });
    await deskApi('POST', `/dossiers/${dossierId}/actions`, {
      action: 'return_result',
      version: d.version,
      method: 'electronic',
    });

    // 7. The citizen sees it returned, paid, and downloads the electronic result.
    await page.reload();
    await page.getByText('Đã trả kết quả', { exact: true }).first().waitFor();
    await page.getByText('Đã thanh toán').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải kết quả điện tử' }).click(),
    ]);
    // The signed version: the upload, then the leader's and the unit's signatures appended.
    const got = fs.readFileSync((await download.path())!);
    expect(got.subarray(0, RESULT.length).equals(RESULT)).toBe(true);
    expect(got.length).toBeGreaterThan(RESULT.length);
    await expectNoSeriousA11yViolations(page, '/dich-vu-cong/ho-so-cua-toi/:code (returned)');

    // 8. Rated.
    await page.getByRole('radio', { name: /5 — Rất hài lòng/ }).check();
    await page
      .getByLabel('Góp ý (không bắt buộc)')
      .fill('Nộp trực tuyến nhanh, không phải đi lại.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn Ông/Bà đã đánh giá.').waitFor({ timeout: 10_000 });

    // Without the consent, the store holds nothing of it (the paper served the dossier only)
    // and says why, linking to where consents are set.
    await page.goto(`${spec.url}/dich-vu-cong/kho-du-lieu`);
    await page.getByRole('heading', { level: 1, name: 'Kho dữ liệu cá nhân' }).waitFor();
    await page.getByTestId('no-store-consent').waitFor();
    await page.getByText('Kho chưa có giấy tờ nào.').waitFor();
    await expectNoSeriousA11yViolations(page, '/dich-vu-cong/kho-du-lieu (no consent)');
    await page.getByRole('link', { name: 'Bật lựa chọn này ở Tài khoản của tôi' }).click();
    await page.waitForURL((u) => u.pathname === '/tai-khoan-cua-toi');
    await page.getByRole('checkbox', { name: 'Lưu giấy tờ để dùng lại' }).check();
    await page.getByText(/Đã ghi nhận lựa chọn: Lưu giấy tờ để dùng lại/).waitFor();
    // With it, the result joins the store, ready for reuse; the earlier paper does not.
    await page.goto(`${spec.url}/dich-vu-cong/kho-du-lieu`);
    await page.getByText(`Kết quả hồ sơ ${code} — Đăng ký lại khai sinh`).waitFor();
    expect(await page.getByRole('heading', { name: 'hoc-ba' }).count()).toBe(0);
    expect(await page.getByTestId('no-store-consent').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, '/dich-vu-cong/kho-du-lieu');
    await page.goto(`${spec.url}/dich-vu-cong/ho-so-cua-toi`);
    await page.getByRole('link', { name: 'Đăng ký lại khai sinh' }).waitFor();
    await expectNoSeriousA11yViolations(page, '/dich-vu-cong/ho-so-cua-toi');

    // Public tracking by code and citizen ID works too.
    await page.goto(`${spec.url}/tra-cuu?ma=${encodeURIComponent(code)}`);
    await page.getByRole('radio', { name: 'Dùng số CCCD' }).check();
    await page.getByRole('textbox', { name: 'Số CCCD' }).fill('089201000123');
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.getByText('Đã trả kết quả', { exact: true }).first().waitFor();
    await expectNoSeriousA11yViolations(page, '/tra-cuu (by citizen ID)');
  }, 240_000);
});
