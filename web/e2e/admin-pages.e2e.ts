// The admin pages (/quan-tri/...): what each role is shown, what a refused page says, and an
// axe-core check of every page and its open forms and dialogs.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { ADMIN_PASSWORD, browserSpec, logIn, signedInPage } from './server.js';

const spec = browserSpec();

/** A fresh desktop-sized session signed in as `username`; dialogs (confirmations) accepted. */
async function signIn(username: string, password?: string): Promise<Page> {
  const context = await spec.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('dialog', (d) => d.accept());
  await logIn(page, spec.url, username, password);
  return page;
}

/** The labels of the main navigation's links, each area group opened in turn (issue 12). */
async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  const groups = nav.locator('button[aria-expanded]');
  await groups.first().waitFor();
  const labels = await nav.getByRole('link').allInnerTexts();
  for (const group of await groups.all()) {
    await group.click();
    labels.push(...(await nav.getByRole('link').allInnerTexts()));
    await group.click();
  }
  return [...new Set(labels.map((s) => s.trim()))];
}

const ADMIN_LINKS = [
  'Đơn vị',
  'Tài khoản',
  'Thủ tục hành chính',
  'Lịch làm việc',
  'Cấu hình phản ánh',
  'Khóa Open311',
];

/** Opens `path` and waits for its h1. */
async function open(page: Page, path: string, heading: string | RegExp) {
  await page.goto(`${spec.url}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('admin pages', () => {
  it('the system administrator is shown every admin page; none has a serious accessibility violation', async () => {
    const admin = await signIn('admin', ADMIN_PASSWORD);
    const nav = await navLabels(admin);
    for (const label of ADMIN_LINKS) expect(nav).toContain(label);

    // Units: a unit chosen in the tree, and the create form open.
    await open(admin, '/quan-tri/don-vi', 'Đơn vị hành chính, cơ quan');
    await admin.getByRole('treeitem').first().waitFor();
    await admin.getByRole('treeitem').first().click();
    await admin.locator('summary', { hasText: 'Thêm đơn vị' }).click();
    await expectNoSeriousA11yViolations(admin, 'units');

    // Accounts: the list, the create form, the edit dialog.
    await open(admin, '/quan-tri/tai-khoan', 'Tài khoản');
    await admin.getByRole('cell', { name: 'quantri.longxuyen', exact: true }).first().waitFor();
    await admin.locator('summary', { hasText: 'Tạo tài khoản' }).click();
    await expectNoSeriousA11yViolations(admin, 'accounts');
    await admin.getByRole('button', { name: 'Sửa quantri.longxuyen' }).click();
    await admin.getByRole('dialog').waitFor();
    await expectNoSeriousA11yViolations(admin, 'accounts: edit dialog');
    await admin.keyboard.press('Escape');

    // Procedures: the list, the editor, the synonyms.
    await open(admin, '/quan-tri/thu-tuc', 'Thủ tục hành chính');
    await admin.getByRole('button', { name: 'Thêm thủ tục' }).waitFor();
    await admin.getByRole('table').waitFor();
    await expectNoSeriousA11yViolations(admin, 'procedures');
    await open(admin, '/quan-tri/thu-tuc/moi', 'Thêm thủ tục hành chính');
    await expectNoSeriousA11yViolations(admin, 'procedure editor');
    await open(admin, '/quan-tri/thu-tuc/tu-dong-nghia', 'Từ đồng nghĩa khi tìm thủ tục');
    await admin.getByRole('button', { name: /Lưu/ }).waitFor();
    await expectNoSeriousA11yViolations(admin, 'synonyms');

    // Calendar: the month view, overrides, the deadline calculator, working hours of a unit.
    await open(admin, '/quan-tri/lich', 'Lịch làm việc');
    await admin.getByLabel('Đơn vị', { exact: true }).selectOption({ index: 1 });
    await admin.getByRole('button', { name: 'Lưu giờ làm việc' }).waitFor();
    await expectNoSeriousA11yViolations(admin, 'calendar');

    // Field report settings: each tab, and the category dialog.
    await open(admin, '/quan-tri/phan-anh', 'Cấu hình phản ánh hiện trường');
    const tabs = admin.getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual([
      'Lĩnh vực và thời hạn',
      'Quy tắc chuyển',
      'Mẫu trả lời',
    ]);
    await admin.getByRole('button', { name: 'Sửa lĩnh vực Cây xanh' }).waitFor();
    await expectNoSeriousA11yViolations(admin, 'report settings: categories');
    await admin.getByRole('button', { name: 'Sửa lĩnh vực Cây xanh' }).click();
    await admin.getByRole('dialog').waitFor();
    await expectNoSeriousA11yViolations(admin, 'report settings: category dialog');
    await admin.keyboard.press('Escape');
    await admin.getByRole('tab', { name: 'Quy tắc chuyển' }).click();
    await admin.getByRole('button', { name: 'Lưu quy tắc' }).waitFor();
    await expectNoSeriousA11yViolations(admin, 'report settings: routing');
    await admin.getByRole('tab', { name: 'Mẫu trả lời' }).click();
    await admin.getByRole('table').waitFor();
    await expectNoSeriousA11yViolations(admin, 'report settings: templates');

    // Open311: the clients, then a new key shown once.
    await open(admin, '/quan-tri/open311', 'Khóa Open311');
    await admin.getByLabel('Tên ứng dụng hoặc hệ thống').fill('Ứng dụng Phản ánh An Giang');
    await admin.getByRole('button', { name: 'Cấp khóa', exact: true }).click();
    await admin.getByLabel('Khóa API (api_key)').waitFor();
    await expectNoSeriousA11yViolations(admin, 'open311 with a new key');
  });

  it('the city administrator is shown only what a unit administrator may open; a refused page says so', async () => {
    const cityAdmin = await signIn('quantri.longxuyen');
    const nav = await navLabels(cityAdmin);
    for (const label of ['Đơn vị', 'Thủ tục hành chính', 'Lịch làm việc', 'Cấu hình phản ánh'])
      expect(nav).toContain(label);
    expect(nav).not.toContain('Tài khoản');
    expect(nav).not.toContain('Khóa Open311');
    const cards = cityAdmin.locator('.card-grid').getByRole('link');
    await cards.first().waitFor();
    expect(await cards.allInnerTexts()).toEqual([
      'Đơn vị',
      'Thủ tục hành chính',
      'Lịch làm việc',
      'Cấu hình phản ánh',
    ]);

    // Reached by URL, a page the role may not use says so, with no form inviting an action.
    for (const [path, heading] of [
      ['/quan-tri/tai-khoan', 'Tài khoản'],
      ['/quan-tri/open311', 'Khóa Open311'],
      ['/quan-tri/thu-tuc/tu-dong-nghia', 'Từ đồng nghĩa khi tìm thủ tục'],
      ['/quan-tri/thu-tuc/moi', /Thủ tục|thủ tục/],
    ] as const) {
      await cityAdmin.goto(`${spec.url}${path}`);
      await cityAdmin.getByRole('heading', { name: 'Bạn không có quyền mở trang này' }).waitFor();
      expect(await cityAdmin.getByText('dành cho quản trị hệ thống').count()).toBe(1);
      expect(await cityAdmin.getByText('Tạo tài khoản').count()).toBe(0);
      expect(await cityAdmin.getByRole('textbox').count()).toBe(0);
      if (path === '/quan-tri/tai-khoan') {
        await cityAdmin.getByRole('heading', { level: 1, name: heading }).waitFor();
        await expectNoSeriousA11yViolations(cityAdmin, 'accounts refused');
      }
    }

    // Procedures: read only — no add, import or synonyms; names open the public page.
    await open(cityAdmin, '/quan-tri/thu-tuc', 'Thủ tục hành chính');
    await cityAdmin.getByRole('table').waitFor();
    expect(await cityAdmin.getByText('Thêm thủ tục').count()).toBe(0);
    expect(await cityAdmin.getByText('Nhập danh mục từ tệp').count()).toBe(0);
    expect(
      await cityAdmin.getByRole('link', { name: 'Từ đồng nghĩa khi tìm thủ tục' }).count(),
    ).toBe(0);
    const first = cityAdmin.getByRole('table').getByRole('link').first();
    expect(await first.getAttribute('href')).toMatch(/^\/dich-vu-cong\/thu-tuc\//);

    // Units: the province above the city cannot be closed or be a parent; the city can.
    await open(cityAdmin, '/quan-tri/don-vi', 'Đơn vị hành chính, cơ quan');
    const row = (code: string) =>
      cityAdmin.locator('.tree__row', { hasText: new RegExp(`· ${code}$`) });
    await row('89').click();
    await cityAdmin.getByRole('heading', { level: 2, name: /An Giang/ }).waitFor();
    expect(await cityAdmin.getByRole('button', { name: 'Ngừng hoạt động đơn vị' }).count()).toBe(0);
    if ((await row('883').count()) === 0) await row('89').locator('.tree__toggle').click();
    await row('883').click();
    await cityAdmin.getByRole('heading', { level: 2, name: /Long Xuyên/ }).waitFor();
    await cityAdmin.getByRole('button', { name: 'Ngừng hoạt động đơn vị' }).waitFor();
    await cityAdmin.locator('summary', { hasText: 'Thêm đơn vị' }).click();
    const parents = await cityAdmin
      .getByLabel('Đơn vị cấp trên')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(parents).toContain('883');
    expect(parents).not.toContain('89');
    expect(await cityAdmin.getByText('Không có (cấp cao nhất)').count()).toBe(0);

    // Calendar: the city's working hours can be changed, the province's only read.
    await open(cityAdmin, '/quan-tri/lich', 'Lịch làm việc');
    const hoursUnit = cityAdmin.getByLabel('Đơn vị', { exact: true });
    await hoursUnit.selectOption('89');
    await cityAdmin.getByLabel('Buổi sáng bắt đầu').waitFor();
    expect(await cityAdmin.getByRole('button', { name: 'Lưu giờ làm việc' }).count()).toBe(0);
    await hoursUnit.selectOption('883');
    await cityAdmin.getByRole('button', { name: 'Lưu giờ làm việc' }).waitFor();

    // Field report settings: only the routing of the city's area, which works.
    await open(cityAdmin, '/quan-tri/phan-anh', 'Cấu hình phản ánh hiện trường');
    await cityAdmin.getByRole('button', { name: 'Lưu quy tắc' }).waitFor();
    expect(await cityAdmin.getByRole('tab').allInnerTexts()).toEqual(['Quy tắc chuyển']);
    const areas = await cityAdmin
      .getByLabel('Địa bàn')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(areas).toEqual(expect.arrayContaining(['883', '30280']));
    expect(areas).not.toContain('89');
    await cityAdmin.getByLabel('Lĩnh vực').selectOption({ label: 'Chiếu sáng công cộng' });
    await cityAdmin.getByLabel('Địa bàn').selectOption({ value: '30280' });
    await cityAdmin.getByLabel('Đơn vị xử lý').selectOption({ value: '30280' });
    await cityAdmin.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await cityAdmin.getByText(/^Đã lưu: phản ánh "Chiếu sáng công cộng" tại/).waitFor();
    await expectNoSeriousA11yViolations(cityAdmin, 'report settings as a unit administrator');

    // A ward's desk officer is shown no admin page that needs a capability.
    const desk = await signedInPage(spec.browser, spec.url, 'motcua.mybinh', spec.contexts);
    const deskNav = await navLabels(desk);
    for (const label of ['Tài khoản', 'Cấu hình phản ánh', 'Khóa Open311'])
      expect(deskNav).not.toContain(label);
  });
});
