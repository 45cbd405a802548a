// Mẫu 05, Thông tư 03/2025/TT-VPCP: notice that the agency stops processing a dossier,
// with the reason, sent to the applicant.
import { addressee, type FormSink, procedureText, required, startForm } from './form-common.js';
import type { DossierFormData } from './form-data.js';
import { formatDate } from './format.js';

/** Renders form 05 (Thông báo dừng giải quyết hồ sơ) as a PDF. */
export async function renderForm05(data: DossierFormData, sink?: FormSink): Promise<Buffer> {
  const reason = required(data.reason, '05', 'reason');
  const pdf = startForm('05', data, sink);
  addressee(pdf, data);
  pdf.paragraph([
    {
      text: `Ngày ${formatDate(data.receivedAt)}, ${data.agencyName} tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ `,
    },
    { text: data.code, style: 'bold' },
    { text: `, thủ tục: ${procedureText(data)}.` },
  ]);
  pdf.paragraph(`${data.agencyName} thông báo dừng giải quyết hồ sơ nêu trên.`);
  pdf.paragraph([{ text: 'Lý do: ', style: 'bold' }, { text: reason }]);
  pdf.paragraph('Xin thông báo để Ông/Bà được biết.');
  pdf.signatures([{ title: 'Thủ trưởng cơ quan', hint: '(Ký, ghi rõ họ tên và đóng dấu)' }], {
    recipients: ['Như trên;', 'Lưu: VT, Bộ phận Một cửa.'],
  });
  return pdf.finish();
}
