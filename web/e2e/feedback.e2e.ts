import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { browserSpec, logIn } from './server.js';
import { staffApi } from './staff-api.js';

const spec = browserSpec();

/** A fresh browser session (the app's CSP stays in force; axe.ts injects through DevTools). */
async function newPage(viewport: { width: number; height: number }) {
  const context = await spec.newContext({ viewport });
  return context.newPage();
}

/** Mỹ Bình ward receives a certification request and takes it to `returned` through the API. */
async function returnedDossier(): Promise<{ id: string; code: string }> {
  const desk = await staffApi(spec.url, 'motcua.mybinh');
  const specialist = await staffApi(spec.url, 'chuyenvien.mybinh');
  const leader = await staffApi(spec.url, 'lanhdao.mybinh');
  const procs = (await desk('GET', '/procedures?q=2.000815')) as {
    items: { id: string; code: string }[];
  };
  const procedure = procs.items.find((p) => p.code === '2.000815')!;
  const d = (await desk('POST', '/dossiers', {
    procedureId: procedure.id,
    unitCode: '30280',
    channel: 'direct',
    applicant: {
      type: 'individual',
      fullName: 'Nguyễn Thị Ánh',
      citizenId: '089301001234',
      dateOfBirth: '1990-05-17',
      phone: '0912 345 678',
      address: { line: '12 Trần Hưng Đạo, khóm 1' },
    },
    formData: {
      yeu_cau: {
        tenGiayTo: 'Bằng tốt nghiệp trung học phổ thông',
        soTrang: 1,
        soBan: 2,
        nguoiYeuCauHoTen: 'Nguyễn Thị Ánh',
        nguoiYeuCauCccd: '089301001234',
      },
    },
  })) as { id: string; code: string; version: number };
  let v = d.version;
  const act = async (who: typeof desk, body: object) => {
    v = (
      (await who('POST', `/dossiers/${d.id}/actions`, { ...body, version: v })) as {
        version: number;
      }
    ).version;
  };
  await act(desk, { action: 'assign', assigneeUsername: 'chuyenvien.mybinh' });
  await act(specialist, { action: 'finish', resultSummary: 'Đã chứng thực 02 bản sao' });
  await act(leader, { action: 'approve' });
  // The fee is left unpaid here: the desk states why (the procedure allows it with a reason).
  await act(desk, {
    action: 'return_result',
    method: 'direct',
    reason: 'Lệ phí thu tại quầy ngoài hệ thống',
  });
  return { id: d.id, code: d.code };
}

