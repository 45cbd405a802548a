// Citizen helpers for browser specs: register an account through the real pages, with the
// code read from the mail the server sent to a capture SMTP server (./smtp.ts).
import type { Page } from 'playwright-core';
import type { CaptureSmtp } from './smtp.js';

/** The 6-digit code in a verification mail. */
export function codeFromMail(text: string): string {
  const m = text.match(/\b(\d{6})\b/);
  if (!m) throw new Error(`no 6-digit code in: ${text}`);
  return m[1]!;
}

/**
 * Registers a citizen with an e-mail address on /dang-ky, enters the mailed code and waits
 * until the browser lands on /tai-khoan-cua-toi, signed in. `beforeSubmit` and
 * `onCodePage` let a spec check each page (e.g. run axe) on the way.
 */
export async function registerCitizen(
  page: Page,
  baseUrl: string,
  smtp: CaptureSmtp,
  who: { email: string; password: string; fullName: string },
  hooks: {
    onRegisterPage?: (p: Page) => Promise<void>;
    onCodePage?: (p: Page) => Promise<void>;
  } = {},
): Promise<void> {
  await page.goto(`${baseUrl}/dang-ky`);
  await page.getByRole('heading', { name: 'Đăng ký tài khoản công dân' }).waitFor();
  await page.getByRole('radio', { name: 'Địa chỉ e-mail' }).check();
  await page.getByRole('textbox', { name: 'Địa chỉ e-mail' }).fill(who.email);
  await page.getByRole('textbox', { name: 'Họ và tên' }).fill(who.fullName);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(who.password);
  await page.getByLabel(/Tôi đồng ý với điều khoản sử dụng/).check();
  await hooks.onRegisterPage?.(page);
  const since = smtp.received.length;
  await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
  await page.getByRole('heading', { name: 'Nhập mã xác nhận' }).waitFor();
  await hooks.onCodePage?.(page);
  // The outbox is dispatched every 10 s.
  const mail = await smtp.waitForMail(who.email, { since, timeoutMs: 45_000 });
  await page.getByLabel('Mã xác nhận').fill(codeFromMail(mail.text));
  await page.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === '/tai-khoan-cua-toi');
  await page.getByRole('heading', { name: 'Tài khoản của tôi', level: 1 }).waitFor();
}
