import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** A category of field report (lĩnh vực phản ánh), e.g. roads, lighting, waste. */
export interface ReportCategoryTable {
  code: string;
  name_vi: string;
  name_en: string;
  description: string;
  /** Which level answers: the nearest unit of this kind above the report's unit. */
  responsible_kind: 'commune' | 'district' | 'province';
  /** Working days per stage (regulations.md §5): reject 2, ask for information 5, resolve 15, publish 2. */
  sla_accept_days: number;
  sla_info_days: number;
  sla_resolve_days: number;
  sla_publish_days: number;
  /** Extra questions (Open311 `attributes`), not asked yet. */
  attributes: Json;
  active: boolean;
  sort_order: number;
}

/** A citizen field report (phản ánh hiện trường). */
export interface ReportTable {
  id: string;
  code: string;
  category_code: string;
  description: string;
  lat: string | null;
  long: string | null;
  address: string | null;
  /** The ward/commune (or district, when only that is known) the point falls in. */
  unit_code: string;
  /** The unit that answers; changes on transfer. */
  handling_unit_code: string;
  status: string;
  reporter_name: string | null;
  /** Canonical phone (0xxxxxxxxx). Never shown publicly. */
  reporter_phone: string | null;
  reporter_email: string | null;
  anonymous: boolean;
  channel: 'web' | 'open311' | 'desk';
  /** The Open311 client (api key) that sent the report, when channel is 'open311'. */
  source_client_id: string | null;
  /** Answers to the category's extra questions, by attribute code. */
  attributes: Json<Record<string, unknown>>;
  /** A photo hosted elsewhere (Open311 `media_url`). */
  media_url: string | null;
  /** sha256 (hex) of the reporter's follow token; the token itself is never stored. */
  follow_token_hash: string;
  /** sha256 of the Idempotency-Key the report was sent with (a retry finds it). */
  idempotency_key_hash: string | null;
  /** sha256 of the request, to refuse another report under the same key. */
  request_hash: string | null;
  assignee_id: string | null;
  accept_due_at: Date;
  /** Until when staff may ask the reporter for more information (null before migration 0733). */
  info_due_at: Date | null;
  /** The pending (or last) question to the reporter, and when it was asked and answered. */
  info_requested_at: Date | null;
  info_question: string | null;
  info_answered_at: Date | null;
  resolve_due_at: Date | null;
  /** Deadline of the current stage (accept while new, resolve after); null when no clock runs. */
  due_at: Date | null;
  due_soon_at: Date | null;
  overdue_at: Date | null;
  escalated_at: Date | null;
  accepted_at: Date | null;
  resolution: string | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  reopen_count: number;
  merged_into: string | null;
  rating: number | null;
  rating_comment: string | null;
  version: number;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every action on a report, append-only (like dossier_event). */
export interface ReportEventTable {
  id: Generated<number>;
  report_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  unit_code: string;
  occurred_at: Date;
  reason: string | null;
  payload: Json;
}

/** Someone who follows a report instead of filing a duplicate (theo dõi phản ánh). */
export interface ReportFollowerTable {
  report_id: string;
  contact: string;
  created_at: Timestamp;
}

/** Daily sequence for gap-free report codes. */
export interface ReportCodeCounterTable {
  day: string;
  last_seq: number;
}

/** An admin's routing override (quy tắc chuyển phản ánh): category + area → handling unit. */
export interface ReportRoutingRuleTable {
  category_code: string;
  area_unit_code: string;
  handling_unit_code: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A reply template (mẫu trả lời) staff pick from when resolving or rejecting. */
export interface ReportReplyTemplateTable {
  id: string;
  /** Null: for every category. */
  category_code: string | null;
  /** Which reply it is for: the public resolution, a rejection, or an information request. */
  kind: 'resolve' | 'reject' | 'info';
  title: string;
  body: string;
  active: boolean;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A photo of a report (ảnh phản ánh): uploaded first, attached when the report is sent or resolved. */
export interface ReportPhotoTable {
  id: string;
  /** Null until attached; unattached rows are purged after a day. */
  report_id: string | null;
  /** 'report': the citizen's photo; 'resolution': the officer's after-photo. Null until attached. */
  stage: 'report' | 'resolution' | null;
  /** Order within its stage, as the sender listed the photos. */
  position: number | null;
  /** sha256 of the stored JPEG (resized, no metadata) in the file store. */
  sha256: string;
  thumb_sha256: string;
  width: number;
  height: number;
  /** Bytes of the stored JPEG. */
  size: number;
  created_at: Date;
  attached_at: Date | null;
}

export interface ReportsTables {
  report_category: ReportCategoryTable;
  report: ReportTable;
  report_event: ReportEventTable;
  report_follower: ReportFollowerTable;
  report_code_counter: ReportCodeCounterTable;
  report_routing_rule: ReportRoutingRuleTable;
  report_reply_template: ReportReplyTemplateTable;
  report_photo: ReportPhotoTable;
}
