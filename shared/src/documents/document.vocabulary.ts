// The words of official documents (văn bản), shipped as data and editable per installation.
// Sources: Nghị định 30/2020/NĐ-CP on clerical work (công tác văn thư), Phụ lục III (type
// abbreviations) and Điều 15–24 (incoming and outgoing documents); ../shared/docs/regulations.md §9.

/** Document types with their abbreviation in the symbol (Phụ lục III); a công văn has none. */
export const DOCUMENT_TYPES = [
  { code: 'NQ', name: 'Nghị quyết' },
  { code: 'QĐ', name: 'Quyết định' },
  { code: 'CT', name: 'Chỉ thị' },
  { code: 'QC', name: 'Quy chế' },
  { code: 'QyĐ', name: 'Quy định' },
  { code: 'TB', name: 'Thông báo' },
  { code: 'HD', name: 'Hướng dẫn' },
  { code: 'CTr', name: 'Chương trình' },
  { code: 'KH', name: 'Kế hoạch' },
  { code: 'PA', name: 'Phương án' },
  { code: 'ĐA', name: 'Đề án' },
  { code: 'DA', name: 'Dự án' },
  { code: 'BC', name: 'Báo cáo' },
  { code: 'BB', name: 'Biên bản' },
  { code: 'TTr', name: 'Tờ trình' },
  { code: 'HĐ', name: 'Hợp đồng' },
  { code: 'CĐ', name: 'Công điện' },
  { code: 'GM', name: 'Giấy mời' },
  { code: 'GGT', name: 'Giấy giới thiệu' },
  { code: 'CV', name: 'Công văn' },
] as const;

/** A type's code (CV stands for công văn, which writes no abbreviation in its symbol). */
export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];
export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as [
  DocumentTypeCode,
  ...DocumentTypeCode[],
];

/** Độ khẩn (Điều 15 ND30: Khẩn, Thượng khẩn, Hỏa tốc). */
export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'] as const;
export const URGENCY_LABELS: Record<(typeof URGENCIES)[number], string> = {
  normal: 'Thường',
  urgent: 'Khẩn',
  very_urgent: 'Thượng khẩn',
  flash: 'Hỏa tốc',
};

/**
 * Độ mật (Luật Bảo vệ bí mật nhà nước 2018: Mật, Tối mật, Tuyệt mật). A confidential
 * document is registered, but its content never enters a networked system (ND30 Điều 21).
 */
export const CONFIDENTIALITIES = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export const CONFIDENTIALITY_LABELS: Record<(typeof CONFIDENTIALITIES)[number], string> = {
  normal: 'Thường',
  confidential: 'Mật',
  secret: 'Tối mật',
  top_secret: 'Tuyệt mật',
};

/** Where an incoming document came from. */
export const INCOMING_SOURCES = ['platform', 'edxml', 'paper'] as const;
export const INCOMING_SOURCE_LABELS: Record<(typeof INCOMING_SOURCES)[number], string> = {
  platform: 'Văn bản điện tử trên hệ thống',
  edxml: 'Gói tin edXML từ cơ quan ngoài',
  paper: 'Văn bản giấy (bản quét)',
};

/** Handling roles of an assignment (phân công xử lý). */
export const HANDLING_ROLES = ['lead', 'support', 'info'] as const;
export const HANDLING_ROLE_LABELS: Record<(typeof HANDLING_ROLES)[number], string> = {
  lead: 'Chủ trì',
  support: 'Phối hợp',
  info: 'Để biết',
};

/** Statuses of an incoming document (văn bản đến). */
export const INCOMING_STATUSES = [
  'received',
  'registered',
  'proposed',
  'directed',
  'in_progress',
  'done',
  'returned',
] as const;
/** Statuses of an outgoing document (văn bản đi). */
export const OUTGOING_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'signed',
  'issued',
  'withdrawn',
] as const;
export const DOCUMENT_STATUSES = [...INCOMING_STATUSES, ...OUTGOING_STATUSES] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  received: 'Chờ vào sổ',
  registered: 'Đã vào sổ',
  proposed: 'Đã trình lãnh đạo',
  directed: 'Đã có ý kiến chỉ đạo',
  in_progress: 'Đang xử lý',
  done: 'Đã xử lý xong',
  returned: 'Đã trả lại',
  draft: 'Dự thảo',
  in_review: 'Đang trình duyệt',
  approved: 'Đã duyệt, chờ ký',
  signed: 'Đã ký, chờ phát hành',
  issued: 'Đã phát hành',
  withdrawn: 'Đã thu hồi',
};

/** Actions of POST /documents/{id}/actions (documents.states.ts says which apply when). */
export const DOCUMENT_ACTIONS = [
  // incoming
  'register',
  'propose',
  'direct',
  'start',
  'complete',
  'return',
  // outgoing
  'revise',
  'submit',
  'approve',
  'reject',
  'sign',
  'issue',
  // both
  'comment',
  'share',
] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

/** The step kinds of an approval flow (trình duyệt), kept as data per unit and type. */
export const REVIEW_STEP_ROLES = ['department_head', 'office', 'leader'] as const;
export const REVIEW_STEP_LABELS: Record<(typeof REVIEW_STEP_ROLES)[number], string> = {
  department_head: 'Lãnh đạo phòng, ban kiểm tra nội dung',
  office: 'Văn phòng kiểm tra thể thức',
  leader: 'Lãnh đạo duyệt',
};

/**
 * A document's number as written: `05` (numbers below 10 with a leading zero, ND30 Điều 15
 * khoản 1 and Phụ lục I), then `/` and the symbol: `05/KH-UBND`.
 */
export function formatDocumentNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The symbol (ký hiệu) of an outgoing document: type abbreviation and issuing body
 * (`KH-UBND`), or for a công văn the body and then the drafting unit (`UBND-VP`).
 */
export function documentSymbol(
  type: DocumentTypeCode,
  body: string,
  draftingUnit?: string | null,
): string {
  if (type === 'CV') return draftingUnit ? `${body}-${draftingUnit}` : body;
  return `${type}-${body}`;
}
