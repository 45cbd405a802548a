// The one-stop-shop pages of staff, checked with axe-core in the states a dossier goes
// through: the receipt form and confirmation, the desk's queue, the dossier page (received,
// in progress, awaiting completion, processed, approved, refused) with its action forms open,
// and the leader's unit page. (Returning the result is walked by dossier-lifecycle.e2e.ts.)
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations as axe } from './axe.js';
import { receiveCertification } from './desk.js';
import { browserSpec, signedInPage } from './server.js';

const spec = browserSpec();

/** A fresh browser session signed in as one of the demo accounts. */
const signIn = (username: string) => signedInPage(spec.browser, spec.url, username, spec.contexts);

const timelineItems = (page: Page) =>
  page.getByRole('list', { name: 'Tiến trình xử lý' }).getByRole('listitem');

/** Waits until the dossier's timeline has `n` steps. */
const steps = (page: Page, n: number) =>
  expect.poll(() => timelineItems(page).count(), { timeout: 10_000 }).toBe(n);

/**
 * Opens the action's form on the dossier page, fills it, checks the page with the form open,
 * confirms, and waits for the timeline to reach `after` steps.
 */
async function takeAction(
  page: Page,
  label: string,
  after: number,
  fill?: (p: Page) => Promise<void>,
) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await fill?.(page);
  await axe(page, `form "${label}"`);
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await steps(page, after);
}

describe('one-stop-shop pages are accessible in every state', () => {
  it('desk, specialist and leader pages pass axe from receipt to approval, and when refused', async () => {
    const desk = await signIn('motcua.mybinh');
    const code = await receiveCertification(desk, spec.url, (p) => axe(p, 'receipt form'));
    await axe(desk, 'receipt confirmation');
    await desk.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await desk.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    const dossierUrl = desk.url();
    await steps(desk, 1);
    await axe(desk, 'dossier received (desk)');
    await takeAction(desk, 'Phân công', 2, (p) =>
      p.getByLabel('Người xử lý', { exact: true }).selectOption('chuyenvien.mybinh'),
    );

    // The specialist asks for a missing paper: the clock pauses.
    const specialist = await signIn('chuyenvien.mybinh');
    await specialist.goto(dossierUrl);
    await steps(specialist, 2);
    await axe(specialist, 'dossier in progress (specialist)');
    await takeAction(specialist, 'Yêu cầu bổ sung', 3, async (p) => {
      await p.getByLabel('Lý do', { exact: true }).fill('Thiếu bản chính để đối chiếu');
      await p.getByLabel('Giấy tờ cần bổ sung').fill('Bản chính bằng tốt nghiệp');
    });

    // The desk records the completion.
    await desk.goto(dossierUrl);
    await steps(desk, 3);
    await axe(desk, 'dossier awaiting completion (desk)');
    await takeAction(desk, 'Đã bổ sung', 4);

    // The specialist finishes; the leader approves.
    await specialist.goto(dossierUrl);
    await steps(specialist, 4);
    await takeAction(specialist, 'Hoàn thành xử lý', 5, (p) =>
      p.getByLabel('Tóm tắt kết quả').fill('Đã chứng thực 02 bản sao'),
    );
    const leader = await signIn('lanhdao.mybinh');
    await leader.goto(dossierUrl);
    await steps(leader, 5);
    await axe(leader, 'dossier processed (leader)');
    await takeAction(leader, 'Phê duyệt', 6);
    await axe(leader, 'dossier approved (leader)');

    // The leader's view of the unit, and the desk's queue.
    await leader.goto(`${spec.url}/ho-so/don-vi`);
    await leader.getByRole('heading', { level: 1, name: 'Hồ sơ đơn vị' }).waitFor();
    await leader.getByRole('link', { name: code }).first().waitFor();
    await axe(leader, 'unit dossiers (leader)');
    await desk.goto(`${spec.url}/ho-so`);
    await desk.getByRole('heading', { level: 1, name: 'Hồ sơ một cửa' }).waitFor();
    await desk.getByRole('link', { name: code }).first().waitFor();
    await axe(desk, 'queue (desk)');

    // A second dossier, refused at the desk: a final state with form 03.
    await receiveCertification(desk, spec.url);
    await desk.getByRole('link', { name: 'Mở hồ sơ' }).click();
    await desk.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    await steps(desk, 1);
    await takeAction(desk, 'Từ chối', 2, (p) =>
      p.getByLabel('Lý do', { exact: true }).fill('Hồ sơ không thuộc thẩm quyền của phường'),
    );
    await axe(desk, 'dossier refused (desk)');
  });
});
