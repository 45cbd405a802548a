import exifr from 'exifr';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { cameraJpeg } from './photo-fixture.js';
import { browserSpec, signedInPage } from './server.js';

const WARD = '30280'; // Mỹ Bình ward, where the demo staff work
const spec = browserSpec();

/** A fresh anonymous browser session on a phone-sized screen. */
async function citizenPage(): Promise<Page> {
  const context = await spec.newContext({ viewport: { width: 390, height: 844 } });
  return context.newPage();
}

/** A fresh browser session signed in as one of the demo accounts. */
const signIn = (username: string) => signedInPage(spec.browser, spec.url, username, spec.contexts);

/** Opens the action's small form on the staff report page, fills it and confirms. */
async function takeAction(page: Page, label: string, fill?: (p: Page) => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await fill?.(page);
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await page.getByText(`Đã thực hiện: ${label}.`).waitFor({ timeout: 10_000 });
}

const timelineItems = (page: Page) =>
  page.getByRole('list', { name: 'Quá trình xử lý' }).getByRole('listitem');

describe('field report in the browser', () => {
  it('a citizen files a report by clicking the map and gets its code and follow link', async () => {
    const citizen = await citizenPage();
    await citizen.goto(`${spec.url}/phan-anh/gui`);
    await citizen.getByTestId('report-map').waitFor();
    await expectNoSeriousA11yViolations(citizen, 'report form');
    // Sent empty: the error summary and the messages beside the fields.
    await citizen.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
    await citizen.getByRole('alert').first().waitFor();
    await expectNoSeriousA11yViolations(citizen, 'report form with errors');
    await citizen.getByLabel('Lĩnh vực').selectOption('road');
    // The road category's extra questions (the same as its Open311 attributes).
    await citizen.getByLabel('Loại hư hỏng').selectOption({ label: 'Ổ gà, ổ voi' });
    await citizen.getByLabel('Khó thấy vào ban đêm').check();
    await citizen.getByLabel('Mô tả vấn đề').fill('Ổ gà lớn giữa đường, xe máy dễ té.');
    const map = citizen.getByTestId('report-map');
    await map.waitFor();
    await map.click({ position: { x: 120, y: 100 } });
    const chosen = citizen.getByText(/^Đã chọn vị trí: vĩ độ 10\.\d+, kinh độ 105\.\d+\./);
    await chosen.waitFor();
    const clicked = await chosen.innerText();
    // Keyboard users: focus the map, pan with an arrow key, Enter picks the centre.
    await map.focus();
    await citizen.keyboard.press('ArrowRight');
    await citizen.keyboard.press('Enter');
    await expect.poll(() => chosen.innerText(), { timeout: 5_000 }).not.toBe(clicked);
    await citizen.getByLabel(/^Số điện thoại di động/).fill('0912 345 678');
    // The category's questions, the chosen point and the nearby-reports hint are all there.
    await expectNoSeriousA11yViolations(citizen, 'report form filled in');
    await citizen.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();

    const codeBox = citizen.getByTestId('report-code');
    await codeBox.waitFor({ timeout: 15_000 });
    const code = (await codeBox.innerText()).trim();
    expect(code).toMatch(/^PA-\d{6}-\d{4}$/);
    await expectNoSeriousA11yViolations(citizen, 'report sent');
    const follow = await citizen.getByTestId('follow-link').inputValue();
    expect(follow).toMatch(new RegExp(`/phan-anh/${code}\\?token=[\\w-]{16,}$`));

    // The public list shows it, with no personal data.
    await citizen.goto(`${spec.url}/phan-anh`);
    await citizen.getByRole('link', { name: code }).waitFor();
    expect(await citizen.content()).not.toContain('0912345678');
  });

  it('the ward leader accepts, asks the reporter for more (from a template), resolves with a template reply; the reporter answers, sees the reply and rates it', async () => {
    // A report placed in Mỹ Bình ward through the public API, as the form sends it when the
    // citizen picks the ward. (A map point alone goes to the city in the demo data, which has
    // no ward boundaries, and the ward list is staff-only today, so the browser cannot pick it.)
    const created = await fetch(`${spec.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: 'lighting',
        description: 'Đèn đường trước số 5 Lý Thái Tổ không sáng.',
        location: { lat: 10.3801, long: 105.4402, unitCode: WARD, address: '5 Lý Thái Tổ' },
        contact: { name: 'Trần Văn Bình', phone: '0987654321' },
        anonymous: true,
      }),
    });
    expect(created.status).toBe(201);
    const report = (await created.json()) as { id: string; code: string; followToken: string };

    // The leader finds it in the queue and handles it.
    const leader = await signIn('lanhdao.mybinh');
    await leader.goto(`${spec.url}/phan-anh/xu-ly`);
    await leader.getByRole('link', { name: report.code }).click();
    await leader.getByRole('heading', { name: `Phản ánh ${report.code}` }).waitFor();
    await takeAction(leader, 'Tiếp nhận xử lý');
    await takeAction(leader, 'Phân công', (p) =>
      p.getByLabel('Người xử lý', { exact: true }).selectOption('lanhdao.mybinh'),
    );
    await takeAction(leader, 'Bắt đầu xử lý');
    // The leader asks the reporter where exactly, from a reply template (mẫu trả lời).
    await takeAction(leader, 'Đề nghị bổ sung thông tin', async (p) => {
      await p
        .getByLabel('Chọn mẫu trả lời')
        .selectOption({ label: 'Đề nghị bổ sung vị trí, hình ảnh' });
      expect(await p.getByLabel('Nội dung đề nghị bổ sung').inputValue()).toContain(
        'vị trí cụ thể hơn',
      );
    });

    // The reporter opens the follow link and answers; nobody else sees the question.
    const citizen = await citizenPage();
    const followUrl = `${spec.url}/phan-anh/${report.code}?token=${report.followToken}`;
    await citizen.goto(followUrl);
    await citizen.getByText('Cơ quan xử lý đề nghị bạn bổ sung thông tin').waitFor();
    await citizen.getByLabel('Thông tin bổ sung').fill('Cột đèn số 17, đối diện cổng trường.');
    await citizen.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click();
    await citizen.getByText('Đã gửi thông tin bổ sung. Cảm ơn bạn.').waitFor();

    // The leader sees the answer on the timeline and resolves with the lighting template.
    await leader.reload();
    await leader.getByText('Cột đèn số 17, đối diện cổng trường.').waitFor();
    await takeAction(leader, 'Trả lời, hoàn thành xử lý', async (p) => {
      await p.getByLabel('Chọn mẫu trả lời').selectOption({ label: 'Đã thay bóng, sửa đèn' });
      const reply = p.getByLabel('Nội dung trả lời công khai');
      await reply.fill(`${await reply.inputValue()} Ngày 23/11/2026.`);
    });
    await expect.poll(() => timelineItems(leader).count(), { timeout: 10_000 }).toBe(7);

    // The reporter sees the reply and rates the handling.
    await citizen.goto(followUrl);
    await citizen.getByTestId('report-reply').waitFor();
    expect(await citizen.getByTestId('report-reply').innerText()).toContain(
      'đèn đã sáng bình thường. Ngày 23/11/2026.',
    );
    expect(await citizen.content()).not.toContain('Cột đèn số 17');
    expect(await citizen.content()).not.toContain('Trần Văn Bình');
    await citizen.getByLabel('5 – Rất hài lòng').check();
    await citizen.getByLabel(/^Nhận xét/).fill('Xử lý nhanh, cảm ơn.');
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    await expect
      .poll(() => citizen.getByText('5/5').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });

  it('a citizen files a report with a photo on the map; the ward resolves it with an after-photo; the citizen sees both and rates it', async () => {
    // Taken in Long Xuyên, near Mỹ Bình ward (the demo has the city's boundary, not the wards').
    const photo = await cameraJpeg({ lat: 10.3812, long: 105.4356 });
    expect((await exifr.gps(photo))?.latitude).toBeCloseTo(10.3812, 4);

    const citizen = await citizenPage();
    await citizen.goto(`${spec.url}/phan-anh/gui`);
    await citizen.getByLabel('Lĩnh vực').selectOption('waste');
    await citizen
      .getByLabel('Mô tả vấn đề')
      .fill('Rác tồn đọng ba ngày ở góc chợ, bốc mùi, chưa ai thu gom.');
    await citizen
      .getByLabel('Ảnh hiện trường (tối đa 5 ảnh)')
      .setInputFiles({ name: 'rac-goc-cho.jpg', mimeType: 'image/jpeg', buffer: photo });
    // The thumbnail the server made, and the position it read from the photo.
    await citizen.getByRole('img', { name: 'Ảnh hiện trường 1' }).waitFor({ timeout: 15_000 });
    await citizen
      .getByText(/^Ảnh 1 có vị trí chụp: vĩ độ 10\.38120, kinh độ 105\.43560\./)
      .waitFor();
    await citizen.getByRole('button', { name: 'Dùng vị trí chụp ảnh' }).click();
    const chosen = citizen.getByText(/^Đã chọn vị trí: vĩ độ 10\.\d+, kinh độ 105\.\d+\./);
    await chosen.waitFor();
    expect(await chosen.innerText()).toContain('vĩ độ 10.38120, kinh độ 105.43560');
    // Once a place is chosen the offer goes away; a map click still moves the point.
    expect(await citizen.getByRole('button', { name: 'Dùng vị trí chụp ảnh' }).count()).toBe(0);
    await citizen.getByTestId('report-map').click({ position: { x: 150, y: 120 } });
    await expect
      .poll(() => chosen.innerText(), { timeout: 5_000 })
      .not.toContain('vĩ độ 10.38120, kinh độ 105.43560');
    // The ward inside the city that the point falls in (the demo has no ward boundaries).
    await citizen.getByLabel('Xã, phường').selectOption(WARD);
    await citizen.getByLabel(/^Số điện thoại di động/).fill('0903 111 222');
    await citizen.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
    const codeBox = citizen.getByTestId('report-code');
    await codeBox.waitFor({ timeout: 15_000 });
    const code = (await codeBox.innerText()).trim();
    const follow = await citizen.getByTestId('follow-link').inputValue();

    // What anyone can fetch: the photo, resized and without any EXIF (no GPS, no camera).
    const pub = (await (await fetch(`${spec.url}/api/v1/public/reports/${code}`)).json()) as {
      handlingUnitCode: string;
      photos: { url: string; thumbUrl: string; stage: string; width: number; height: number }[];
    };
    expect(pub.handlingUnitCode).toBe(WARD);
    expect(pub.photos).toHaveLength(1);
    expect([pub.photos[0]!.width, pub.photos[0]!.height]).toEqual([1600, 1200]);
    const served = await fetch(`${spec.url}${pub.photos[0]!.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(await exifr.parse(bytes, true)).toBeUndefined();
    expect(await exifr.gps(bytes)).toBeUndefined();
    expect(bytes.includes(Buffer.from('MayAnhE2E'))).toBe(false);

    // The ward leader handles it and adds a photo of the cleaned corner.
    const leader = await signIn('lanhdao.mybinh');
    await leader.goto(`${spec.url}/phan-anh/xu-ly`);
    await leader.getByRole('link', { name: code }).click();
    await leader.getByRole('heading', { name: `Phản ánh ${code}` }).waitFor();
    await leader.getByRole('img', { name: 'Ảnh hiện trường 1' }).waitFor();
    await takeAction(leader, 'Tiếp nhận xử lý');
    await takeAction(leader, 'Phân công', (p) =>
      p.getByLabel('Người xử lý', { exact: true }).selectOption('chuyenvien.mybinh'),
    );
    const officer = await signIn('chuyenvien.mybinh');
    await officer.goto(`${spec.url}/phan-anh/xu-ly`);
    await officer.getByRole('link', { name: code }).click();
    await officer.getByRole('heading', { name: `Phản ánh ${code}` }).waitFor();
    await takeAction(officer, 'Bắt đầu xử lý');
    const after = await cameraJpeg({ lat: 10.3813, long: 105.4357 });
    await takeAction(officer, 'Trả lời, hoàn thành xử lý', async (p) => {
      await p.getByLabel('Nội dung trả lời công khai').fill('Đã thu gom rác và vệ sinh góc chợ.');
      await p
        .getByLabel('Ảnh sau khi xử lý (tối đa 5 ảnh)')
        .setInputFiles({ name: 'sau-khi-don.jpg', mimeType: 'image/jpeg', buffer: after });
      await p.getByRole('img', { name: 'Ảnh sau khi xử lý 1' }).waitFor({ timeout: 15_000 });
    });
    await officer.getByTestId('report-photos-resolution').waitFor();

    // The reporter opens the follow link: the reply, both photos (loaded), then a rating.
    await citizen.goto(follow);
    await citizen.getByTestId('report-reply').waitFor();
    expect(await citizen.getByTestId('report-reply').innerText()).toContain(
      'Đã thu gom rác và vệ sinh góc chợ.',
    );
    for (const name of ['Ảnh hiện trường 1', 'Ảnh sau khi xử lý 1']) {
      const img = citizen.getByRole('img', { name });
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), {
          timeout: 10_000,
        })
        .toBeGreaterThan(0);
    }
    const link = citizen.getByRole('link', { name: /^Ảnh hiện trường 1/ });
    expect(await link.getAttribute('href')).toBe(pub.photos[0]!.url);
    expect(await citizen.content()).not.toContain('0903111222');
    await citizen.getByLabel('4 – Hài lòng').check();
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    await expect
      .poll(() => citizen.getByText('4/5').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });
});
