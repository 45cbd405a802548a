import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { codeFromMail, registerCitizen } from './citizen.js';
import { browserSpec } from './server.js';

const spec = browserSpec({ smtp: true });

const phoneContext = async () => {
  // A phone-sized screen: citizens reset their password on their phones.
  return spec.newContext({ viewport: { width: 390, height: 844 } });
};

describe('a forgotten password in the browser', () => {
  it('resets it with the mailed code from the login page, lands signed in, and signs out the old session', async () => {
    const email = 'minh.le@example.vn';
    const oldPassword = 'matkhau2026';
    const newPassword = 'matkhau-moi-2027';
    const page = await (await phoneContext()).newPage();
    await registerCitizen(page, spec.url, spec.smtp, {
      email,
      password: oldPassword,
      fullName: 'Lê Văn Minh',
    });

    // Another device stays signed in with the old password.
    const other = await (await phoneContext()).newPage();
    await other.goto(`${spec.url}/dang-nhap`);
    await other.getByLabel('Tên đăng nhập').fill(email);
    await other.getByLabel('Mật khẩu').fill(oldPassword);
    await other.getByRole('button', { name: 'Đăng nhập' }).click();
    await other.waitForURL((u) => u.pathname === '/tai-khoan-cua-toi');

    // Signed out, the citizen finds "Quên mật khẩu?" on the login page.
    await page.getByRole('button', { name: /Lê Văn Minh/ }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((u) => u.pathname === '/dang-nhap');
    await expectNoSeriousA11yViolations(page, 'login');
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.waitForURL((u) => u.pathname === '/quen-mat-khau');
    await page.getByRole('heading', { name: 'Đặt lại mật khẩu', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page, 'reset: contact');

    // A malformed contact is explained beside the field.
    await page.getByRole('radio', { name: 'Địa chỉ e-mail' }).check();
    await page.getByRole('textbox', { name: 'Địa chỉ e-mail' }).fill('minh.le@');
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await page
      .getByRole('alert')
      .getByText('Nhập địa chỉ e-mail đúng dạng, ví dụ ten@example.vn.')
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'reset: contact error');

    await page.getByRole('textbox', { name: 'Địa chỉ e-mail' }).fill(email.toUpperCase());
    const since = spec.smtp.received.length;
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await page.getByRole('heading', { name: 'Nhập mã và mật khẩu mới', level: 1 }).waitFor();
    // The page never says whether the address has an account.
    await page.getByText(`Nếu địa chỉ ${email} có tài khoản công dân`).waitFor();
    await expectNoSeriousA11yViolations(page, 'reset: code');

    // The outbox is dispatched every 10 s.
    const mail = await spec.smtp.waitForMail(email, { since, timeoutMs: 45_000 });
    expect(mail.subject).toContain('Mã đặt lại mật khẩu');
    const code = codeFromMail(mail.text);

    // The two passwords must match; the rule is shown under the field.
    await page.getByText('Ít nhất 8 ký tự, gồm cả chữ và số').waitFor();
    await page.getByLabel('Mã xác nhận').fill(code);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(`${newPassword}x`);
    await page.getByRole('button', { name: 'Đặt mật khẩu mới và đăng nhập' }).click();
    await page.getByRole('alert').getByText('Hai mật khẩu chưa giống nhau').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'reset: passwords differ');

    await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
    await page.getByRole('button', { name: 'Đặt mật khẩu mới và đăng nhập' }).click();
    await page.waitForURL((u) => u.pathname === '/tai-khoan-cua-toi');
    await page.getByRole('heading', { name: 'Tài khoản của tôi', level: 1 }).waitFor();
    await page.getByRole('status').getByText('Đã đặt mật khẩu mới.').waitFor();
    await page.getByText(`Đăng nhập bằng: ${email}`).waitFor();
    await expectNoSeriousA11yViolations(page, 'my account after the reset');

    // The other device was signed out: its next request lands on the login page.
    await other.reload();
    await other.waitForURL((u) => u.pathname === '/dang-nhap');

    // The old password no longer opens the account; the new one does.
    await other.getByLabel('Tên đăng nhập').fill(email);
    await other.getByLabel('Mật khẩu').fill(oldPassword);
    await other.getByRole('button', { name: 'Đăng nhập' }).click();
    await other.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await other.getByLabel('Mật khẩu').fill(newPassword);
    await other.getByRole('button', { name: 'Đăng nhập' }).click();
    await other.waitForURL((u) => u.pathname === '/tai-khoan-cua-toi');
  });
});
