// The drafting form of an outgoing document (soạn thảo văn bản đi) and the revision of a draft:
// the body typed in one box (paragraphs separated by a blank line), the "Nơi nhận" lines one a
// line, the recipients picked among the platform's units; checked with the shared schemas
// (CreateOutgoingBody, DraftContentSchema) and Vietnamese messages before sending.
import {
  CreateOutgoingBody,
  DOCUMENT_TYPE_CODES,
  DraftContentSchema,
  URGENCIES,
} from '@cqs/shared/documents/index';
import type {
  CreateOutgoingRequest,
  DocumentActionInput,
  DraftContent,
} from '../api/document.types.ts';
import { type FormErrors, issueErrors, readDate } from './form-checks.ts';

/** The content part of a draft as typed (shared by drafting and revising). */
export interface ContentDraft {
  summary: string;
  /** The body: paragraphs separated by a blank line. */
  body: string;
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" … */
  authority: string;
  signerTitle: string;
  signerName: string;
  /** The signing account ('' = the name is only printed). */
  signerUserId: string;
  /** Platform units that receive it. */
  recipientUnits: string[];
  /** Bodies outside the platform (edXML), one a line: "mã định danh; tên cơ quan". */
  external: string;
  /** The "Nơi nhận" lines, one a line. */
  places: string;
}

/** The whole drafting form. */
export interface OutgoingDraft extends ContentDraft {
  /** The issuing body: the drafter's unit or the one directly above it. */
  unitCode: string;
  typeCode: string;
  urgency: string;
  /** dd/mm/yyyy or ''. */
  deadline: string;
  /** The incoming document this answers ('' for none). */
  replyToId: string;
}

export const EMPTY_CONTENT_DRAFT: ContentDraft = {
  summary: '',
  body: '',
  authority: '',
  signerTitle: '',
  signerName: '',
  signerUserId: '',
  recipientUnits: [],
  external: '',
  places: '',
};

export const EMPTY_OUTGOING_DRAFT: OutgoingDraft = {
  ...EMPTY_CONTENT_DRAFT,
  unitCode: '',
  typeCode: 'CV',
  urgency: 'normal',
  deadline: '',
  replyToId: '',
};

/** The paragraphs of the body: split at blank lines, each trimmed, empty ones dropped. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
        .trim(),
    )
    .filter((p) => p.length > 0);
}

/** Paragraphs back into one box. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

/** The "Nơi nhận" lines: one a line, without the printed "- " and ";"/"." endings. */
export function placeLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^[-–—+•*]\s*/, '')
        .replace(/[;.,]\s*$/, '')
        .trim(),
    )
    .filter((line) => line.length > 0 && !/^lưu\s*:/i.test(line));
}

/**
 * The outside recipients typed one a line, "000.00.12.H01; Sở Thông tin và Truyền thông" (the
 * body's electronic identifier, then its name, separated by ";", "|", a tab or " - "); the lines
 * that do not read so are returned as errors (numbered from 1).
 */
export function externalLines(text: string): {
  recipients: { organId: string; name: string }[];
  bad: number[];
} {
  const recipients: { organId: string; name: string }[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim().replace(/^[-–—+•*]\s*/, '');
    if (!line) return;
    const m = /^([^;|\t]+?)\s*(?:;|\||\t|\s[-–—]\s)\s*(.+)$/.exec(line);
    const organId = m?.[1]?.trim() ?? '';
    const name = m?.[2]?.trim().replace(/[;.,]\s*$/, '') ?? '';
    if (!m || !/^[0-9A-Za-z.]{3,64}$/.test(organId) || !name) bad.push(i + 1);
    else recipients.push({ organId: organId.toUpperCase(), name });
  });
  return { recipients, bad };
}

/** The message of the outside recipients' lines that do not read, or null. */
function externalError(text: string): string | null {
  const { bad } = externalLines(text);
  return bad.length === 0
    ? null
    : `Dòng ${bad.join(', ')}: ghi mã định danh điện tử của cơ quan, dấu ";" rồi tên cơ quan (ví dụ: 000.00.12.H01; Sở Thông tin và Truyền thông).`;
}

/** The content as the API wants it; without places typed, the recipients' names are printed. */
export function contentOf(d: ContentDraft, nameOf: (code: string) => string): DraftContent {
  const places = placeLines(d.places);
  const units = [...new Set(d.recipientUnits)];
  const external = externalLines(d.external).recipients;
  return {
    summary: d.summary,
    paragraphs: splitParagraphs(d.body),
    signer: {
      authority: d.authority.trim() || null,
      title: d.signerTitle,
      name: d.signerName,
      userId: d.signerUserId || null,
    },
    recipients: {
      units,
      external,
      places: places.length > 0 ? places : [...units.map(nameOf), ...external.map((e) => e.name)],
    },
  };
}

/** A saved content back into the form. */
export function contentDraftOf(c: DraftContent): ContentDraft {
  return {
    summary: c.summary,
    body: joinParagraphs(c.paragraphs),
    authority: c.signer.authority ?? '',
    signerTitle: c.signer.title,
    signerName: c.signer.name,
    signerUserId: c.signer.userId ?? '',
    recipientUnits: [...c.recipients.units],
    external: c.recipients.external.map((e) => `${e.organId}; ${e.name}`).join('\n'),
    places: c.recipients.places.join('\n'),
  };
}

/** The body of POST /documents/outgoing, or the messages that keep it from being sent. */
export function outgoingBody(
  d: OutgoingDraft,
  files: { name: string; contentType: string; data: string }[],
  nameOf: (code: string) => string,
): { ok: true; value: CreateOutgoingRequest } | { ok: false; errors: FormErrors } {
  const own: FormErrors = {};
  const deadline = readDate(d.deadline, 'hạn xử lý');
  if (!deadline.ok) own.deadline = deadline.message;
  if (!DOCUMENT_TYPE_CODES.includes(d.typeCode as never)) own.typeCode = 'Chọn loại văn bản.';
  if (!URGENCIES.includes(d.urgency as never)) own.urgency = 'Chọn độ khẩn.';
  const external = externalError(d.external);
  if (external) own['recipients.external'] = external;
  const candidate = {
    ...contentOf(d, nameOf),
    ...(d.unitCode ? { unitCode: d.unitCode } : {}),
    typeCode: d.typeCode,
    urgency: d.urgency,
    deadline: deadline.ok ? deadline.iso : null,
    replyToId: d.replyToId || null,
    files,
  };
  const parsed = CreateOutgoingBody.safeParse(candidate);
  const errors = { ...(parsed.success ? {} : issueErrors(parsed.error.issues)), ...own };
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** The `revise` action (a new version of the draft), or the messages that keep it from being sent. */
export function reviseBody(
  d: ContentDraft,
  comment: string,
  version: number,
  nameOf: (code: string) => string,
): { ok: true; value: DocumentActionInput } | { ok: false; errors: FormErrors } {
  const parsed = DraftContentSchema.safeParse(contentOf(d, nameOf));
  const external = externalError(d.external);
  if (!parsed.success || external)
    return {
      ok: false,
      errors: {
        ...(parsed.success ? {} : issueErrors(parsed.error.issues)),
        ...(external ? { 'recipients.external': external } : {}),
      },
    };
  return {
    ok: true,
    value: {
      action: 'revise',
      version,
      content: parsed.data,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    },
  };
}
