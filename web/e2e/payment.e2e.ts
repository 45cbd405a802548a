import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { receiveCertification } from './desk.js';
import { browserSpec, logIn } from './server.js';

const spec = browserSpec();

/** A fresh browser session (the app's CSP stays in force; axe.ts injects through DevTools). */
async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await spec.newContext({ viewport });
  return context.newPage();
}

describe('fees and payment', () => {
  it('the desk receives a fee-bearing dossier, the citizen sees the VietQR code, the desk confirms, the citizen gets the receipt', async () => {
    // 1. Mỹ Bình's desk receives a certification request (2.000815: 2.000 đ fee).
    const desk = await newPage({ width: 1280, height: 900 });
    await logIn(desk, spec.url, 'motcua.mybinh');
    const code = await receiveCertification(desk, spec.url);
    await desk.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await desk.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    const feeStatus = desk.getByTestId('pay-desk-status');
    await feeStatus.waitFor({ timeout: 10_000 });
    expect(await feeStatus.innerText()).toBe('Chưa nộp');

    // 2. The citizen, on a phone, without signing in: amount, QR code, transfer details.
    const citizen = await newPage({ width: 390, height: 844 });
    const track = async () => {
      await citizen.goto(`${spec.url}/tra-cuu?ma=${encodeURIComponent(code)}`);
      await citizen.getByRole('textbox', { name: 'Số điện thoại', exact: true }).fill('0912345678');
      await citizen.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    };
    await track();
    const qr = citizen.getByTestId('pay-qr');
    await qr.waitFor({ timeout: 15_000 });
    expect(await citizen.getByTestId('pay-amount').innerText()).toBe('2.000 đ');
    const alt = (await qr.getAttribute('alt')) ?? '';
    expect(alt).toContain('2.000 đ');
    expect(alt).toContain('0000000883'); // the demo account of Long Xuyên, inherited by the ward
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
      true,
    );
    expect(await citizen.getByTestId('pay-reference').innerText()).toContain(code);
    await citizen.getByRole('button', { name: 'Sao chép Số tài khoản' }).waitFor();
    await expectNoSeriousA11yViolations(citizen, '/tra-cuu (fee to pay)');

    // 3. The desk confirms the transfer it saw on the statement.
    await expectNoSeriousA11yViolations(desk, '/ho-so/:id (fee due)');
    await desk.getByRole('button', { name: 'Xác nhận đã thu phí' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Xác nhận đã thu phí' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Số tiền (đồng)').inputValue()).toBe('2000');
    await dialog.getByLabel('Hình thức nộp').selectOption({ label: 'Chuyển khoản ngân hàng' });
    await dialog.getByLabel('Số tham chiếu (không bắt buộc)').fill('FT26327000123');
    await expectNoSeriousA11yViolations(desk, '/ho-so/:id (confirm dialog)');
    await dialog.getByRole('button', { name: 'Xác nhận và cấp biên lai' }).click();
    const done = desk.getByText(/Đã xác nhận thu phí, cấp biên lai số BL-\d{4}-\d{6}\./);
    await done.waitFor({ timeout: 10_000 });
    const number = (await done.innerText()).match(/BL-\d{4}-\d{6}/)![0];
    // The panel reloads its figures after the notice: wait for them.
    await feeStatus.filter({ hasText: /^Đã nộp \(trực tuyến\)$/ }).waitFor({ timeout: 10_000 });

    // 4. The citizen reloads: paid, with the electronic receipt as a real PDF.
    await track();
    const receipt = citizen.getByTestId('pay-receipt');
    await receipt.waitFor({ timeout: 15_000 });
    expect(await receipt.innerText()).toContain(number);
    await citizen.getByText('Đã thanh toán').waitFor();
    expect(await citizen.getByTestId('pay-qr').count()).toBe(0);
    const href = await receipt.getAttribute('href');
    const pdf = await citizen.evaluate(async (url) => {
      const r = await fetch(url!);
      return {
        type: r.headers.get('content-type'),
        head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)),
      };
    }, href);
    expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });
    await expectNoSeriousA11yViolations(citizen, '/tra-cuu (paid)');
  });
  it('staff see the payments to reconcile; the city administrator sets the payee account', async () => {
    const admin = await newPage({ width: 1280, height: 900 });
    await logIn(admin, spec.url, 'quantri.longxuyen');
    await admin.goto(`${spec.url}/ho-so/thu-phi`);
    await admin.getByRole('heading', { name: 'Khoản thanh toán cần đối chiếu' }).waitFor();
    await admin.getByText('Không có khoản nào cần đối chiếu.').waitFor({ timeout: 10_000 });
    expect(await admin.getByLabel('Mã đơn vị').inputValue()).toBe('883');
    await admin
      .getByText(/Đơn vị đang nhận phí vào tài khoản 0000000883/)
      .waitFor({ timeout: 10_000 });
    await expectNoSeriousA11yViolations(admin, '/ho-so/thu-phi');
    const bank = admin.getByLabel('Ngân hàng', { exact: true });
    expect(await bank.inputValue()).toBe('970415');
    await bank.selectOption('970436'); // Vietcombank
    await admin.getByRole('button', { name: 'Lưu tài khoản' }).click();
    await admin.getByText('Đã lưu tài khoản nhận phí.').waitFor({ timeout: 10_000 });
    await admin.getByText(/tại Vietcombank/).waitFor();
    // A ward inherits it.
    await admin.getByLabel('Mã đơn vị').fill('30280');
    await admin.getByRole('button', { name: 'Xem tài khoản' }).click();
    await admin
      .getByText(
        /Đơn vị chưa có tài khoản riêng; phí được nộp vào tài khoản 0000000883 .* của đơn vị 883\./,
      )
      .waitFor({ timeout: 10_000 });
  });
});
