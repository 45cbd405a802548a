import { vnDayEnd, vnDayStart } from '@cqs/shared/calendar/index';
import { canonicalPhone } from '@cqs/shared/vn/index';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ConflictError, ValidationError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { parseDefinitions } from './open311/open311.attributes.js';
import { tokenMatches, visibleUnitCodes } from './reports.access.js';
import { photosOfReport } from './reports.photos.js';
import {
  decodeReportCursor,
  encodeReportCursor,
  presentPublic,
  publicTimeline,
} from './reports.present.js';
import { type ListFilter, reportsRepository as repo } from './reports.repository.js';
import { bboxAround, haversineMeters } from './reports.routing.js';
import type { ListQueryT, PublicListQueryT } from './reports.schemas.js';
import { notFound, type ReportService } from './reports.service.js';
import { reopenUntil } from './reports.sla.js';
import {
  allowedActions,
  FINAL_STATUSES,
  OPEN_STATUSES,
  type ReportStatus,
  STATUS_LABELS,
} from './reports.states.js';

function cursorOf(c: string | undefined): ListFilter['after'] {
  return c ? decodeReportCursor(c) : undefined;
}

function page<T extends { created_at: Date | string; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeReportCursor(last) : null };
}

/** The staff queue's cursor: the last row's deadline (null = none) and id. */
const encodeDueCursor = (r: { due_at: Date | string | null; id: string }) =>
  encodeCursor(['due', r.due_at ? new Date(r.due_at) : null, r.id]);

function dueCursorOf(c: string | undefined): ListFilter['afterDue'] {
  if (!c) return undefined;
  const [, dueAt, id] = decodeCursor(c, [{ tag: 'due' }, 'instant?', 'uuid']);
  return { dueAt, id };
}

/**
 * Staff queue: the caller's units' reports (unit subtree scoping like dossiers), the soonest
 * deadline first — the one to act on next at the top.
 */
export async function listReports(svc: ReportService, actor: Actor, q: ListQueryT) {
  const { db, clock } = svc.deps;
  const now = clock.now();
  const units = await visibleUnitCodes(db, actor);
  const rows = await repo.list(db, {
    units,
    status: q.status,
    category: q.category,
    unit: q.unit,
    overdueAt: q.overdue ? now : undefined,
    assigneeId: q.assignedToMe ? actor.id : undefined,
    byDeadline: true,
    afterDue: dueCursorOf(q.cursor),
    limit: q.limit,
  });
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const p = { items, nextCursor: rows.length > q.limit && last ? encodeDueCursor(last) : null };
  return {
    items: p.items.map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status as ReportStatus,
      statusLabel: STATUS_LABELS[r.status as ReportStatus],
      categoryCode: r.category_code,
      categoryName: r.category_name,
      description: r.description,
      lat: r.lat === null ? null : Number(r.lat),
      long: r.long === null ? null : Number(r.long),
      unitCode: r.unit_code,
      handlingUnitCode: r.handling_unit_code,
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
      overdue:
        (OPEN_STATUSES as readonly string[]).includes(r.status) &&
        r.due_at !== null &&
        new Date(r.due_at) < now,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: p.nextCursor,
  };
}

/** Public list (map and open data): no personal data; rejected reports are not published. */
export async function listPublicReports(svc: ReportService, q: PublicListQueryT) {
  let bbox: ListFilter['bbox'];
  if (q.bbox) {
    const [minLong, minLat, maxLong, maxLat] = q.bbox.split(',').map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (minLong > maxLong || minLat > maxLat)
      throw new ValidationError(
        'Khung bản đồ không hợp lệ (tây > đông hoặc nam > bắc).',
        [],
        'invalid_bbox',
      );
    bbox = { minLong, minLat, maxLong, maxLat };
  }
  const rows = await repo.list(svc.deps.db, {
    units: null,
    status: q.status,
    excludeStatuses: ['rejected'],
    category: q.category,
    unit: q.unit,
    from: q.from ? vnDayStart(q.from) : undefined,
    to: q.to ? vnDayEnd(q.to) : undefined,
    bbox,
    after: cursorOf(q.cursor),
    limit: q.limit,
  });
  const p = page(rows, q.limit);
  return { items: p.items.map((r) => presentPublic(r, r.category_name)), nextCursor: p.nextCursor };
}

/**
 * One report by code, for anyone: no personal data. A rejected report is shown only to the
 * holder of its follow token; the token holder also learns what they may still do.
 */
