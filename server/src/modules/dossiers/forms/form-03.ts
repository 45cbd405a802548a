// Mẫu 03, Thông tư 03/2025/TT-VPCP: refusal to accept or process a dossier, which must
// state the reason in writing.
import { applicantRows, type FormSink, procedureText, required, startForm } from './form-common.js';
import type { DossierFormData } from './form-data.js';
import { formatDateTime } from './format.js';

/** Renders form 03 (Phiếu từ chối tiếp nhận, giải quyết hồ sơ) as a PDF. */
export async function renderForm03(data: DossierFormData, sink?: FormSink): Promise<Buffer> {
  const reason = required(data.reason, '03', 'reason');
  const pdf = startForm('03', data, sink);
  pdf.fields([
    ...applicantRows(data),
    ['Thủ tục hành chính', procedureText(data)],
    ['Mã hồ sơ', data.code],
    ['Thời gian tiếp nhận', formatDateTime(data.receivedAt)],
  ]);
  pdf.paragraph(
    `Qua xem xét, ${data.agencyName} thông báo không tiếp nhận, giải quyết hồ sơ này ` +
      'với lý do cụ thể như sau:',
  );
  pdf.paragraph(reason, { style: 'bold' });
  pdf.paragraph('Xin thông báo để Ông/Bà được biết và thực hiện.');
  pdf.signatures([{ title: 'Người tiếp nhận hồ sơ', name: data.receiverName }]);
  return pdf.finish();
}
