// Mẫu 02, Thông tư 03/2025/TT-VPCP: asks the applicant to add to or correct a dossier,
// listing every item at once so the applicant is asked only once.
import { applicantRows, type FormSink, procedureText, required, startForm } from './form-common.js';
import type { DossierFormData } from './form-data.js';
import { formatDateTime } from './format.js';

/** Renders form 02 (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) as a PDF. */
export async function renderForm02(data: DossierFormData, sink?: FormSink): Promise<Buffer> {
  const reason = required(data.reason, '02', 'reason');
  const pdf = startForm('02', data, sink);
  pdf.fields([
    ...applicantRows(data),
    ['Thủ tục hành chính', procedureText(data)],
    ['Mã hồ sơ', data.code],
    ['Thời gian tiếp nhận', formatDateTime(data.receivedAt)],
  ]);
  pdf.paragraph(
    'Sau khi xem xét, đối chiếu thành phần hồ sơ, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ ' +
      'gồm những nội dung sau:',
  );
  (data.items ?? []).forEach((item, i) => {
    pdf.paragraph(`${i + 1}. ${item}`);
  });
  pdf.paragraph([{ text: 'Lý do: ', style: 'bold' }, { text: reason }]);
  const phone = data.contactPhone ? `, số điện thoại ${data.contactPhone}` : '';
  pdf.paragraph(
    `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ông/bà ` +
      `${data.receiverName}, ${data.agencyName}${phone} để được hướng dẫn.`,
  );
  pdf.signatures([{ title: 'Người hướng dẫn', name: data.receiverName }]);
  return pdf.finish();
}
