import { AppError, ConflictError, NotFoundError } from '../../platform/errors.js';

/** 404 `procedure_not_found`. */
export class ProcedureNotFoundError extends NotFoundError {
  constructor() {
    super('Không tìm thấy thủ tục hành chính.', 'procedure_not_found');
  }
}

/** 409 `procedure_code_taken`: another procedure in force already has this code. */
export class ProcedureCodeTakenError extends ConflictError {
  constructor(code: string) {
    super(`Mã thủ tục ${code} đã được dùng cho một thủ tục đang áp dụng.`, 'procedure_code_taken');
  }
}

/** 409 `procedure_version_conflict`: someone saved the procedure since the caller read it. */
export class ProcedureVersionConflictError extends ConflictError {
  constructor(expected: number, actual: number) {
    super(
      `Thủ tục đã được người khác cập nhật (phiên bản ${actual}, bạn đang sửa phiên bản ${expected}). Hãy tải lại rồi sửa tiếp.`,
      'procedure_version_conflict',
    );
  }
}

/** 422 `export_cell_too_large`: a value does not fit a spreadsheet cell (32,767 characters). */
export class ExportCellTooLargeError extends AppError {
  constructor(code: string, column: string) {
    super(
      'export_cell_too_large',
      422,
      `Thủ tục ${code} có ${column} quá dài để ghi vào một ô Excel (tối đa 32.767 ký tự). Hãy xuất theo định dạng JSON.`,
    );
  }
}

/** 404 `procedure_form_not_found`: the procedure has no component with a form under this key. */
export class ProcedureFormNotFoundError extends NotFoundError {
  constructor() {
    super('Thủ tục không có biểu mẫu này để tải về.', 'procedure_form_not_found');
  }
}
