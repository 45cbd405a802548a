// Mẫu 01, Thông tư 03/2025/TT-VPCP: receipt and appointment slip handed (or e-mailed) to
// the applicant when the one-stop desk accepts a dossier.
import QRCode from 'qrcode';
import type { OfficialPdf } from '../../../platform/pdf/pdf-document.js';
import { applicantRows, type FormSink, procedureText, startForm } from './form-common.js';
import type { DossierFormData } from './form-data.js';
import { channelLabel, formatDateTime, formatMoney } from './format.js';
import { drawTable } from './pdf-table.js';

const QR_SIZE = 84;
/** Width of the left column of the last row, which holds the QR code. */
const QR_COLUMN = 130;
const ROW_HEIGHT = 160;

/** Renders form 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) as a PDF. */
export async function renderForm01(data: DossierFormData, sink?: FormSink): Promise<Buffer> {
  const pdf = startForm('01', data, sink);
  // The code is what citizens quote on the phone and type into the portal: print it large.
  pdf.paragraph([{ text: 'Mã hồ sơ: ' }, { text: data.code, style: 'bold' }], {
    size: 16,
    align: 'center',
    indent: false,
  });
  pdf.paragraph('Tiếp nhận hồ sơ của:', { indent: false });
  pdf.fields([...applicantRows(data), ['Thủ tục hành chính', procedureText(data)]]);

  pdf.paragraph('1. Thành phần hồ sơ đã nhận:', { style: 'bold', indent: false });
  drawTable(
    pdf,
    [
      { header: 'STT', width: 7, align: 'center' },
      { header: 'Tên giấy tờ', width: 58 },
      { header: 'Số bản', width: 11, align: 'center' },
      { header: 'Ghi chú', width: 24 },
    ],
    data.components.map((c, i) => [String(i + 1), c.name, String(c.copies), c.note ?? '']),
  );
  pdf.fields([
    ['2. Hình thức nộp hồ sơ', channelLabel(data.channel)],
    ['3. Phí, lệ phí', data.feesDue > 0 ? formatMoney(data.feesDue) : 'Không thu'],
    ['4. Thời gian tiếp nhận', formatDateTime(data.receivedAt)],
    ['5. Thời gian trả kết quả', formatDateTime(data.dueAt)],
  ]);

  pdf.paragraph('Đề nghị mang theo giấy này khi đến nhận kết quả.', {
    style: 'italic',
    indent: false,
  });

  // QR code and signatures share the last row so a typical receipt stays on one page.
  // Room for the taller of the QR column and the signatures (a title may wrap), so that
  // signatures() never moves to a new page after the QR code was drawn on this one.
  pdf.ensureSpace(ROW_HEIGHT);
  const top = pdf.doc.y;
  const qrBottom = await drawTrackingQr(pdf, data.trackingUrl, top + 6);
  pdf.doc.y = top;
  // An online or postal applicant is not at the desk to sign; only the receiver signs then.
  const receiver = { title: 'Người tiếp nhận hồ sơ', name: data.receiverName };
  const direct = data.channel === 'direct';
  pdf.signatures(
    direct ? [{ title: 'Người nộp hồ sơ', name: data.applicant.name }, receiver] : [receiver],
    {
      leftWidth: direct ? QR_COLUMN : pdf.width / 2,
    },
  );
  pdf.doc.y = Math.max(pdf.doc.y, qrBottom);
  return pdf.finish();
}

/**
 * The tracking link as a QR code, its caption and the URL spelled out for typing, in the
 * left column at `top`; returns the y below it.
 */
async function drawTrackingQr(pdf: OfficialPdf, url: string, top: number): Promise<number> {
  const png = await QRCode.toBuffer(url, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: QR_SIZE * 4, // 4× the print size keeps the modules sharp on paper
  });
  const { doc } = pdf;
  const x = pdf.left;
  doc.image(png, x + (QR_COLUMN - QR_SIZE) / 2, top, { width: QR_SIZE, height: QR_SIZE });
  const centred = { width: QR_COLUMN, align: 'center' as const };
  pdf.font('italic', 9).text('Quét mã để tra cứu tình trạng hồ sơ', x, top + QR_SIZE + 2, centred);
  pdf.font('regular', 8).text(url, x, doc.y + 1, centred);
  doc.x = pdf.left;
  return doc.y + 6;
}
