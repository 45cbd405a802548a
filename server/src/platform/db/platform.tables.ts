import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

/** Jobs stored in the database (style.md rule 8). */
export interface JobTable {
  id: Generated<number>;
  name: string;
  payload: Json;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  singleton_key: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

/** One row per recurring job: the next due instant is claimed atomically by one process. */
export interface JobScheduleTable {
  name: string;
  cron: string;
  next_run_at: Date;
  last_run_at: Date | null;
}

/** Append-only audit log (who, when, what, before/after) with a hash chain. */
export interface AuditLogTable {
  id: Generated<number>;
  seq: Generated<number>;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_code: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

/** One row: from which seq the audit chain is keyed, and its MAC under the chain key. */
export interface AuditChainTable {
  one_row: Generated<boolean>;
  keyed_from: number;
  mac: string;
  created_at: Generated<Date>;
}

/** A subject's current fact snapshot (platform/facts). */
export interface FactTable {
  kind: string;
  subject_id: string;
  unit_code: string;
  data: Json;
  updated_at: Timestamp;
}

/** A subject changed since the followers last claimed it. */
export interface FactPendingTable {
  id: Generated<number>;
  kind: string;
  subject_id: string;
}

export interface PlatformTables {
  fact: FactTable;
  fact_pending: FactPendingTable;
  job: JobTable;
  job_schedule: JobScheduleTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
}
