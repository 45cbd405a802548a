// The default deployment is plain http on a LAN address (http://192.168.1.10:3000, with
// COOKIE_SECURE=false). Such a page is not a secure context, so the browser withholds
// crypto.randomUUID, navigator.clipboard, geolocation and the like; 127.0.0.1, where the other
// specs run, counts as secure and hides the difference. Here Chromium resolves cqs.test to
// 127.0.0.1 and the app is loaded from http://cqs.test:<port>.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { receiveCertification } from './desk.js';
import { browserSpec, signedInPage } from './server.js';

const spec = browserSpec({ host: 'cqs.test' });

/** What the page can use: is it a secure context, and are the secure-only APIs there? */
const contextOf = (page: Page) =>
  page.evaluate(() => ({
    origin: window.location.origin,
    secure: window.isSecureContext,
    randomUUID: typeof crypto.randomUUID,
    clipboard: typeof navigator.clipboard,
  }));

describe('the app over plain http from a LAN host name (not a secure context)', () => {
  it('a citizen sends a field report: no device position offered but a hint, the follow link copies', async () => {
    const context = await spec.newContext({ viewport: { width: 390, height: 844 } });
    const citizen = await context.newPage();
    const errors: string[] = [];
    citizen.on('pageerror', (e) => errors.push(e.message));
    await citizen.goto(`${spec.url}/phan-anh/gui`);
    expect(await contextOf(citizen)).toEqual({
      origin: spec.url,
      secure: false,
      randomUUID: 'undefined',
      clipboard: 'undefined',
    });

    await citizen.getByLabel('Lĩnh vực').selectOption('waste');
    await citizen.getByLabel('Mô tả vấn đề').fill('Rác đổ trộm bên lề đường, đã ba ngày chưa dọn.');
    // Geolocation would be refused here: the form says why and offers the map instead.
    await citizen.getByTestId('geo-insecure').waitFor();
    expect(await citizen.getByTestId('geo-insecure').innerText()).toContain(
      'không cho trang web lấy vị trí của thiết bị',
    );
    expect(
      await citizen.getByRole('button', { name: 'Dùng vị trí hiện tại của tôi' }).count(),
    ).toBe(0);
    const map = citizen.getByTestId('report-map');
    await map.waitFor();
    await map.click({ position: { x: 120, y: 100 } });
    await citizen.getByText(/^Đã chọn vị trí: vĩ độ 10\.\d+, kinh độ 105\.\d+\./).waitFor();
    await citizen.getByLabel(/^Số điện thoại di động/).fill('0912 345 678');
    await citizen.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();

    const codeBox = citizen.getByTestId('report-code');
    await codeBox.waitFor({ timeout: 15_000 });
    const code = (await codeBox.innerText()).trim();
    expect(code).toMatch(/^PA-\d{6}-\d{4}$/);
    expect(await citizen.getByTestId('follow-link').inputValue()).toMatch(
      new RegExp(`^http://cqs\\.test:\\d+/phan-anh/${code}\\?token=[\\w-]{16,}$`),
    );
    // Without navigator.clipboard the copy falls back to the selection, and says so.
    await citizen.getByRole('button', { name: 'Sao chép liên kết' }).click();
    await citizen.getByText('Đã sao chép liên kết theo dõi.').waitFor();

    // The server has it.
    const pub = await fetch(
      `${spec.url.replace('cqs.test', '127.0.0.1')}/api/v1/public/reports/${code}`,
    );
    expect(pub.status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('a desk officer signs in and receives a dossier', async () => {
    const desk = await signedInPage(spec.browser, spec.url, 'motcua.mybinh', spec.contexts);
    const errors: string[] = [];
    desk.on('pageerror', (e) => errors.push(e.message));
    expect((await contextOf(desk)).secure).toBe(false);
    const code = await receiveCertification(desk, spec.url);
    expect(code).toMatch(/-\d{6}-0001$/);
    await desk.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await desk.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    await desk.getByRole('heading', { name: new RegExp(code) }).waitFor();
    expect(new URL(desk.url()).origin).toBe(spec.url);
    expect(errors).toEqual([]);
  });
});
