// Public surface of the documents module (văn bản, issue 13) for the pages.
import './documents.css';

export type {
  DocumentBox,
  DocumentDetail,
  DocumentFilter,
  DocumentSummary,
  OcrAnswer,
  VerifyAnswer,
} from './api/document.types.ts';
export { DOCUMENT_BOXES } from './api/document.types.ts';
export {
  getDocument,
  getReviewFlows,
  listDocuments,
  listOverdueDocuments,
  saveReviewFlow,
  verifySignatures,
} from './api/documents.api.ts';
export {
  createWorkFile,
  getWorkFile,
  listWorkFiles,
  postWorkFileAction,
  type WorkFileDetail,
  type WorkFileSummary,
} from './api/work-files.api.ts';
export { DocumentActions } from './components/DocumentActions.tsx';
export { DocumentFacts, DocumentHeadline } from './components/DocumentFacts.tsx';
export {
  DirectionSection,
  DraftSection,
  FilesSection,
  HistorySection,
  SignaturesSection,
} from './components/DocumentSections.tsx';
export { DocumentTable, documentPath } from './components/DocumentTable.tsx';
export { IncomingForm } from './components/IncomingForm.tsx';
export { OutgoingForm } from './components/OutgoingForm.tsx';
export { RegisterExportForm } from './components/RegisterExportForm.tsx';
export { SignatureList } from './components/SignatureList.tsx';
export { VersionCompare } from './components/VersionCompare.tsx';
export { WaitingInbox } from './components/WaitingInbox.tsx';
export { WorkFilesSection, workFilePath } from './components/WorkFilesSection.tsx';
export { roleUnits, useAllUnits } from './hooks/use-all-units.ts';
export { readDate } from './lib/form-checks.ts';
export { documentsErrorText, isMissingRoute, statusText, typeName } from './lib/labels.ts';
export { EMPTY_OUTGOING_DRAFT, type OutgoingDraft } from './lib/outgoing-form.ts';
