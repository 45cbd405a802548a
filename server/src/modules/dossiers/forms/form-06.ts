// Mẫu 06, Thông tư 03/2025/TT-VPCP: the control slip that travels with a dossier; every
// handover is a row that the receiving officer signs.
import { type FormSink, procedureText, startForm } from './form-common.js';
import type { DossierFormData } from './form-data.js';
import { channelLabel, formatDateTime } from './format.js';
import { drawLabelValueTable, drawTable } from './pdf-table.js';

/** Renders form 06 (Phiếu kiểm soát quá trình giải quyết hồ sơ) as a PDF. */
export async function renderForm06(data: DossierFormData, sink?: FormSink): Promise<Buffer> {
  const pdf = startForm('06', data, sink);
  drawLabelValueTable(pdf, [
    ['Mã hồ sơ', data.code],
    ['Tổ chức/cá nhân', data.applicant.name],
    ['Thủ tục hành chính', procedureText(data)],
    ['Hình thức nộp', channelLabel(data.channel)],
    ['Thời gian tiếp nhận', formatDateTime(data.receivedAt)],
    ['Thời gian hẹn trả kết quả', formatDateTime(data.dueAt)],
    ['Người tiếp nhận', data.receiverName],
  ]);
  pdf.paragraph('QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', { style: 'bold', align: 'center', indent: false });
  drawTable(
    pdf,
    [
      { header: 'STT', width: 7, align: 'center' },
      { header: 'Thời gian', width: 14, align: 'center' },
      { header: 'Người thực hiện, đơn vị', width: 25 },
      { header: 'Nội dung xử lý', width: 20 },
      { header: 'Ghi chú', width: 19 },
      { header: 'Ký nhận', width: 15 },
    ],
    data.events.map((e, i) => [
      String(i + 1),
      formatDateTime(e.at),
      `${e.actorName}\n${e.unitName}`,
      e.label,
      e.note ?? '',
      '', // left blank for the receiving officer's signature
    ]),
    { fontSize: 11, minRowHeight: 36 },
  );
  return pdf.finish();
}
