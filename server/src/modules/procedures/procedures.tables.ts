import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** json/jsonb: parsed on read, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;
/** numeric: node-postgres returns it as a string (exact), we write numbers. */
type Numeric = ColumnType<string, number | string, number | string>;

/** The procedure catalogue (danh mục thủ tục hành chính): one row per procedure version in force. */
export interface ProcedureTable {
  id: Generated<string>;
  code: string;
  name: string;
  field: string;
  implementing_agency: string;
  level: 'province' | 'district' | 'commune';
  processing_time_value: Numeric;
  processing_time_unit: 'working_days' | 'working_hours';
  fees: Json<unknown>;
  result: string;
  legal_basis: string;
  online_level: 'full' | 'partial' | 'info';
  components: Json<unknown>;
  steps: Json<unknown>;
  /** What the desk may do with a result whose fee is unpaid (0403). */
  unpaid_return: Generated<'refuse' | 'with_reason'>;
  status: Generated<'active' | 'archived'>;
  version: Generated<number>;
  /** Accent-folded code and name for search, written by the service on every change. */
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * The search synonyms of the public catalogue, edited by administrators: one row per group
 * of interchangeable terms ("sổ đỏ" = "giấy chứng nhận quyền sử dụng đất"), in list order.
 */
export interface ProcedureSynonymTable {
  position: number;
  /** The terms as written (with diacritics), a JSON array of strings. */
  terms: Json<string[]>;
}

export interface ProceduresTables {
  procedure: ProcedureTable;
  procedure_synonym: ProcedureSynonymTable;
}
