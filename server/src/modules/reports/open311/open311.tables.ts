import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * A client of the Open311 GeoReport v2 interface (an app or another system that files field
 * reports): its API key is stored only as a sha256 hash, with the first characters for display.
 */
export interface Open311ClientTable {
  id: string;
  name: string;
  /** sha256 (hex) of the API key; the key itself is shown once, when created. */
  key_hash: string;
  /** The key's first 8 characters, so administrators can tell keys apart. */
  key_prefix: string;
  created_at: Timestamp;
  created_by: string | null;
  /** Set when an administrator revokes the key; a revoked key gets 403. */
  revoked_at: Date | null;
}

export interface Open311Tables {
  open311_client: Open311ClientTable;
}
