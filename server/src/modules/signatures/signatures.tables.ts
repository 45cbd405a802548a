import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * The image a visible signature draws for a person (their handwritten signature) or a unit (its
 * seal), one current row per owner. The PNG itself is in the file store, by its sha256; a
 * replaced image stays there (signed PDFs embed their own copy anyway) and the audit log keeps
 * which one was in force when.
 */
export interface SignatureImageTable {
  owner_kind: 'person' | 'unit';
  /** The account id (person) or the unit code (unit). */
  owner_id: string;
  sha256: string;
  width: number;
  height: number;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Timestamp;
}

export interface SignaturesTables {
  signature_image: SignatureImageTable;
}
