// The plans pages on the real plans API (issue 12): the city's secretariat opens /ke-hoach,
// finds Long Xuyên's 2023 plan (seed 003, loaded by the demo), reads its pillars, targets and
// tasks as written and downloads it as JSON; the system administrator reads Đồng Hới's budget
// (seed 002) in đồng — Đồng Hới is not on the city's line, so the secretariat gets no such plan.
// axe-core on the list and on both plan pages.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations as axe } from './axe.js';
import { ADMIN_PASSWORD, browserSpec, logIn, signedInPage } from './server.js';

const spec = browserSpec();

const LONG_XUYEN = 'KẾ HOẠCH Chuyển đổi số trên địa bàn thành phố Long Xuyên năm 2023';
const DONG_HOI = 'KẾ HOẠCH Thực hiện chuyển đổi số thành phố Đồng Hới năm 2023';

/** Opens /ke-hoach and waits for the list's table. */
async function openList(page: Page): Promise<void> {
  await page.goto(`${spec.url}/ke-hoach`);
  await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
  await page.getByRole('table').getByRole('link').first().waitFor({ timeout: 15_000 });
}

describe('plans pages', () => {
  it("the secretariat opens Long Xuyên's 2023 plan: pillars, targets, tasks as written, JSON download", async () => {
    const office = await signedInPage(spec.browser, spec.url, 'vanphong.longxuyen', spec.contexts);
    await openList(office);
    const links = await office.getByRole('table').getByRole('link').allInnerTexts();
    expect(links).toContain(LONG_XUYEN);
    // Plans of another province are not on the city's line.
    expect(links).not.toContain(DONG_HOI);
    const row = office.getByRole('row').filter({ hasText: LONG_XUYEN });
    await expect(row.innerText()).resolves.toMatch(
      /Thành phố Long Xuyên[\s\S]*2023[\s\S]*Đã ban hành/,
    );
    await axe(office, '/ke-hoach');

    await office.getByRole('link', { name: LONG_XUYEN }).click();
    await office.getByRole('heading', { level: 1, name: LONG_XUYEN }).waitFor();

    // Pillars with their Vietnamese names.
    const pillars = office.getByRole('region', { name: 'Các trụ cột của kế hoạch' });
    await expect(pillars.innerText()).resolves.toMatch(
      /Chính quyền số: \d+ chỉ tiêu, \d+ nhiệm vụ/,
    );

    // Targets under their pillar, values as written (targetValue and unitOfMeasure).
    const targets = office.getByRole('region', { name: 'Chỉ tiêu', exact: true });
    await targets.getByRole('heading', { level: 3, name: 'Chính quyền số' }).waitFor();
    const prefilled = targets
      .getByRole('row')
      .filter({ hasText: '40% thông tin người dân được tự động nhập vào biểu mẫu trực tuyến.' });
    await expect(prefilled.innerText()).resolves.toContain('= 40%');
    // The grades come from the indicators' scoring routes; absent or not, the page stands.
    await targets.locator('.ioc-grade-summary, .notice--info').first().waitFor({ timeout: 10_000 });

    // Tasks as written: number, lead agency, Mới / Chuyển tiếp.
    const tasks = office.getByRole('region', { name: 'Nhiệm vụ của kế hoạch' });
    const ioc = tasks
      .getByRole('row')
      .filter({ hasText: 'Trung tâm Giám sát, điều hành thông minh (IOC)' });
    await expect(ioc.innerText()).resolves.toMatch(
      /^1\s[\s\S]*Phòng Văn hóa và Thông tin[\s\S]*Chuyển tiếp/,
    );
    const classroom = tasks.getByRole('row').filter({ hasText: 'Lớp học tương tác thông minh' });
    await expect(classroom.innerText()).resolves.toMatch(/Phòng Giáo dục và Đào tạo[\s\S]*Mới/);
    const security = tasks
      .getByRole('row')
      .filter({ hasText: /^Phòng Văn hóa và Thông tin chủ trì/ });
    await expect(security.first().innerText()).resolves.toContain(
      'phòng, ban, ngành; UBND các xã, phường',
    );
    await expect(
      office.getByRole('region', { name: 'Kinh phí thực hiện' }).innerText(),
    ).resolves.toContain('Kế hoạch không ghi kinh phí.');
    await axe(office, '/ke-hoach/:id (Long Xuyên)');

    // The JSON download is the plan document POST /plans takes.
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office.getByRole('link', { name: 'Tải kế hoạch (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ke-hoach-883-2023.json');
    const doc = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
      title: string;
      unitCode: string;
      year: number;
      targets: unknown[];
      tasks: unknown[];
    };
    expect(doc).toMatchObject({ title: LONG_XUYEN, unitCode: '883', year: 2023 });
    expect(doc.targets).toHaveLength(26);
    expect(doc.tasks.length).toBeGreaterThan(40);

    // Import refusals are the server's, in Vietnamese, each problem by its place.
    await openList(office);
    const file = office.getByLabel('Tệp kế hoạch (JSON hoặc XLSX)');
    const bad = {
      ...doc,
      year: 2031,
      targets: [{ ...(doc.targets[0] as object), targetValue: 'bốn mươi' }],
    };
    await file.setInputFiles({
      name: 'ke-hoach-sai.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await office.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    const alert = office.getByRole('alert');
    await alert.getByText('Chưa nhập được kế hoạch, chưa lưu gì: tệp có 1 lỗi.').waitFor();
    await expect(alert.innerText()).resolves.toContain('Chỉ tiêu thứ 1 › Giá trị chỉ tiêu');
    await axe(office, '/ke-hoach (import refused)');
    await file.setInputFiles({
      name: 'ke-hoach.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('không phải bảng tính'),
    });
    await office.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await alert
      .getByText('Không đọc được tệp Excel (.xlsx). Hãy dùng tệp xuất từ hệ thống.')
      .waitFor();
    expect(office.url()).toBe(`${spec.url}/ke-hoach`);
  });

  it("the system administrator reads Đồng Hới's budget in đồng, with the plan's own sums", async () => {
    const context = await spec.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await context.newPage();
    await logIn(admin, spec.url, 'admin', ADMIN_PASSWORD);
    await openList(admin);
    await admin.getByRole('link', { name: DONG_HOI }).click();
    await admin.getByRole('heading', { level: 1, name: DONG_HOI }).waitFor();
    const budget = admin.getByRole('region', { name: 'Kinh phí thực hiện' });
    const total = budget.getByRole('row').filter({ hasText: 'Tổng cộng: I+II' });
    await expect(total.innerText()).resolves.toContain('25.575.000.000 đ');
    const subtotal = budget.getByRole('row').filter({ hasText: 'Kinh phí chi thường xuyên' });
    await expect(subtotal.innerText()).resolves.toMatch(/^II\s[\s\S]*1\.144\.000\.000 đ/);
    // The printed unit is kept beside the figures, not silently dropped.
    await expect(budget.innerText()).resolves.toContain('đơn vị ghi ở bảng gốc: Nghìn đồng');
    await axe(admin, '/ke-hoach/:id (Đồng Hới)');
  });
});

describe('entering the value of an indicator the system cannot compute', () => {
  it('the secretariat enters a 766 sub-indicator for a ward, in Vietnamese decimals; a wrong value is refused beside its field', async () => {
    const office = await signedInPage(spec.browser, spec.url, 'vanphong.longxuyen', spec.contexts);
    const year = new Date().getFullYear();
    // As the 766 panel links it: indicator, unit and year filled in.
    await office.goto(
      `${spec.url}/chi-tieu/nhap-so-lieu?indicator=procedures.published_on_time&unit=30280&period=${year}`,
    );
    await office.getByRole('heading', { level: 1, name: 'Nhập số liệu chỉ tiêu' }).waitFor();
    const indicator = office.getByLabel('Chỉ tiêu', { exact: true });
    await expect.poll(() => indicator.inputValue()).toBe('procedures.published_on_time');
    await expect
      .poll(() => office.getByLabel('Đơn vị', { exact: true }).inputValue())
      .toBe('30280');
    await office.getByText(`Chưa có số liệu cho Năm ${year}.`).waitFor();
    await axe(office, '/chi-tieu/nhap-so-lieu');

    const value = office.getByLabel(/^Giá trị/);
    await value.fill('120');
    await office.getByRole('button', { name: 'Lưu số liệu' }).click();
    await office.getByText('Tỷ lệ phải từ 0 đến 100.').waitFor();
    await axe(office, '/chi-tieu/nhap-so-lieu (a wrong value)');

    await value.fill('77,85');
    await office.getByLabel(/^Ghi chú, nguồn số liệu/).fill('Theo báo cáo số 12/BC-UBND');
    await office.getByRole('button', { name: 'Lưu số liệu' }).click();
    await office
      .getByRole('status')
      .filter({ hasText: /^Đã lưu: / })
      .waitFor();
    await office.getByText(`Số liệu hiện có (Năm ${year}): 77,85 %.`).waitFor();
  });
});

describe('editing a target after import', () => {
  it('the secretariat links a target to an indicator, changes its value and assigns it to two wards; the plan shows it', async () => {
    const office = await signedInPage(spec.browser, spec.url, 'vanphong.longxuyen', spec.contexts);
    await openList(office);
    await office.getByRole('link', { name: LONG_XUYEN }).click();
    await office.getByRole('heading', { level: 1, name: LONG_XUYEN }).waitFor();
    const editor = office.getByRole('region', { name: 'Sửa chỉ tiêu, giao cho đơn vị cấp dưới' });
    const target = editor.getByLabel('Chỉ tiêu cần sửa');
    const option = target
      .getByRole('option')
      .filter({ hasText: '40% thông tin người dân được tự động nhập vào biểu mẫu trực tuyến.' });
    await target.selectOption((await option.getAttribute('value'))!);
    await editor.getByLabel('Chỉ số dùng để đánh giá').selectOption('portal.prefilled');
    await editor.getByLabel('Cách so sánh').selectOption('>=');
    await editor.getByLabel('Giá trị chỉ tiêu').fill('45,5');
    await axe(office, '/ke-hoach/:id (editing a target)');
    await editor.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await editor.getByText('Đã lưu chỉ tiêu.').waitFor();
    const targets = office.getByRole('region', { name: 'Chỉ tiêu', exact: true });
    const row = targets
      .getByRole('row')
      .filter({ hasText: '40% thông tin người dân được tự động nhập vào biểu mẫu trực tuyến.' });
    await expect.poll(() => row.innerText()).toContain('≥ 45,50%');

    // A wrong number is refused beside its field; nothing is sent.
    await editor.getByLabel('Phường Mỹ Bình (30280)').fill('nhiều');
    await editor.getByRole('button', { name: 'Lưu danh sách giao' }).click();
    await editor.getByText('Phải là một số, ví dụ 77,85.').waitFor();
    await editor.getByLabel('Phường Mỹ Bình (30280)').fill('50');
    await editor.getByLabel('Phường Mỹ Long (30283)').fill('42,5');
    await editor.getByRole('button', { name: 'Lưu danh sách giao' }).click();
    await editor.getByText('Đã lưu danh sách giao chỉ tiêu.').waitFor();
    await targets
      .getByText(/Giao cho cấp dưới: .*Mỹ Bình.*: 50; .*Mỹ Long.*: 42,5/)
      .waitFor({ timeout: 10_000 });
  });
});

describe('withdrawing a plan imported by mistake', () => {
  it('the secretariat withdraws it with a reason: out of the list, kept with its history, its task cancelled', async () => {
    const office = await signedInPage(spec.browser, spec.url, 'vanphong.longxuyen', spec.contexts);
    await openList(office);
    const title = 'Kế hoạch chuyển đổi số năm 2027 (nhập nhầm)';
    const doc = {
      unitCode: '883',
      year: 2027,
      title,
      status: 'draft',
      targets: [
        {
          sectionCode: 'chinh_quyen_so',
          text: '50% hồ sơ được nộp trực tuyến.',
          indicatorCode: 'dossiers.online',
          comparator: '>=',
          targetValue: 50,
          unitOfMeasure: '%',
        },
      ],
      tasks: [{ name: 'Rà soát hạ tầng mạng', kind: 'Mới' }],
      budget: [],
    };
    await office.getByLabel('Tệp kế hoạch (JSON hoặc XLSX)').setInputFiles({
      name: 'ke-hoach-nham.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await office.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await office.getByRole('heading', { level: 1, name: title }).waitFor();

    const section = office.getByRole('region', { name: 'Thu hồi kế hoạch' });
    await section.getByRole('button', { name: 'Thu hồi kế hoạch…' }).click();
    // No reason: refused beside the field, nothing sent.
    await section.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await section.getByText('Nhập lý do thu hồi kế hoạch.').waitFor();
    await axe(office, '/ke-hoach/:id (withdrawing)');
    await section.getByLabel('Lý do thu hồi').fill('Nhập nhầm tệp của năm sau');
    await section.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await office
      .getByText(/^Kế hoạch đã được thu hồi ngày .*Lý do: Nhập nhầm tệp của năm sau$/)
      .waitFor({ timeout: 10_000 });
    // Withdrawn: no editor, no second withdrawal.
    expect(await office.getByRole('region', { name: 'Thu hồi kế hoạch' }).count()).toBe(0);
    expect(
      await office.getByRole('region', { name: 'Sửa chỉ tiêu, giao cho đơn vị cấp dưới' }).count(),
    ).toBe(0);
    await axe(office, '/ke-hoach/:id (withdrawn)');

    // Out of the list; kept, marked, when withdrawn plans are shown too.
    await openList(office);
    expect(await office.getByRole('link', { name: title }).count()).toBe(0);
    await office.getByLabel('Hiện cả kế hoạch đã thu hồi').check();
    const row = office.getByRole('row').filter({ hasText: title });
    await row.waitFor({ timeout: 10_000 });
    await expect(row.innerText()).resolves.toContain('Đã thu hồi');

    // Its task was cancelled with the reason.
    const tasks = (await office.evaluate(async () => {
      const r = await fetch('/api/v1/tasks?limit=200&status=cancelled');
      return r.json();
    })) as { items: { content: string; status: string }[] };
    expect(tasks.items.map((x) => x.content)).toContain('Rà soát hạ tầng mạng');
  });
});
