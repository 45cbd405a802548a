// The registration form of an incoming document (vào sổ văn bản đến): what the clerk types,
// checked with the shared schema (RegisterIncomingBody) and Vietnamese messages before it is
// sent; proposals of the OCR fill the empty fields and are marked for checking.
import {
  CONFIDENTIALITIES,
  DOCUMENT_TYPE_CODES,
  RegisterIncomingBody,
  URGENCIES,
} from '@cqs/shared/documents/index';
import { formatDate } from '../../../lib/format.ts';
import type { OcrProposals, RegisterIncomingRequest } from '../api/document.types.ts';
import { type FormErrors, issueErrors, readDate } from './form-checks.ts';

/** The form as typed (dates as dd/mm/yyyy). */
export interface IncomingDraft {
  /** The registering unit ('' = the clerk's one unit). */
  unitCode: string;
  issuerName: string;
  issuerOrganId: string;
  codeNumber: string;
  codeNotation: string;
  issuedOn: string;
  typeCode: string;
  summary: string;
  signerName: string;
  signerPosition: string;
  urgency: string;
  confidentiality: string;
  deadline: string;
  note: string;
}

export const EMPTY_INCOMING_DRAFT: IncomingDraft = {
  unitCode: '',
  issuerName: '',
  issuerOrganId: '',
  codeNumber: '',
  codeNotation: '',
  issuedOn: '',
  typeCode: '',
  summary: '',
  signerName: '',
  signerPosition: '',
  urgency: 'normal',
  confidentiality: 'normal',
  deadline: '',
  note: '',
};

/** A confidential document is registered without its content (ND30 Điều 21). */
export const isConfidential = (draft: Pick<IncomingDraft, 'confidentiality'>) =>
  draft.confidentiality !== '' && draft.confidentiality !== 'normal';

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const known = (list: readonly string[], value: string) => list.includes(value);

/** The request body, or the messages that keep it from being sent (keyed by body path). */
export function incomingBody(
  draft: IncomingDraft,
  files: { name: string; contentType: string; data: string }[],
): { ok: true; value: RegisterIncomingRequest } | { ok: false; errors: FormErrors } {
  const own: FormErrors = {};
  const issued = readDate(draft.issuedOn, 'ngày ban hành');
  if (!issued.ok) own.issuedOn = issued.message;
  else if (!issued.iso) own.issuedOn = 'Nhập ngày ban hành, theo dạng dd/mm/yyyy.';
  const deadline = readDate(draft.deadline, 'hạn xử lý');
  if (!deadline.ok) own.deadline = deadline.message;
  else if (deadline.iso && issued.ok && issued.iso && deadline.iso < issued.iso)
    own.deadline = 'Hạn xử lý không được trước ngày ban hành.';
  if (!known(DOCUMENT_TYPE_CODES, draft.typeCode)) own.typeCode = 'Chọn loại văn bản.';
  if (!known(URGENCIES, draft.urgency)) own.urgency = 'Chọn độ khẩn.';
  if (!known(CONFIDENTIALITIES, draft.confidentiality)) own.confidentiality = 'Chọn độ mật.';
  const candidate = {
    ...(draft.unitCode ? { unitCode: draft.unitCode } : {}),
    source: 'paper',
    issuer: { name: draft.issuerName, organId: orNull(draft.issuerOrganId) },
    codeNumber: draft.codeNumber,
    codeNotation: draft.codeNotation,
    issuedOn: issued.ok ? (issued.iso ?? '') : '',
    typeCode: draft.typeCode,
    summary: draft.summary,
    signerName: orNull(draft.signerName),
    signerPosition: orNull(draft.signerPosition),
    urgency: draft.urgency,
    confidentiality: draft.confidentiality,
    deadline: deadline.ok ? deadline.iso : null,
    note: orNull(draft.note),
    // Never the content of a confidential document.
    files: isConfidential(draft) ? [] : files,
  };
  const parsed = RegisterIncomingBody.safeParse(candidate);
  const errors = { ...(parsed.success ? {} : issueErrors(parsed.error.issues)), ...own };
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** The draft fields an OCR proposal may fill. */
export type ProposedField =
  | 'issuerName'
  | 'codeNumber'
  | 'codeNotation'
  | 'issuedOn'
  | 'typeCode'
  | 'summary'
  | 'signerName';

/**
 * Fills the empty fields of `draft` with the OCR's proposals (never overwriting what the clerk
 * typed) and names the fields filled, so the form marks them "kiểm tra lại".
 */
export function applyProposals(
  draft: IncomingDraft,
  // Wider than the reply's type: whatever arrives, only a known type code is taken.
  p: Record<keyof OcrProposals, string | null>,
): { draft: IncomingDraft; proposed: ProposedField[] } {
  const next = { ...draft };
  const proposed: ProposedField[] = [];
  const fill = (field: ProposedField, value: string | null | undefined) => {
    const v = value?.trim();
    if (!v || next[field].trim()) return;
    next[field] = v;
    proposed.push(field);
  };
  fill('issuerName', p.issuerName);
  fill('codeNumber', p.codeNumber);
  fill('codeNotation', p.codeNotation);
  fill('issuedOn', p.issuedOn ? formatDate(p.issuedOn) || p.issuedOn : null);
  if (p.typeCode && known(DOCUMENT_TYPE_CODES, p.typeCode)) fill('typeCode', p.typeCode);
  fill('summary', p.summary);
  fill('signerName', p.signerName);
  return { draft: next, proposed };
}
