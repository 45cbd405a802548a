// The signature-image page (/van-ban/chu-ky-con-dau): Mỹ Bình's clerical office (văn thư)
// reaches it from the documents menu, is told in Vietnamese when the file is not an image,
// uploads a photo of the ward's seal on paper and of a signature, sees what is in use (the
// server made the paper transparent and cropped it), removes one after confirming; axe on the
// page in each state.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations as axe } from './axe.js';
import { browserSpec, signedInPage } from './server.js';

const spec = browserSpec();

/** A photo of ink on slightly grey paper (JPEG, no transparency), as a phone gives it. */
async function photoOnPaper(svgInk: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="700">
    <rect width="900" height="700" fill="#f2f1ec"/>${svgInk}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

describe('signature and seal images', () => {
  it('the ward office uploads the seal and a signature, sees them, removes one', async () => {
    const page = await signedInPage(spec.browser, spec.url, 'vanthu.mybinh', spec.contexts);
    await page.goto(`${spec.url}/van-ban`);
    // The documents group of the main navigation holds the page.
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const group = nav.locator('button[aria-controls="nav-group-documents"]');
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    await nav.getByRole('link', { name: 'Mẫu chữ ký, con dấu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mẫu chữ ký và con dấu' }).waitFor();
    const seal = page.getByRole('region', { name: /^Con dấu của/ });
    await expect(seal.innerText()).resolves.toContain('Chưa có ảnh');
    await axe(page, '/van-ban/chu-ky-con-dau');

    // Not an image: refused in the browser, in Vietnamese, focus on the field.
    await seal.getByLabel('Tệp ảnh (PNG, JPEG hoặc WebP, tối đa 5 MB)').setInputFiles({
      name: 'ghi-chu.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('không phải ảnh'),
    });
    await seal.getByRole('button', { name: 'Tải ảnh lên' }).click();
    await seal
      .getByRole('alert')
      .filter({ hasText: 'Tệp phải là ảnh PNG, JPEG hoặc WebP.' })
      .waitFor();
    // An image the server cannot read (a PNG name and type over text): the server's words.
    await seal.getByLabel('Tệp ảnh (PNG, JPEG hoặc WebP, tối đa 5 MB)').setInputFiles({
      name: 'hong.png',
      mimeType: 'image/png',
      buffer: Buffer.from('không phải ảnh PNG'),
    });
    await seal.getByRole('button', { name: 'Tải ảnh lên' }).click();
    await seal
      .getByRole('alert')
      .filter({ hasText: 'không phải ảnh PNG, JPEG hoặc WebP đọc được' })
      .waitFor();
    await axe(page, '/van-ban/chu-ky-con-dau (error)');

    await seal.getByLabel('Tệp ảnh (PNG, JPEG hoặc WebP, tối đa 5 MB)').setInputFiles({
      name: 'con-dau.jpg',
      mimeType: 'image/jpeg',
      buffer: await photoOnPaper(
        '<circle cx="450" cy="350" r="220" fill="none" stroke="#c81e1e" stroke-width="18"/>',
      ),
    });
    await seal.getByRole('button', { name: 'Tải ảnh lên' }).click();
    await seal.getByRole('status').filter({ hasText: 'Đã lưu ảnh mới.' }).waitFor();
    const sealImg = seal.getByRole('img', { name: /^Hình con dấu của .* đang dùng$/ });
    await sealImg.waitFor();
    // Loaded (a broken image has no natural width) and cropped to the ring: ~458 px, not 900.
    const width = await sealImg.evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(width).toBeGreaterThan(400);
    expect(width).toBeLessThan(520);
    await expect(seal.innerText()).resolves.toMatch(/Ảnh đang dùng \(\d+×\d+ điểm ảnh\)/);

    const mine = page.getByRole('region', { name: 'Chữ ký của tôi' });
    await mine.getByLabel('Tệp ảnh (PNG, JPEG hoặc WebP, tối đa 5 MB)').setInputFiles({
      name: 'chu-ky.jpg',
      mimeType: 'image/jpeg',
      buffer: await photoOnPaper(
        '<path d="M150 400 C 250 200, 350 200, 420 380 S 600 500, 750 300" fill="none" stroke="#1a2f9c" stroke-width="12"/>',
      ),
    });
    await mine.getByRole('button', { name: 'Tải ảnh lên' }).click();
    await mine.getByRole('img', { name: 'Hình chữ ký của bạn đang dùng' }).waitFor();
    await axe(page, '/van-ban/chu-ky-con-dau (images)');

    // Removing asks once more; "Không xóa" keeps it.
    await mine.getByRole('button', { name: 'Xóa ảnh' }).click();
    await mine.getByRole('button', { name: 'Không xóa' }).click();
    await mine.getByRole('img', { name: 'Hình chữ ký của bạn đang dùng' }).waitFor();
    await mine.getByRole('button', { name: 'Xóa ảnh' }).click();
    await mine.getByRole('button', { name: 'Xác nhận xóa ảnh' }).click();
    await mine.getByRole('status').filter({ hasText: 'Đã xóa ảnh.' }).waitFor();
    await expect(mine.innerText()).resolves.toContain('Chưa có ảnh');
    // The seal stays.
    await sealImg.waitFor();
  });
});
