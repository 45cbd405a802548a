// Tasks (nhiệm vụ, issue 12 deliver 2 and 6) through the pages: the city's secretariat assigns
// a task to Mỹ Bình ward (lead unit picked from the unit tree, a supporting ward, a deadline
// date), the ward's specialist finds it in "my work", reports progress (refused in Vietnamese
// first, then accepted with an evidence file) and sees it in the history. axe on each page.
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations as axe } from './axe.js';
import { browserSpec, signedInPage } from './server.js';

const spec = browserSpec();
const signIn = (username: string) => signedInPage(spec.browser, spec.url, username, spec.contexts);

describe('tasks', () => {
  it('the secretariat assigns a task; the lead ward sees it in my work and reports progress', async () => {
    const content = `Rà soát, số hóa hồ sơ đất đai tồn đọng — kiểm thử ${Date.now()}`;
    const office = await signIn('vanphong.longxuyen');
    await office.goto(`${spec.url}/nhiem-vu`);
    await office.getByRole('heading', { level: 1, name: 'Nhiệm vụ' }).waitFor();
    await office.getByRole('button', { name: 'Giao nhiệm vụ mới' }).click();
    const form = office.getByRole('form', { name: 'Giao nhiệm vụ' });
    // Nothing filled: the Vietnamese messages, no request.
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await form.getByText('Nhập nội dung nhiệm vụ.').waitFor();
    await form.getByText('Chọn đơn vị chủ trì.').waitFor();
    await axe(office, '/nhiem-vu (create form with errors)');

    await form.getByLabel('Nội dung nhiệm vụ', { exact: true }).fill(content);
    await form.getByLabel('Đơn vị chủ trì', { exact: true }).selectOption('30280');
    await form
      .getByRole('group', { name: 'Đơn vị phối hợp' })
      .getByLabel(/\(30283\)$/)
      .check();
    await form.getByLabel('Thời hạn', { exact: true }).fill('2027-06-30');
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await office.getByRole('heading', { level: 1, name: content }).waitFor();
    await office.getByRole('heading', { level: 2, name: 'Lịch sử tiến độ' }).waitFor();
    expect(await office.getByText('30/06/2027').count()).toBeGreaterThan(0);
    await axe(office, '/nhiem-vu/:id (secretariat)');

    const ward = await signIn('chuyenvien.mybinh');
    await ward.goto(`${spec.url}/viec-cua-toi`);
    const tasks = ward.getByRole('region', { name: /^Nhiệm vụ của đơn vị \(\d+\)$/ });
    await tasks.getByRole('link', { name: content }).click();
    await ward.getByRole('heading', { level: 1, name: content }).waitFor();
    await ward.getByLabel('Tỷ lệ hoàn thành (%)').fill('150');
    await ward.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    await ward.getByText('Tỷ lệ hoàn thành không quá 100%.').waitFor();
    await ward.getByText('Nhập nội dung kết quả thực hiện.').waitFor();
    await axe(ward, '/nhiem-vu/:id (progress form with errors)');

    await ward.getByLabel('Tỷ lệ hoàn thành (%)').fill('40');
    await ward.getByLabel('Kết quả thực hiện').fill('Đã rà soát 120/300 hồ sơ tồn đọng.');
    await ward.getByLabel('Tệp minh chứng').setInputFiles({
      name: 'bien-ban-ra-soat.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'),
    });
    await ward.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    await ward.getByText('Đã ghi nhận tiến độ 40%.').waitFor();
    const history = ward.getByRole('region', { name: 'Lịch sử tiến độ' });
    await history.getByText('Đã rà soát 120/300 hồ sơ tồn đọng.').waitFor();
    await history.getByRole('link', { name: 'bien-ban-ra-soat.pdf' }).waitFor();
    await axe(ward, '/nhiem-vu/:id (after a report)');
  });
});