export async function publicReport(svc: ReportService, code: string, token?: string) {
  const { db } = svc.deps;
  const id = await repo.findIdByCode(db, code);
  const full = id ? await repo.loadFull(db, id) : undefined;
  if (!full) throw notFound();
  const mine = tokenMatches(token, full.row.follow_token_hash);
  if (full.row.status === 'rejected' && !mine) throw notFound();
  let mergedIntoCode: string | null = null;
  if (full.row.merged_into)
    mergedIntoCode = (await repo.loadFull(db, full.row.merged_into))?.row.code ?? null;
  const view = {
    ...presentPublic(full.row, full.categoryName),
    mergedIntoCode,
    timeline: publicTimeline(full.events),
    // A rejected report is not published, nor are its photos (even to its reporter).
    photos: full.row.status === 'rejected' ? [] : await photosOfReport(db, full.row.id),
  };
  if (!mine) return view;
  const g = svc.guards(full.row);
  const allowed = allowedActions(full.row.status as ReportStatus, new Set(['reporter']), g);
  const resolvedAt = full.row.resolved_at;
  return {
    ...view,
    mine: {
      canReopen: allowed.includes('reopen'),
      canRate: allowed.includes('rate'),
      canProvideInfo: allowed.includes('provide_info'),
      infoQuestion: g.infoPending ? full.row.info_question : null,
      reopenUntil:
        resolvedAt === null
          ? null
          : reopenUntil(new Date(resolvedAt), svc.reopenWindowDays).toISOString(),
    },
  };
}

/** Open reports of the category within the duplicate radius, nearest first. */
export async function nearbyReports(
  svc: ReportService,
  q: { categoryCode: string; lat: number; long: number },
) {
  const p = { lat: q.lat, long: q.long };
  const radius = svc.duplicateRadiusM;
  const category = await repo.findCategory(svc.deps.db, q.categoryCode);
  if (!category) return { items: [] };
  const rows = await repo.openInBox(svc.deps.db, q.categoryCode, bboxAround(p, radius));
  const items = rows
    .map((r) => ({ r, d: haversineMeters(p, { lat: Number(r.lat), long: Number(r.long) }) }))
    .filter((x) => x.d <= radius)
    .sort((a, b) => a.d - b.d || a.r.code.localeCompare(b.r.code))
    .map((x) => ({ ...presentPublic(x.r, category.name_vi), distanceM: Math.round(x.d) }));
  return { items };
}

const emailSchema = z.email();

/**
 * Follows a report instead of filing a duplicate: the contact (a mobile number or an e-mail)
 * is told when it is resolved. Following twice is harmless.
 */
export async function followReport(
  svc: ReportService,
  actor: Actor | null,
  code: string,
  contact: string,
) {
  const { db, clock } = svc.deps;
  const phone = canonicalPhone(contact);
  const normalized =
    phone ?? (emailSchema.safeParse(contact.trim()).success ? contact.trim().toLowerCase() : null);
  if (!normalized) {
    throw new ValidationError(
      'Nhập số điện thoại di động (10 chữ số) hoặc địa chỉ email để nhận thông báo.',
      [{ path: 'body.contact', message: 'Ví dụ 0912345678 hoặc ten@example.vn.' }],
      'invalid_contact',
    );
  }
  const id = await repo.findIdByCode(db, code);
  const full = id ? await repo.loadFull(db, id) : undefined;
  if (!full || full.row.status === 'rejected') throw notFound();
  if (FINAL_STATUSES.has(full.row.status as ReportStatus)) {
    throw new ConflictError('Phản ánh này đã đóng, không thể theo dõi thêm.', 'report_closed');
  }
  const now = clock.now();
  const added = await db.transaction().execute(async (trx) => {
    const ok = await repo.addFollower(trx, full.row.id, normalized, now);
    if (ok)
      await recordAudit(trx, actor ?? { id: null, name: 'Người theo dõi', roles: [] }, {
        action: 'report.follow',
        entityType: 'report',
        entityId: full.row.id,
        unitCode: full.row.handling_unit_code,
        after: { code: full.row.code },
      });
    return ok;
  });
  return { code: full.row.code, following: true, added };
}

/** Active categories, for the form. */
export async function listCategories(svc: ReportService) {
  const rows = await repo.listCategories(svc.deps.db);
  return {
    items: rows.map((c) => ({
      code: c.code,
      nameVi: c.name_vi,
      nameEn: c.name_en,
      description: c.description,
      slaAcceptDays: c.sla_accept_days,
      slaResolveDays: c.sla_resolve_days,
      attributes: parseDefinitions(c.attributes).map((a) => ({
        code: a.code,
        variable: a.variable,
        datatype: a.datatype,
        required: a.required,
        description: a.description,
        datatypeDescription: a.datatype_description,
        values: a.values,
      })),
    })),
  };
}
