// The electronic receipt (biên lai điện tử) of a fee payment, as an A4 PDF in the Nghị định
// 30/2020 layout with the embedded Tinos font, reusing the dossier forms' document helpers.

import { OfficialPdf } from '../../platform/pdf/pdf-document.js';
import { formatDateTime, formatMoney, formatPlaceDate } from '../dossiers/forms/format.js';
import { drawTable } from '../dossiers/forms/pdf-table.js';
import type { PaymentMethod } from './payments.tables.js';
import { amountInWords } from './payments.words.js';

export interface ReceiptData {
  parentAgencyName: string;
  agencyName: string;
  place: string;
  receiptNumber: string;
  issuedAt: Date;
  payerName: string;
  dossierCode: string;
  procedureName: string;
  procedureCode: string;
  feeItems: { name: string; amount: number }[];
  total: number;
  method: PaymentMethod;
  provider: string | null;
  online: boolean;
  paidAt: Date;
  reference: string | null;
  transactionId: string | null;
  collectorName: string;
}

/** Vietnamese names of the payment methods, as printed and shown. */
export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Tiền mặt',
  bank_transfer: 'Chuyển khoản ngân hàng',
  card: 'Thẻ thanh toán',
  gateway: 'Cổng thanh toán trực tuyến',
};

export const RECEIPT_TITLE = 'Biên lai thu phí, lệ phí';

/** Renders the receipt as PDF bytes. */
export function renderReceiptPdf(d: ReceiptData): Promise<Buffer> {
  const pdf = new OfficialPdf({
    title: `${RECEIPT_TITLE} ${d.receiptNumber} - ${d.dossierCode}`,
    author: d.agencyName,
  });
  pdf.header({
    parentAgency: d.parentAgencyName,
    agency: d.agencyName,
    number: `Số: ${d.receiptNumber}`,
    placeDate: formatPlaceDate(d.place, d.issuedAt),
  });
  pdf.title(RECEIPT_TITLE, '(Biên lai điện tử)');
  pdf.fields([
    ['Đơn vị thu', d.agencyName],
    ['Người nộp', d.payerName],
    ['Mã hồ sơ', d.dossierCode],
    ['Thủ tục hành chính', `${d.procedureName} (mã ${d.procedureCode})`],
  ]);
  const items = d.feeItems.length > 0 ? d.feeItems : [{ name: 'Phí, lệ phí', amount: d.total }];
  drawTable(
    pdf,
    [
      { header: 'STT', width: 8, align: 'center' },
      { header: 'Khoản thu', width: 62 },
      { header: 'Số tiền', width: 30, align: 'right' },
    ],
    [
      ...items.map((f, i) => [String(i + 1), f.name, formatMoney(f.amount)]),
      ['', { text: 'Tổng cộng', style: 'bold' }, { text: formatMoney(d.total), style: 'bold' }],
    ],
  );
  pdf.gap(6);
  pdf.fields([
    ['Số tiền bằng chữ', amountInWords(d.total)],
    [
      'Hình thức thanh toán',
      d.provider && d.method === 'gateway'
        ? `${METHOD_LABELS[d.method]} (${d.provider})`
        : METHOD_LABELS[d.method],
    ],
    ['Thanh toán trực tuyến', d.online ? 'Có' : 'Không'],
    ['Thời điểm thanh toán', formatDateTime(d.paidAt)],
  ]);
  if (d.reference) pdf.fields([['Nội dung chuyển khoản', d.reference]]);
  if (d.transactionId) pdf.fields([['Mã giao dịch', d.transactionId]]);
  pdf.paragraph(
    'Biên lai điện tử có giá trị như biên lai giấy; tra cứu bằng mã hồ sơ tại trang Tra cứu hồ sơ.',
    { style: 'italic', indent: false },
  );
  pdf.signatures([
    { title: 'Người thu tiền', hint: '(Xác nhận trên hệ thống)', name: d.collectorName },
  ]);
  return pdf.finish();
}
