// What the one-stop-shop forms of Thông tư 03/2025/TT-VPCP share: their titles, the ND30
// opening (header, place and date, title) and the applicant lines.
import { OfficialPdf } from '../../../platform/pdf/pdf-document.js';
import type { DossierFormData, FormNo } from './form-data.js';
import { formatPlaceDate } from './format.js';

/** Titles of forms 01–07 of Thông tư 03/2025/TT-VPCP, sentence case (PDFs print them upper-case). */
export const FORM_TITLES: Record<FormNo | '07', string> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ',
  '04': 'Văn bản xin lỗi và hẹn lại ngày trả kết quả',
  '05': 'Thông báo dừng giải quyết hồ sơ',
  '06': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  '07': 'Sổ theo dõi hồ sơ',
};

/** Thrown when a form is asked for without the data it cannot be printed without. */
export class FormDataMissingError extends Error {
  readonly code = 'FORM_DATA_MISSING';
  constructor(form: FormNo, field: string) {
    super(`Mẫu ${form}: thiếu dữ liệu "${field}"`);
    this.name = 'FormDataMissingError';
  }
}

/** Returns `value` or throws FormDataMissingError, so no form is issued with a blank reason. */
export function required<T>(value: T | undefined | null, form: FormNo, field: string): T {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    throw new FormDataMissingError(form, field);
  }
  return value;
}

/** Receives the document a renderer draws, for what the bytes do not tell (signature boxes). */
export interface FormSink {
  pdf?: OfficialPdf;
}

/** A new document with the ND30 header, the place and date of issue and the form's title. */
export function startForm(no: FormNo, data: DossierFormData, sink?: FormSink): OfficialPdf {
  const pdf = new OfficialPdf({
    title: `Mẫu ${no} - ${FORM_TITLES[no]} - ${data.code}`,
    author: data.agencyName,
  });
  if (sink) sink.pdf = pdf;
  pdf.header({
    parentAgency: data.parentAgencyName,
    agency: data.agencyName,
    placeDate: formatPlaceDate(data.place, data.issuedAt),
  });
  pdf.title(FORM_TITLES[no]);
  return pdf;
}

/** The applicant's fill-in lines; optional details are printed only when known. */
export function applicantRows(data: DossierFormData): [string, string][] {
  const a = data.applicant;
  const rows: [string, string][] = [['Tổ chức/cá nhân', a.name]];
  if (a.idNumber) rows.push(['Số định danh cá nhân/mã số doanh nghiệp', a.idNumber]);
  if (a.address) rows.push(['Địa chỉ', a.address]);
  if (a.phone) rows.push(['Số điện thoại', a.phone]);
  if (a.email) rows.push(['Thư điện tử', a.email]);
  return rows;
}

/** "Tên thủ tục (mã 1.001193)". */
export function procedureText(data: DossierFormData): string {
  return `${data.procedureName} (mã ${data.procedureCode})`;
}

/** "Kính gửi: <applicant>." centred, as an official letter addresses its reader. */
export function addressee(pdf: OfficialPdf, data: DossierFormData): void {
  pdf.paragraph(`Kính gửi: ${data.applicant.name}.`, { align: 'center', indent: false });
}