describe('rating and petitions about a dossier', () => {
  it('the citizen rates and petitions on /tra-cuu, staff ask a question the citizen answers, staff answer on /ho-so/kien-nghi, the citizen reads the answer', async () => {
    const dossier = await returnedDossier();

    // 1. The citizen, on a phone, without signing in.
    const citizen = await newPage({ width: 390, height: 844 });
    const track = async () => {
      await citizen.goto(`${spec.url}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`);
      await citizen.getByLabel('Số điện thoại', { exact: true }).fill('0912345678');
      await citizen.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    };
    await track();
    const five = citizen.getByRole('radio', { name: /5 — Rất hài lòng/ });
    await five.waitFor({ timeout: 15_000 });
    expect(await citizen.getByRole('radio', { name: /^[1-5] — / }).count()).toBe(5);
    await expectNoSeriousA11yViolations(citizen, '/tra-cuu (rating form)');
    // Sending without a choice explains what is missing.
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Chọn một mức độ hài lòng.').first().waitFor();
    await five.check();
    await citizen.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình.');
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Cảm ơn Ông/Bà đã đánh giá.').waitFor({ timeout: 10_000 });
    await citizen.getByText('Ông/Bà đã đánh giá: 5 — Rất hài lòng.').waitFor();

    const content = 'Đề nghị cho biết vì sao bản sao ghi sai tên cơ quan cấp.';
    await citizen.getByLabel('Nội dung kiến nghị').fill(content);
    await citizen.getByRole('button', { name: 'Gửi kiến nghị' }).click();
    const sent = citizen.getByText(/Đã gửi kiến nghị số KN-\d{6}-\d{4}/);
    await sent.waitFor({ timeout: 10_000 });
    const number = (await sent.innerText()).match(/KN-\d{6}-\d{4}/)![0];
    await citizen.getByRole('region', { name: 'Kiến nghị của tôi' }).getByText(number).waitFor();
    await expectNoSeriousA11yViolations(citizen, '/tra-cuu (after rating and petition)');

    // 2. The ward's specialist finds it in the queue and answers it.
    const staff = await newPage({ width: 1280, height: 900 });
    await logIn(staff, spec.url, 'chuyenvien.mybinh');
    await staff.goto(`${spec.url}/ho-so/kien-nghi`);
    const link = staff.getByRole('link', { name: number });
    await link.waitFor({ timeout: 15_000 });
    // The counts of the deadline sweep's marks head the queue; a fresh petition is neither.
    await staff.getByText(/Đang mở: \d+ kiến nghị quá hạn, \d+ kiến nghị sắp đến hạn/).waitFor();
    await staff.getByLabel('Chỉ kiến nghị sắp đến hạn').check();
    await staff.getByText('Không có kiến nghị nào.').waitFor({ timeout: 10_000 });
    expect(await staff.getByRole('link', { name: number }).count()).toBe(0);
    await staff.getByLabel('Chỉ kiến nghị sắp đến hạn').uncheck();
    await link.waitFor({ timeout: 10_000 });
    await expectNoSeriousA11yViolations(staff, '/ho-so/kien-nghi');
    await link.click();
    await staff.getByRole('heading', { name: `Kiến nghị ${number}` }).waitFor({ timeout: 10_000 });
    const dossierLink = staff.getByRole('link', { name: dossier.code });
    expect(await dossierLink.getAttribute('href')).toBe(`/ho-so/${dossier.id}`);
    await expectNoSeriousA11yViolations(staff, '/ho-so/kien-nghi/:id');

    // The specialist first asks the citizen one question (within 5 working days, §5)...
    const question = 'Ông/Bà cho biết tên cơ quan đúng cần ghi trên bản sao?';
    await staff.getByLabel('Câu hỏi gửi người kiến nghị').fill(question);
    await staff.getByRole('button', { name: 'Hỏi thêm thông tin' }).click();
    await staff.getByText('Đang chờ người kiến nghị trả lời.').waitFor({ timeout: 10_000 });
    expect(await staff.getByRole('button', { name: 'Hỏi thêm thông tin' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(staff, '/ho-so/kien-nghi/:id (question asked)');

    // ...which the citizen reads on /tra-cuu and answers...
    await track();
    const asked = citizen.getByRole('region', { name: 'Kiến nghị của tôi' });
    await asked.getByText(question).waitFor({ timeout: 10_000 });
    await expectNoSeriousA11yViolations(citizen, '/tra-cuu (question to answer)');
    await citizen.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click();
    await citizen.getByText('Nhập nội dung trả lời.').first().waitFor();
    const reply = 'Sở Giáo dục và Đào tạo tỉnh An Giang.';
    await citizen.getByLabel('Nội dung trả lời của Ông/Bà').fill(reply);
    await citizen.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click();
    await citizen.getByText('Đã gửi thông tin bổ sung.').waitFor({ timeout: 10_000 });
    await asked.getByText(`Ông/Bà đã trả lời: ${reply}`).waitFor({ timeout: 10_000 });

    // ...and the specialist sees the answer before answering the petition.
    await staff.reload();
    await staff.getByText(reply, { exact: true }).waitFor({ timeout: 10_000 });
    await staff.getByText('Người kiến nghị bổ sung thông tin', { exact: false }).first().waitFor();
    await expectNoSeriousA11yViolations(staff, '/ho-so/kien-nghi/:id (information given)');
    const answer = 'Đơn vị đã kiểm tra và cấp lại bản sao đúng tên cơ quan; mời Ông/Bà đến nhận.';
    await staff.getByLabel('Nội dung trả lời').fill(answer);
    await staff.getByRole('button', { name: 'Trả lời kiến nghị' }).click();
    await staff.getByText('Đã lưu.').waitFor({ timeout: 10_000 });
    await staff.getByText('Kiến nghị đã được xử lý xong.').waitFor();

    // The indicators tab counts the rating and the petition answered on time.
    await staff.getByRole('link', { name: 'Về danh sách kiến nghị' }).click();
    await staff.getByRole('tab', { name: 'Chỉ số hài lòng' }).click();
    const table = staff.getByRole('table', { name: /Chỉ số hài lòng theo đơn vị/ });
    await table.waitFor({ timeout: 10_000 });
    const totalRow = (await table.locator('tfoot tr').innerText()).replace(/\s+/g, ' ');
    expect(totalRow).toContain('Tổng cộng');
    expect(totalRow).toContain('100 %');
    await expectNoSeriousA11yViolations(staff, '/ho-so/kien-nghi (indicators)');

    // 3. The citizen looks again and reads the answer.
    await track();
    const mine = citizen.getByRole('region', { name: 'Kiến nghị của tôi' });
    await mine.getByText(answer).waitFor({ timeout: 10_000 });
    expect(await mine.innerText()).toContain('Đã trả lời');
    await expectNoSeriousA11yViolations(citizen, '/tra-cuu (answer)');
  });
});
