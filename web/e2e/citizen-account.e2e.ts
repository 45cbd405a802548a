import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { registerCitizen } from './citizen.js';
import { browserSpec } from './server.js';

const spec = browserSpec({ smtp: true });

describe('a citizen account in the browser', () => {
  it('registers with an e-mail (code from the mail), fills the profile, gives a consent, downloads the data, deletes the account', async () => {
    // A phone-sized screen: citizens register on their phones.
    const context = await spec.newContext({
      viewport: { width: 390, height: 844 },
      acceptDownloads: true,
    });
    const page = await context.newPage();

    // The login page links to registration.
    await page.goto(`${spec.url}/dang-nhap`);
    await expectNoSeriousA11yViolations(page, 'login');
    await page.getByRole('link', { name: 'Đăng ký' }).click();
    await page.waitForURL((u) => u.pathname === '/dang-ky');

    const email = 'hoa.nguyen@example.vn';
    await registerCitizen(
      page,
      spec.url,
      spec.smtp,
      { email, password: 'matkhau2026', fullName: 'Nguyễn Thị Hoà' },
      {
        onRegisterPage: (p) => expectNoSeriousA11yViolations(p, 'register'),
        onCodePage: async (p) => {
          await p.getByText(`đến địa chỉ e-mail ${email}`).waitFor();
          await expectNoSeriousA11yViolations(p, 'code');
        },
      },
    );
    const mail = spec.smtp.received.find((m) => m.to.includes(email))!;
    expect(mail.subject).toContain('Mã xác nhận đăng ký tài khoản');
    await expectNoSeriousA11yViolations(page, 'my account');

    // The profile: a wrong citizen ID is explained beside the field; a right one is saved.
    await page.getByLabel('Số căn cước công dân (CCCD)').fill('12345');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page
      .getByRole('alert')
      .getByText('Nhập số CCCD gồm 12 chữ số (3 số đầu là mã tỉnh nơi đăng ký khai sinh).')
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'profile error');
    await page.getByLabel('Số căn cước công dân (CCCD)').fill('079301000123');
    await page.getByLabel('Ngày sinh').fill('31/05/1990');
    await page.getByLabel('Số điện thoại di động').fill('0912 345 678');
    await page
      .getByLabel('Địa chỉ', { exact: true })
      .fill('12 Trần Hưng Đạo, khóm 3, phường Mỹ Bình');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page.getByText('Đã lưu thông tin cá nhân.').waitFor();
    expect(await page.getByLabel('Số điện thoại di động').inputValue()).toBe('0912345678');

    // A consent: off until ticked; ticking it is recorded in the history.
    const sms = page.getByRole('checkbox', { name: 'Nhận tin nhắn SMS' });
    expect(await sms.isChecked()).toBe(false);
    await sms.check();
    await page.getByText('Đã ghi nhận lựa chọn: Nhận tin nhắn SMS — đồng ý.').waitFor();
    await page.getByText('Lịch sử thay đổi (1)').click();
    expect(await sms.isChecked()).toBe(true);
    await page.getByText('Chưa có cán bộ nào xem dữ liệu của bạn.').waitFor();
    await expectNoSeriousA11yViolations(page, 'my account after changes');

    // Download my data: the file holds the profile (citizen ID in clear for its owner) and the consent.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải về dữ liệu (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^du-lieu-cua-toi-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(data.account).toMatchObject({ username: email, fullName: 'Nguyễn Thị Hoà' });
    expect(data.profile).toMatchObject({
      citizenId: '079301000123',
      dateOfBirth: '1990-05-31',
      phone: '0912345678',
    });
    expect(data.consents.history).toEqual([
      expect.objectContaining({ purpose: 'sms_notices', granted: true }),
    ]);

    // Signed out and in again with the e-mail, the citizen lands on their account page.
    await page.getByRole('button', { name: /Nguyễn Thị Hoà/ }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((u) => u.pathname === '/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill(email.toUpperCase());
    await page.getByLabel('Mật khẩu').fill('matkhau2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => u.pathname === '/tai-khoan-cua-toi');
    expect(await page.getByLabel('Số căn cước công dân (CCCD)').inputValue()).toBe('079301000123');

    // Deleting the account: a wrong password is refused beside the field; the right one
    // deletes, says what was kept and why, and signs out for good.
    await page.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau-1');
    await page.getByRole('button', { name: 'Xoá tài khoản của tôi' }).click();
    await page.getByRole('alert').getByText('Mật khẩu không đúng').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'deletion refused');
    await page.getByLabel('Mật khẩu hiện tại').fill('matkhau2026');
    await page.getByRole('button', { name: 'Xoá tài khoản của tôi' }).click();
    await page.getByRole('heading', { name: 'Tài khoản đã được xoá' }).waitFor();
    await page
      .getByText(/Luật Lưu trữ/)
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'deletion report');
    await page.goto(`${spec.url}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill(email);
    await page.getByLabel('Mật khẩu').fill('matkhau2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
  });
});
