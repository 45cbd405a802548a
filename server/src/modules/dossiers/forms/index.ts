// The one-stop-shop forms of Thông tư 03/2025/TT-VPCP: PDFs 01–06 and the XLSX register 07.

import type { PdfPlacement } from '../../../platform/pdf/index.js';
import { renderForm01 } from './form-01.js';
import { renderForm02 } from './form-02.js';
import { renderForm03 } from './form-03.js';
import { renderForm04 } from './form-04.js';
import { renderForm05 } from './form-05.js';
import { renderForm06 } from './form-06.js';
import type { FormSink } from './form-common.js';
import type { DossierFormData, FormNo } from './form-data.js';

export { type RegisterPeriod, renderRegisterXlsx } from './form-07.js';
export { FORM_TITLES, FormDataMissingError } from './form-common.js';
export type { DossierFormData, FormNo, RegisterRow } from './form-data.js';

const RENDERERS: Record<FormNo, (data: DossierFormData, sink?: FormSink) => Promise<Buffer>> = {
  '01': renderForm01,
  '02': renderForm02,
  '03': renderForm03,
  '04': renderForm04,
  '05': renderForm05,
  '06': renderForm06,
};

/** Renders one of forms 01–06 for a dossier as a PDF (A4, Nghị định 30/2020 layout). */
export async function renderDossierForm(no: FormNo, data: DossierFormData): Promise<Buffer> {
  return (await renderDossierFormWithBox(no, data)).pdf;
}

/**
 * A form and the blank space of its last signature block — the issuing officer's, on the
 * right as ND30 places the signer — where an electronic copy shows the unit's seal; null for a
 * form without a signature row (06 is signed step by step in its table).
 */
export async function renderDossierFormWithBox(
  no: FormNo,
  data: DossierFormData,
): Promise<{ pdf: Buffer; signatureBox: PdfPlacement | null }> {
  const render = RENDERERS[no];
  // `no` often comes from a URL; fail clearly rather than with "not a function".
  if (!render) throw new RangeError(`Unknown form "${String(no)}"`);
  const sink: FormSink = {};
  const pdf = await render(data, sink);
  return { pdf, signatureBox: sink.pdf?.signatureBoxes.at(-1) ?? null };
}

/** MIME type of the forms' PDFs. */
export const PDF_MIME = 'application/pdf';
/** MIME type of the register workbook. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
