// A blank, printable form (tờ khai) generated from a component's form schema, for the public
// procedure page: Nghị định 63/2010/NĐ-CP (Điều 8) and 92/2017/NĐ-CP require the forms of a
// procedure to be published with it, so a citizen without the online service can print,
// fill in by hand and bring it. Laid out like the one-stop-shop forms (Nghị định 30/2020
// page, the embedded Tinos font) through the dossier module's OfficialPdf.
import type { FormField, FormSchema, Procedure } from '@cqs/shared/procedures/index';
import { BODY_SIZE, OfficialPdf } from '../../platform/pdf/pdf-document.js';

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const BOX = 9; // side of a tick box, in points

/** What the form shows of its procedure. */
export type FormProcedure = Pick<Procedure, 'code' | 'name' | 'implementingAgency'>;

/** Renders the blank form of one component as PDF bytes. */
export function renderBlankForm(
  procedure: FormProcedure,
  component: { key: string; name: string; formSchema: FormSchema },
): Promise<Buffer> {
  const schema = component.formSchema;
  const title = schema.title ?? component.name;
  const pdf = new OfficialPdf({
    title: `${title} - ${procedure.name} (${procedure.code})`,
    author: 'Chính quyền số',
  });
  const { doc } = pdf;
  const centred = { width: pdf.width, align: 'center' as const };

  // A citizen's declaration has no issuing body: only the national title and motto, centred.
  pdf.font('bold', 12).text(NATIONAL_TITLE, pdf.left, doc.y, centred);
  pdf.font('bold', 13).text(MOTTO, centred);
  const mottoWidth = doc.widthOfString(MOTTO);
  doc
    .moveTo(pdf.left + (pdf.width - mottoWidth) / 2, doc.y + 1)
    .lineTo(pdf.left + (pdf.width + mottoWidth) / 2, doc.y + 1)
    .lineWidth(0.6)
    .stroke();
  pdf.gap(18);
  pdf.title(title);
  pdf.paragraph(`Thủ tục: ${procedure.name} (mã ${procedure.code})`, {
    align: 'center',
    indent: false,
    style: 'italic',
  });
  pdf.paragraph(`Kính gửi: ${procedure.implementingAgency}`, { align: 'left', indent: false });
  if (schema.description) pdf.paragraph(schema.description, { style: 'italic' });

  const required = new Set(schema.required ?? []);
  for (const [key, field] of Object.entries(schema.properties)) {
    drawField(pdf, field, required.has(key));
  }

  pdf.gap(6);
  pdf.paragraph(
    'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.',
  );
  pdf.paragraph('…………, ngày …… tháng …… năm ……', {
    align: 'right',
    indent: false,
    style: 'italic',
  });
  pdf.signatures([{ title: 'Người khai' }]);
  pdf.paragraph(
    'Ghi chú: các mục có dấu (*) là bắt buộc. Mẫu in từ danh mục thủ tục hành chính công khai; có thể khai và nộp trực tuyến nếu thủ tục có dịch vụ công trực tuyến.',
    { size: 11, indent: false, style: 'italic', align: 'left' },
  );
  return pdf.finish();
}

function label(field: FormField, required: boolean): string {
  return `${field.title}${required ? ' (*)' : ''}`;
}

/** One field: a dotted line to write on, tick boxes for choices, day/month/year for dates. */
function drawField(pdf: OfficialPdf, field: FormField, required: boolean): void {
  const { doc } = pdf;
  pdf.ensureSpace(3 * doc.currentLineHeight(true));
  if (field.type === 'boolean') {
    ticks(pdf, label(field, required), ['Có', 'Không']);
  } else if (field.enum && field.enum.length <= 12) {
    ticks(pdf, label(field, required), field.enum.map(String));
  } else if (field.type === 'string' && field.format === 'date') {
    pdf.paragraph(`${label(field, required)}: ngày …… tháng …… năm ……`, {
      align: 'left',
      indent: false,
    });
  } else {
    writeOnLine(pdf, `${label(field, required)}: `);
    // Room for an address or a description: a second full line.
    if (field.type === 'string' && (field.maxLength ?? 0) > 200) writeOnLine(pdf, '');
  }
  if (field.description) {
    pdf.paragraph(`(${field.description})`, { size: 11, style: 'italic', indent: false });
  }
}

/** `text` followed by dots to the right margin, to write on by hand (on the next line if long). */
function writeOnLine(pdf: OfficialPdf, text: string): void {
  const { doc } = pdf;
  pdf.font('regular', BODY_SIZE);
  const dot = doc.widthOfString('…');
  const room = (w: number) => '…'.repeat(Math.max(0, Math.floor((pdf.width - w) / dot) - 1));
  const used = doc.widthOfString(text.normalize('NFC'));
  if (used > pdf.width * 0.7) {
    pdf.paragraph(text, { align: 'left', indent: false });
    pdf.paragraph(room(0), { align: 'left', indent: false });
  } else {
    pdf.paragraph(`${text}${room(used)}`, { align: 'left', indent: false });
  }
}

/** "Label:" then a box before each choice, wrapped across lines. */
function ticks(pdf: OfficialPdf, text: string, choices: string[]): void {
  const { doc } = pdf;
  pdf.paragraph(`${text}:`, { align: 'left', indent: false });
  pdf.font('regular', BODY_SIZE);
  const lineHeight = doc.currentLineHeight(true) + 4;
  let x = pdf.left + 12;
  let y = doc.y - 4;
  for (const choice of choices) {
    const w = BOX + 6 + doc.widthOfString(choice.normalize('NFC')) + 18;
    if (x + w > pdf.left + pdf.width) {
      x = pdf.left + 12;
      y += lineHeight;
    }
    if (y + lineHeight > pdf.bottom) {
      doc.addPage();
      y = doc.y;
    }
    doc
      .rect(x, y + 2, BOX, BOX)
      .lineWidth(0.8)
      .stroke();
    pdf
      .font('regular', BODY_SIZE)
      .text(choice.normalize('NFC'), x + BOX + 6, y, { lineBreak: false });
    x += w;
  }
  doc.x = pdf.left;
  doc.y = y + lineHeight + 2;
}
