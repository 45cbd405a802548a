// The registers (sổ đăng ký văn bản đến / đi) as XLSX for a date range, with the columns of
// Nghị định 30/2020/NĐ-CP Phụ lục IV (mẫu sổ đăng ký văn bản đến, văn bản đi).

import {
  CONFIDENTIALITY_LABELS,
  DOCUMENT_TYPES,
  URGENCY_LABELS,
} from '@cqs/shared/documents/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import { writeWorkbook } from '../../platform/xlsx/xlsx.js';
import { documentsRepository as repo } from './documents.repository.js';
import { numberSymbolOf } from './documents.service.js';

const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const typeName = (code: string) => DOCUMENT_TYPES.find((t) => t.code === code)?.name ?? code;

/**
 * A register of the caller's unit (its office or leaders, or the unit given when they hold
 * one of those roles there): 403 otherwise. At most one year a file.
 */
export async function registerXlsx(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  q: { direction: 'incoming' | 'outgoing'; unit?: string; from: string; to: string },
): Promise<Buffer> {
  if (q.from > q.to)
    throw new ValidationError(
      'Ngày bắt đầu phải trước ngày kết thúc.',
      [{ path: 'querystring.from', message: 'Ngày bắt đầu sau ngày kết thúc.' }],
      'range_invalid',
    );
  if (Date.parse(q.to) - Date.parse(q.from) > 366 * 86_400_000)
    throw new ValidationError(
      'Mỗi lần xuất tối đa một năm.',
      [{ path: 'querystring.to', message: 'Khoảng ngày dài quá một năm.' }],
      'range_too_long',
    );
  const units = [
    ...new Set(
      actor.roles
        .filter((g) => g.unitCode && (g.role === 'secretariat' || g.role === 'leader'))
        .map((g) => g.unitCode!),
    ),
  ];
  const unit = q.unit ?? (units.length === 1 ? units[0] : undefined);
  if (!unit || !units.includes(unit))
    throw new ForbiddenError(
      'Chỉ văn thư hoặc lãnh đạo của đơn vị mới xuất được sổ văn bản.',
      'register_forbidden',
    );
  const rows = await repo.registerEntries(db, {
    unit,
    direction: q.direction,
    from: q.from,
    to: q.to,
  });
  const sheet =
    q.direction === 'incoming'
      ? {
          name: 'Sổ văn bản đến',
          columns: [
            { header: 'Ngày đến', width: 12 },
            { header: 'Số đến', width: 8 },
            { header: 'Tác giả (cơ quan ban hành)', width: 30 },
            { header: 'Số, ký hiệu', width: 18 },
            { header: 'Ngày tháng', width: 12 },
            { header: 'Tên loại và trích yếu nội dung', width: 50 },
            { header: 'Đơn vị hoặc người nhận', width: 25 },
            { header: 'Độ mật, độ khẩn', width: 14 },
            { header: 'Hạn xử lý', width: 12 },
            { header: 'Ghi chú', width: 20 },
          ],
          rows: rows.map((d) => [
            d.registered_at
              ? dmy(new Date(d.registered_at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10))
              : '',
            d.arrival_number,
            d.issuer_name,
            numberSymbolOf(d),
            dmy(d.issued_on),
            `${typeName(d.type_code)}: ${d.summary}`,
            d.assignees,
            [
              d.confidentiality !== 'normal' ? CONFIDENTIALITY_LABELS[d.confidentiality] : '',
              d.urgency !== 'normal' ? URGENCY_LABELS[d.urgency] : '',
            ]
              .filter(Boolean)
              .join(', '),
            dmy(d.deadline),
            d.status === 'returned' ? 'Đã trả lại' : null,
          ]),
        }
      : {
          name: 'Sổ văn bản đi',
          columns: [
            { header: 'Số, ký hiệu văn bản', width: 18 },
            { header: 'Ngày tháng văn bản', width: 12 },
            { header: 'Tên loại và trích yếu nội dung', width: 50 },
            { header: 'Người ký', width: 22 },
            { header: 'Nơi nhận văn bản', width: 35 },
            { header: 'Đơn vị, người nhận bản lưu', width: 20 },
            { header: 'Số lượng bản', width: 8 },
            { header: 'Ghi chú', width: 20 },
          ],
          rows: rows.map((d) => [
            numberSymbolOf(d),
            dmy(d.issued_on),
            `${typeName(d.type_code)}: ${d.summary}`,
            d.signer_name,
            (d.content?.recipients.places ?? []).join('; '),
            'VT',
            1,
            null,
          ]),
        };
  return writeWorkbook([sheet], { created: clock.now() });
}
