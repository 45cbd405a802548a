import type { Page } from 'playwright-core';

/**
 * At /ho-so/tiep-nhan (the desk must be signed in), receives the certification request
 * (2.000815, Mỹ Bình's demo procedure with a 2.000 đ fee) of Nguyễn Thị Ánh, phone 0912 345 678,
 * and returns the new dossier's code; the page is left on the receipt with "Mở hồ sơ".
 * `beforeSubmit` sees the filled-in form (e.g. to run axe on it).
 */
export async function receiveCertification(
  desk: Page,
  baseUrl: string,
  beforeSubmit?: (desk: Page) => Promise<void>,
): Promise<string> {
  await desk.goto(`${baseUrl}/ho-so/tiep-nhan`);
  await desk.getByLabel('Thủ tục', { exact: true }).fill('2.000815');
  await desk
    .getByRole('listbox', { name: 'Gợi ý' })
    .getByRole('option')
    .filter({ hasText: '2.000815' })
    .click();
  await desk.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Thị Ánh');
  await desk.getByLabel('Số CCCD', { exact: true }).fill('089301001234');
  await desk.getByLabel('Ngày sinh', { exact: true }).fill('17/05/1990');
  await desk.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
  await desk.getByLabel('Địa chỉ', { exact: true }).fill('12 Trần Hưng Đạo, khóm 1');
  await desk
    .getByLabel(/^Tên giấy tờ, văn bản cần chứng thực/)
    .fill('Bằng tốt nghiệp trung học phổ thông');
  await desk.getByLabel(/^Số trang của bản chính/).fill('1');
  await desk.getByLabel(/^Số bản sao cần chứng thực/).fill('2');
  await desk.getByLabel(/^Họ, chữ đệm, tên người yêu cầu/).fill('Nguyễn Thị Ánh');
  await desk.getByLabel(/^Số định danh cá nhân của người yêu cầu/).fill('089301001234');
  await beforeSubmit?.(desk);
  await desk.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  const codeBox = desk.getByTestId('dossier-code');
  await codeBox.waitFor({ timeout: 15_000 });
  return (await codeBox.innerText()).trim();
}
