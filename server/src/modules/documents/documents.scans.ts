// Scanned paper documents (issue 13 deliver 5): OCR proposes the register fields for the clerk
// to confirm. Where OCR is not installed the answer says so, and registration works by hand.
import {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
  type OcrReplyView,
} from '@cqs/shared/documents/index';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import { ocrAvailability, ocrDocument, proposeMetadata } from './ocr/index.js';

const OCR_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;

/** Only a unit's office (văn thư) registers incoming documents, so only it scans them. */
export function requireClerk(actor: Actor): Actor {
  if (!actor.roles.some((g) => g.role === 'secretariat' && g.unitCode))
    throw new ForbiddenError(
      'Chỉ văn thư (văn phòng) của đơn vị mới được vào sổ văn bản đến.',
      'document_forbidden',
    );
  return actor;
}

/** OCR of a scan and the proposals; `available: false` with the reason when OCR is missing. */
export async function scanProposals(bytes: Buffer, mime: string): Promise<OcrReplyView> {
  const type = mime.split(';')[0]!.trim().toLowerCase();
  if (!(OCR_TYPES as readonly string[]).includes(type))
    throw new ValidationError(
      'Chỉ nhận bản quét dạng PDF, PNG, JPEG hoặc TIFF.',
      [{ path: 'body', message: 'Chọn tệp PDF hoặc ảnh.' }],
      'scan_type',
    );
  const none = {
    codeNumber: null,
    codeNotation: null,
    issuedOn: null,
    place: null,
    issuerName: null,
    typeCode: null,
    summary: null,
    signerName: null,
  };
  const availability = await ocrAvailability();
  if (!availability.available)
    return { available: false, message: availability.message, text: '', proposals: none };
  const ocr = await ocrDocument(
    { bytes, contentType: type as (typeof OCR_TYPES)[number] },
    { maxPages: 3 },
  );
  const p = proposeMetadata(ocr);
  const code = p.documentType ? (p.documentType.code ?? 'CV') : null;
  return {
    available: true,
    message: null,
    text: ocr.text.slice(0, 20_000),
    proposals: {
      codeNumber: p.numberSymbol?.number ?? null,
      codeNotation: p.numberSymbol?.symbol ?? null,
      issuedOn: p.date?.value ?? null,
      place: p.place?.value ?? null,
      issuerName: p.issuingBody?.value ?? null,
      typeCode:
        code && (DOCUMENT_TYPE_CODES as readonly string[]).includes(code)
          ? (code as DocumentTypeCode)
          : null,
      summary: p.summary?.value ?? null,
      signerName: p.signerName?.value ?? null,
    },
  };
}
