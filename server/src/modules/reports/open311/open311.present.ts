/**
 * Our field reports and categories in GeoReport v2 terms (pure functions). Nothing here
 * carries personal data: the rows it reads (open311.repository.ts) never hold any.
 */
import { toVnIso } from '@cqs/shared/calendar/index';
import { OPEN_STATUSES, type ReportStatus, STATUS_LABELS } from '../reports.states.js';
import type { AttributeDefinition } from './open311.attributes.js';
import type { Json } from './open311.format.js';
import type { RequestRow, ServiceRow } from './open311.repository.js';

/** The GeoReport v2 specification this endpoint implements (discovery `specification`). */
export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';
/**
 * When this interface's shape last changed (discovery `changeset`). Categories carry no
 * modification time yet, so a change of their questions does not move it.
 */
export const OPEN311_CHANGESET = '2026-11-22T00:00:00+07:00';
/** Every category sits in one group: the standard's `group` is required, we have no groups. */
export const SERVICE_GROUP = 'Phản ánh hiện trường';

const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);

/** Open311 has two statuses: ours still being worked on are open, the rest closed. */
export function open311Status(status: string): 'open' | 'closed' {
  return OPEN.has(status) ? 'open' : 'closed';
}

/** Our statuses behind each Open311 status (for the `status` filter). */
export const STATUSES_OF: Record<'open' | 'closed', readonly ReportStatus[]> = {
  open: OPEN_STATUSES,
  closed: ['resolved', 'closed', 'rejected'],
};

/** What the reporter can expect: the category's time limits (regulations.md §5). */
export function serviceNotice(c: { sla_accept_days: number; sla_resolve_days: number }): string {
  return `Phản ánh được xem xét tiếp nhận trong ${c.sla_accept_days} ngày làm việc và giải quyết trong ${c.sla_resolve_days} ngày làm việc kể từ khi tiếp nhận.`;
}

/**
 * Why the request is where it is: the report it was merged into, the public reply, the reason
 * of a refusal, else our finer-grained status in words ("Đã phân công").
 */
export function statusNotes(r: RequestRow): string {
  if (r.merged_into_code)
    return `Đã gộp vào phản ánh ${r.merged_into_code} về cùng vấn đề; xem tiến độ xử lý ở phản ánh đó.`;
  if (r.status === 'rejected' && r.reject_reason) return `Từ chối: ${r.reject_reason}`;
  if ((r.status === 'resolved' || r.status === 'closed') && r.resolution) return r.resolution;
  return STATUS_LABELS[r.status as ReportStatus] ?? r.status;
}

const num = (v: string | null) => (v === null ? null : Number(v));

/** One service request (GET /requests, GET /requests/{id}), fields in the standard's order. */
export function presentRequest(r: RequestRow, publicUrl: string): Json {
  return {
    service_request_id: r.code,
    status: open311Status(r.status),
    status_notes: statusNotes(r),
    service_name: r.category_name,
    service_code: r.category_code,
    description: r.description,
    agency_responsible: r.agency_responsible,
    service_notice: serviceNotice(r),
    requested_datetime: toVnIso(r.created_at),
    updated_datetime: toVnIso(r.updated_at),
    expected_datetime: r.due_at ? toVnIso(r.due_at) : null,
    address: r.address,
    address_id: r.unit_code,
    zipcode: null,
    lat: num(r.lat),
    long: num(r.long),
    media_url: mediaUrl(r, publicUrl),
  };
}

/**
 * The client's own photo link, else the first photo the citizen attached here — except for
 * a rejected report, whose photos are not public.
 */
export function mediaUrl(r: RequestRow, publicUrl: string): string | null {
  if (r.media_url) return r.media_url;
  if (!r.first_photo_id || r.status === 'rejected') return null;
  return `${publicUrl}/api/v1/public/report-photos/${r.first_photo_id}`;
}

/** One service (GET /services): `metadata` tells whether it has extra questions. */
export function presentService(c: ServiceRow, definitions: readonly AttributeDefinition[]): Json {
  return {
    service_code: c.code,
    service_name: c.name_vi,
    description: c.description,
    metadata: definitions.length > 0,
    type: 'realtime',
    keywords: [c.name_vi, c.name_en].join(', '),
    group: SERVICE_GROUP,
  };
}

/** A service definition (GET /services/{code}). */
export function presentDefinition(code: string, definitions: readonly AttributeDefinition[]): Json {
  return {
    service_code: code,
    attributes: definitions.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.order,
      description: a.description,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    })),
  };
}

/** The discovery document: where the endpoint is, what it speaks, how to get a key. */
export function presentDiscovery(publicUrl: string): Json {
  return {
    changeset: OPEN311_CHANGESET,
    contact: `Đơn vị vận hành nền tảng Chính quyền số — ${publicUrl}`,
    key_service: `Khóa API (api_key) để gửi phản ánh do quản trị hệ thống cấp, trên trang Quản trị → Khóa Open311 (${publicUrl}/quan-tri/open311). Hãy liên hệ đơn vị vận hành để được cấp khóa.`,
    endpoints: [
      {
        specification: GEOREPORT_V2,
        url: `${publicUrl}/open311/v2`,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
