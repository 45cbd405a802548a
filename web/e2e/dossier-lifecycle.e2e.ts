import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { receiveCertification } from './desk.js';
import { browserSpec, signedInPage } from './server.js';

const spec = browserSpec();

/** A fresh browser session signed in as one of the demo accounts. */
const signIn = (username: string) => signedInPage(spec.browser, spec.url, username, spec.contexts);

/** Opens the action's small form on the dossier page and confirms it. */
async function takeAction(page: Page, label: string, fill?: (p: Page) => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await fill?.(page);
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
}

const timelineItems = (page: Page) =>
  page.getByRole('list', { name: 'Tiến trình xử lý' }).getByRole('listitem');

describe('one-stop-shop dossier in the browser', () => {
  it('desk receives and prints form 01, specialist processes, leader approves, desk returns; the timeline shows every step', async () => {
    // 1. The desk officer of Mỹ Bình ward receives a certification request.
    const desk = await signIn('motcua.mybinh');
    const code = await receiveCertification(desk, spec.url);
    expect(code).toMatch(/-\d{6}-0001$/);

    // Form 01 is a real PDF.
    const printHref = await desk
      .getByRole('link', { name: 'In giấy tiếp nhận (mẫu 01)' })
      .getAttribute('href');
    const pdf = await desk.evaluate(async (href) => {
      const r = await fetch(href!);
      return {
        type: r.headers.get('content-type'),
        head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)),
      };
    }, printHref);
    expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });

    // 2. The desk assigns it to the specialist.
    await desk.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await desk.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    const dossierUrl = desk.url();
    await takeAction(desk, 'Phân công', (p) =>
      // Picked by name (issue 12): Lê Văn Xử is chuyenvien.mybinh.
      p
        .getByLabel('Người xử lý', { exact: true })
        .selectOption({ label: 'Lê Văn Xử — Chuyên viên' }),
    );
    await expect.poll(() => timelineItems(desk).count(), { timeout: 10_000 }).toBe(2);

    // 3. The specialist processes it.
    const specialist = await signIn('chuyenvien.mybinh');
    await specialist.goto(dossierUrl);
    await takeAction(specialist, 'Hoàn thành xử lý', (p) =>
      p.getByLabel('Tóm tắt kết quả').fill('Đã chứng thực 02 bản sao'),
    );
    await expect.poll(() => timelineItems(specialist).count(), { timeout: 10_000 }).toBe(3);

    // 4. The leader approves.
    const leader = await signIn('lanhdao.mybinh');
    await leader.goto(dossierUrl);
    await takeAction(leader, 'Phê duyệt');
    await expect.poll(() => timelineItems(leader).count(), { timeout: 10_000 }).toBe(4);

    // 5. The desk returns the result. The fee is unpaid: the page says so before "Trả kết
    // quả", and the procedure (default) lets the desk go on only with a stated reason.
    await desk.goto(dossierUrl);
    const warning = desk.getByTestId('unpaid-fee-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Hồ sơ chưa nộp phí, lệ phí');
    await takeAction(desk, 'Trả kết quả', (p) =>
      p.getByLabel('Hình thức trả kết quả').selectOption({ label: 'Trực tiếp' }),
    );
    await desk.getByText('Nhập lý do trả kết quả khi chưa nộp phí, lệ phí').first().waitFor();
    await desk
      .getByLabel('Lý do trả kết quả khi chưa nộp phí, lệ phí')
      .fill('Người dân thuộc diện được miễn lệ phí');
    await desk.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expect.poll(() => timelineItems(desk).count(), { timeout: 10_000 }).toBe(5);
    const steps = await timelineItems(desk).allInnerTexts();
    for (const [i, label] of [
      'Tiếp nhận hồ sơ',
      'Phân công',
      'Hoàn thành xử lý',
      'Phê duyệt',
      'Trả kết quả',
    ].entries()) {
      expect(steps[i]).toContain(label);
    }
    await expect.poll(() => desk.getByText('Đã trả kết quả').count()).toBeGreaterThan(0);
    expect(steps[4]).toContain('Người dân thuộc diện được miễn lệ phí');

    // 6. The citizen follows the QR link on form 01, without signing in.
    const citizen = await (
      await spec.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    await citizen.goto(`${spec.url}/tra-cuu?ma=${encodeURIComponent(code)}`);
    await citizen.getByLabel('Số điện thoại', { exact: true }).fill('0912345678');
    await citizen.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await expect
      .poll(() => citizen.getByText('Đã trả kết quả').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await citizen.content()).not.toContain('089301001234');
  });
});
