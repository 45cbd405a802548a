// Shared DOCX builders (style.md "Shared tools"): the Nghị định 30/2020/NĐ-CP administrative
// document as an editable Word file, from the layout platform/pdf renders as a PDF.
export { A4_TWIPS, MARGIN_TWIPS, renderOfficialDocx, TWIPS_PER_MM } from './official-document.js';
