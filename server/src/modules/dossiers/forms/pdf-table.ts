// Bordered tables with wrapping cells for the forms' component lists, label/value blocks
// and the control slip (Thông tư 03/2025/TT-VPCP, form 06). Written by hand rather than
// with pdfkit's table() so rows never split across pages and the header row repeats.
import type { FontStyle, OfficialPdf } from '../../../platform/pdf/pdf-document.js';

/** A grid column: header text, relative width and alignment of its cells. */
export interface TableColumn {
  header?: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A cell: plain text, or text in a given style. */
export type TableCell = string | { text: string; style?: FontStyle };

/** Options of a table. */
export interface TableOptions {
  fontSize?: number;
  /** Minimum row height, e.g. room for a handwritten signature. */
  minRowHeight?: number;
  padding?: number;
}

const LINE_GAP = 1;

const cellText = (c: TableCell) => (typeof c === 'string' ? c : c.text).normalize('NFC');
const cellStyle = (c: TableCell, fallback: FontStyle) =>
  typeof c === 'string' ? fallback : (c.style ?? fallback);

/**
 * Draws a grid at the current position. Rows that do not fit go to a new page, where the
 * header row is repeated; a row taller than a whole page is cut with an ellipsis.
 */
export function drawTable(
  pdf: OfficialPdf,
  columns: TableColumn[],
  rows: TableCell[][],
  opts: TableOptions = {},
): void {
  const { doc } = pdf;
  const size = opts.fontSize ?? 12;
  const pad = opts.padding ?? 4;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * pdf.width);
  const header = columns.some((c) => c.header)
    ? columns.map((c) => ({ text: c.header ?? '', style: 'bold' as const }))
    : null;

  const textOpts = (i: number, align: TableColumn['align']) => ({
    width: (widths[i] ?? 0) - 2 * pad,
    align: align ?? 'left',
    lineGap: LINE_GAP,
  });

  const measure = (cells: TableCell[], minHeight: number) => {
    let h = minHeight;
    cells.forEach((c, i) => {
      pdf.font(cellStyle(c, 'regular'), size);
      h = Math.max(h, doc.heightOfString(cellText(c), textOpts(i, columns[i]?.align)) + 2 * pad);
    });
    return h;
  };

  const drawRow = (cells: TableCell[], height: number, isHeader: boolean) => {
    const maxText = height - 2 * pad;
    let x = pdf.left;
    const y = doc.y;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      doc.lineWidth(0.5).rect(x, y, w, height).stroke();
      const align = isHeader ? 'center' : columns[i]?.align;
      pdf.font(cellStyle(c, 'regular'), size);
      doc.text(cellText(c), x + pad, y + pad, {
        ...textOpts(i, align),
        height: maxText,
        ellipsis: true,
      });
      x += w;
    });
    doc.x = pdf.left;
    doc.y = y + height;
  };

  const pageRoom = () => pdf.bottom - doc.page.margins.top;
  const headerHeight = header ? measure(header, 0) : 0;
  const drawHeader = () => header && drawRow(header, headerHeight, true);

  // Keep the header with at least the first row.
  const firstHeight = rows[0] ? measure(rows[0], opts.minRowHeight ?? 0) : 0;
  pdf.ensureSpace(headerHeight + Math.min(firstHeight, pageRoom() / 2));
  drawHeader();
  for (const row of rows) {
    const height = Math.min(measure(row, opts.minRowHeight ?? 0), pageRoom() - headerHeight);
    if (doc.y + height > pdf.bottom) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, height, false);
  }
  doc.x = pdf.left;
  pdf.gap(8);
}

/** A bordered two-column label/value block; labels in bold. */
export function drawLabelValueTable(
  pdf: OfficialPdf,
  rows: [label: string, value: string][],
  opts: TableOptions = {},
): void {
  drawTable(
    pdf,
    [{ width: 32 }, { width: 68 }],
    rows.map(([label, value]) => [{ text: label, style: 'bold' }, value]),
    opts,
  );
}
