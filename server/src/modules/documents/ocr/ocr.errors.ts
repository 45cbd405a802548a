// Typed errors of the OCR (style.md rule 9): a stable code, an HTTP status and a Vietnamese
// detail shown to the clerk as is. None of them stops registration: the clerk types the fields.
import { AppError } from '../../../platform/errors.js';

/** 503: tesseract (or its Vietnamese data, or pdftoppm for PDFs) is not installed here. */
export class OcrUnavailableError extends AppError {
  constructor(detail: string) {
    super('ocr_unavailable', 503, detail);
  }
}

/** 422: the file is empty, too large, not what its type says, or cannot be decoded. */
export class OcrInputError extends AppError {
  constructor(detail: string) {
    super('ocr_bad_input', 422, detail);
  }
}

/** 422: recognition took longer than allowed (a huge page, a pathological PDF). */
export class OcrTimeoutError extends AppError {
  constructor(seconds: number) {
    super(
      'ocr_timeout',
      422,
      `Nhận dạng chữ không xong trong ${seconds} giây; hãy quét lại với ít trang hơn hoặc nhập tay.`,
    );
  }
}
