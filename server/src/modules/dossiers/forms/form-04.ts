// Mẫu 04, Thông tư 03/2025/TT-VPCP: the agency apologises for a late result and sets a
// new appointment; a dossier may be rescheduled only once (regulations.md §3).
import { addressee, type FormSink, procedureText, required, startForm } from './form-common.js';
import type { DossierFormData } from './form-data.js';
import { formatDate, formatDateTime } from './format.js';

/** Renders form 04 (Văn bản xin lỗi và hẹn lại ngày trả kết quả) as a PDF. */
export async function renderForm04(data: DossierFormData, sink?: FormSink): Promise<Buffer> {
  const reason = required(data.reason, '04', 'reason');
  const newDueAt = required(data.newDueAt, '04', 'newDueAt');
  const pdf = startForm('04', data, sink);
  addressee(pdf, data);
  pdf.paragraph([
    {
      text: `Ngày ${formatDate(data.receivedAt)}, ${data.agencyName} tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ `,
    },
    { text: data.code, style: 'bold' },
    { text: `, thủ tục: ${procedureText(data)}. Thời gian hẹn trả kết quả giải quyết hồ sơ: ` },
    { text: formatDateTime(data.dueAt), style: 'bold' },
    { text: '.' },
  ]);
  pdf.paragraph(
    `Tuy nhiên đến nay, ${data.agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà ` +
      'đúng hẹn.',
  );
  pdf.paragraph([{ text: 'Lý do: ', style: 'bold' }, { text: reason }]);
  pdf.paragraph(
    `Sự chậm trễ này đã gây phiền hà, tốn kém thời gian, chi phí đi lại của Ông/Bà. ` +
      `${data.agencyName} trân trọng xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào:`,
  );
  pdf.paragraph(formatDateTime(newDueAt), { style: 'bold', align: 'center', indent: false });
  pdf.paragraph('Rất mong nhận được sự thông cảm của Ông/Bà.');
  pdf.signatures([{ title: 'Thủ trưởng cơ quan', hint: '(Ký, ghi rõ họ tên và đóng dấu)' }], {
    recipients: ['Như trên;', 'Lưu: VT, Bộ phận Một cửa.'],
  });
  return pdf.finish();
}
