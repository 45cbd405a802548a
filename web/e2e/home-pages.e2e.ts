// Issue 12 deliver 6: each role's home (desk officers and specialists on "my work", leaders
// on the dashboard, the secretariat on the plan), the menu grouped by area and shown by role,
// and assigning a dossier by picking a colleague's name. axe on every new page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations as axe } from './axe.js';
import { launchChromium, logIn, startServer } from './server.js';
import { type StaffApi, staffApi } from './staff-api.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Every open dossier counts as due soon once the deadline sweep (each minute) sees it: the
  // window is a setting (DOSSIER_DUE_SOON_HOURS), so the demo's fresh dossier qualifies.
  server = await startServer({ env: { DOSSIER_DUE_SOON_HOURS: '100000' } });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

/** A fresh session of `username` at `width` px, signed in through the form. */
async function signIn(username: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await logIn(page, server.url, username);
  return page;
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

/** Receives Mỹ Bình's certification request at the desk, through the API. */
async function receive(desk: StaffApi): Promise<{ id: string; code: string; version: number }> {
  const procs = (await desk('GET', '/procedures?q=2.000815&limit=5')) as {
    items: { id: string; code: string }[];
  };
  const procedure = procs.items.find((p) => p.code === '2.000815')!;
  return (await desk('POST', '/dossiers', {
    procedureId: procedure.id,
    unitCode: '30280',
    channel: 'direct',
    applicant: {
      type: 'individual',
      fullName: 'Trần Văn Bình',
      citizenId: '089301001235',
      dateOfBirth: '1988-03-02',
      phone: '0912 345 679',
      address: { line: '5 Lý Thái Tổ, khóm 2' },
    },
    formData: {
      yeu_cau: {
        tenGiayTo: 'Giấy khai sinh',
        soTrang: 1,
        soBan: 1,
        nguoiYeuCauHoTen: 'Trần Văn Bình',
        nguoiYeuCauCccd: '089301001235',
      },
    },
  })) as { id: string; code: string; version: number };
}

describe('home pages by role', () => {
  it('a desk officer lands on "my work", sees a due-soon dossier there, and no administration menu', async () => {
    const deskApi = await staffApi(server.url, 'motcua.mybinh');
    const dossier = await receive(deskApi);
    // The sweep marks it due soon within a minute.
    await expect
      .poll(
        async () => {
          const list = (await deskApi('GET', `/dossiers?q=${dossier.code}`)) as {
            items: { code: string; dueSoon: boolean }[];
          };
          return list.items.find((d) => d.code === dossier.code)?.dueSoon;
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe(true);

    const desk = await signIn('motcua.mybinh');
    await desk.waitForURL(`${server.url}/viec-cua-toi`);
    await desk.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    const dueSoon = desk.getByRole('region', { name: /^Hồ sơ sắp đến hạn \(\d+\)$/ });
    await dueSoon.getByRole('link', { name: dossier.code }).waitFor();
    expect(await desk.getByRole('heading', { name: /^Chờ tôi phê duyệt/ }).count()).toBe(0);

    // The menu: the desk's areas as groups, no administration.
    const nav = mainNav(desk);
    const groups = await nav.locator('button[aria-expanded]').allInnerTexts();
    expect(groups.map((g) => g.trim())).toEqual([
      'Một cửa',
      'Phản ánh hiện trường',
      'Văn bản',
      'Kế hoạch và chỉ số',
    ]);
    const oneStop = nav.getByRole('button', { name: 'Một cửa' });
    expect(await oneStop.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Tiếp nhận' }).count()).toBe(0);
    await oneStop.click();
    expect(await oneStop.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Tiếp nhận' }).waitFor();
    await axe(desk, '/viec-cua-toi (desk officer, a group open)');
    await desk.keyboard.press('Escape');
    expect(await oneStop.getAttribute('aria-expanded')).toBe('false');
    expect(await desk.evaluate(() => document.activeElement?.textContent)).toBe('Một cửa');
  });

  it('a leader is taken to the dashboard, and sees "awaiting my approval" in my work', async () => {
    const leader = await signIn('lanhdao.mybinh');
    await leader.waitForURL(`${server.url}/dieu-hanh`);
    await leader.goto(`${server.url}/viec-cua-toi`);
    await leader.getByRole('heading', { level: 2, name: /^Chờ tôi phê duyệt \(\d+\)$/ }).waitFor();
    await leader
      .getByRole('heading', { level: 2, name: /^Hồ sơ mới của đơn vị \(\d+\)$/ })
      .waitFor();
    await axe(leader, '/viec-cua-toi (leader)');
  });

  it('the secretariat is taken to the plan', async () => {
    const secretariat = await signIn('vanphong.longxuyen');
    await secretariat.waitForURL(`${server.url}/ke-hoach`);
  });

  it('on a phone the menu opens from its button and its groups open by keyboard', async () => {
    const specialist = await signIn('chuyenvien.mybinh', 375);
    await specialist.waitForURL(`${server.url}/viec-cua-toi`);
    const nav = mainNav(specialist);
    expect(await nav.isVisible()).toBe(false);
    await specialist.getByRole('button', { name: 'Danh mục' }).click();
    const reports = nav.getByRole('button', { name: 'Phản ánh hiện trường' });
    await reports.focus();
    await specialist.keyboard.press('Enter');
    await nav.getByRole('link', { name: 'Bản đồ phản ánh' }).waitFor();
    expect(await reports.getAttribute('aria-expanded')).toBe('true');
    await axe(specialist, '/viec-cua-toi (phone, menu open)');
  });
});

describe('staff picker', () => {
  it('assigns a dossier by picking the specialist by name; it shows in their "my work"', async () => {
    const deskApi = await staffApi(server.url, 'motcua.mybinh');
    const dossier = await receive(deskApi);
    const desk = await signIn('motcua.mybinh');
    await desk.goto(`${server.url}/ho-so/${dossier.id}`);
    await desk.getByRole('button', { name: 'Phân công', exact: true }).click();
    const picker = desk.getByLabel('Người xử lý', { exact: true });
    // Names, not login names: Lê Văn Xử is chuyenvien.mybinh (server/src/demo.ts).
    await picker.selectOption({ label: 'Lê Văn Xử — Chuyên viên' });
    await axe(desk, '/ho-so/:id (assign with the staff picker)');
    await desk.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await desk
      .getByText(/Lê Văn Xử/)
      .first()
      .waitFor({ timeout: 10_000 });

    const specialist = await signIn('chuyenvien.mybinh');
    await specialist.waitForURL(`${server.url}/viec-cua-toi`);
    await specialist
      .getByRole('region', { name: /^Hồ sơ đang chờ tôi \(\d+\)$/ })
      .getByRole('link', { name: dossier.code })
      .waitFor();
  });
});

describe("my work from the server's own filters", () => {
  it('a finished dossier awaits the leader; sent back, it shows in the specialist\'s work and its "see all" queue', async () => {
    const deskApi = await staffApi(server.url, 'motcua.mybinh');
    const specialistApi = await staffApi(server.url, 'chuyenvien.mybinh');
    const leaderApi = await staffApi(server.url, 'lanhdao.mybinh');
    const dossier = await receive(deskApi);
    const act = (api: StaffApi, body: Record<string, unknown>) =>
      api('POST', `/dossiers/${dossier.id}/actions`, body);
    await act(deskApi, { action: 'assign', version: 1, assigneeUsername: 'chuyenvien.mybinh' });
    await act(specialistApi, { action: 'finish', version: 2, resultSummary: 'Đã chứng thực' });

    const leader = await signIn('lanhdao.mybinh');
    await leader.waitForURL(`${server.url}/dieu-hanh`);
    await leader.goto(`${server.url}/viec-cua-toi`);
    const approval = leader.getByRole('region', { name: /^Chờ tôi phê duyệt \(\d+\)$/ });
    await approval.getByRole('link', { name: dossier.code }).waitFor();

    await act(leaderApi, { action: 'send_back', version: 3, reason: 'Sai số trang' });
    const specialist = await signIn('chuyenvien.mybinh');
    await specialist.waitForURL(`${server.url}/viec-cua-toi`);
    const sentBack = specialist.getByRole('region', {
      name: /^Hồ sơ bị trả lại để xử lý lại \(1\)$/,
    });
    await sentBack.getByRole('link', { name: dossier.code }).waitFor();
    await sentBack.getByRole('link', { name: 'Xem tất cả' }).click();
    await specialist.waitForURL(/\/ho-so\?/);
    expect(await specialist.getByLabel('Cần làm').inputValue()).toBe('sentBack');
    await specialist.getByRole('link', { name: dossier.code }).waitFor();
    await axe(specialist, '/ho-so?need=sentBack');
  });
});
