/**
 * Messages to the petitioner (SMS and e-mail), composed here and queued through the
 * notifications outbox in the caller's transaction. The notifications module's template
 * catalogue has no petition templates, and this module may not edit it; its outbox takes any
 * rendered row (`queueOutboxRows`), so the texts live here, in the same plain style.
 */
import { canonicalPhone } from '@cqs/shared/vn/index';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../platform/db/schema.js';
import { formatVnDateTime, type OutboxMessage, queueOutboxRows } from '../notifications/index.js';
import type { PetitionRow } from './feedback.repository.js';

const SMS_MAX = 160;
const fitSms = (...c: string[]) => c.find((s) => s.length <= SMS_MAX) ?? c[c.length - 1]!;
const signature = [
  '',
  'Trân trọng,',
  'Bộ phận Tiếp nhận và Trả kết quả',
  '',
  'Đây là thư tự động, xin Ông/Bà không trả lời thư này.',
].join('\n');

/** The public tracking page of the dossier, where the petition and its answer are shown. */
export const lookupUrl = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;

export type PetitionNotice =
  | 'feedback.petition_received'
  | 'feedback.petition_info_requested'
  | 'feedback.petition_answered';

/** Subject, e-mail text and SMS text of a notice about a petition. */
export function renderPetitionNotice(kind: PetitionNotice, p: PetitionRow, url: string) {
  if (kind === 'feedback.petition_received')
    return {
      subject: `Đã nhận kiến nghị ${p.number}`,
      text: [
        'Kính gửi Ông/Bà,',
        '',
        `Kiến nghị của Ông/Bà về hồ sơ ${p.dossier_code} (${p.procedure_name}) đã được chuyển đến đơn vị giải quyết hồ sơ.`,
        '',
        `Số kiến nghị: ${p.number}`,
        `Hạn trả lời: ${formatVnDateTime(new Date(p.due_at))}`,
        '',
        'Ông/Bà theo dõi kiến nghị và câu trả lời tại:',
        url,
        signature,
      ].join('\n'),
      sms: fitSms(
        `Đã nhận kiến nghị ${p.number} về hồ sơ ${p.dossier_code}. Hạn trả lời ${formatVnDateTime(new Date(p.due_at))}. Theo dõi: ${url}`,
        `Đã nhận kiến nghị ${p.number}. Hạn trả lời ${formatVnDateTime(new Date(p.due_at))}.`,
      ),
    };
  if (kind === 'feedback.petition_info_requested')
    return {
      subject: `Đề nghị bổ sung thông tin cho kiến nghị ${p.number}`,
      text: [
        'Kính gửi Ông/Bà,',
        '',
        `Để giải quyết kiến nghị ${p.number} về hồ sơ ${p.dossier_code}, đơn vị giải quyết đề nghị Ông/Bà cho biết thêm:`,
        p.info_question ?? '',
        '',
        'Ông/Bà trả lời tại trang tra cứu hồ sơ (nhập mã hồ sơ và số điện thoại hoặc số CCCD):',
        url,
        signature,
      ].join('\n'),
      sms: fitSms(
        `Kiến nghị ${p.number}: đơn vị giải quyết đề nghị Ông/Bà bổ sung thông tin. Trả lời tại: ${url}`,
        `Kiến nghị ${p.number}: đề nghị Ông/Bà bổ sung thông tin tại trang tra cứu hồ sơ.`,
      ),
    };
  const rejected = p.status === 'rejected';
  return {
    subject: rejected ? `Kiến nghị ${p.number} không được thụ lý` : `Trả lời kiến nghị ${p.number}`,
    text: [
      'Kính gửi Ông/Bà,',
      '',
      rejected
        ? `Kiến nghị ${p.number} về hồ sơ ${p.dossier_code} không được thụ lý. Lý do:`
        : `Đơn vị giải quyết đã trả lời kiến nghị ${p.number} về hồ sơ ${p.dossier_code}:`,
      p.answer ?? '',
      '',
      'Xem chi tiết tại:',
      url,
      signature,
    ].join('\n'),
    sms: fitSms(
      `Kiến nghị ${p.number} về hồ sơ ${p.dossier_code} đã có trả lời. Xem tại: ${url}`,
      `Kiến nghị ${p.number} đã có trả lời.`,
    ),
  };
}

const emailSchema = z.email();

/** Queues the notice by SMS (phone given as proof) and e-mail (if left), in `trx`. */
export async function notifyPetitioner(
  trx: Kysely<Database>,
  kind: PetitionNotice,
  p: PetitionRow,
  publicUrl: string,
  at: Date,
): Promise<void> {
  const m = renderPetitionNotice(kind, p, lookupUrl(publicUrl, p.dossier_code));
  // Several questions may be asked over a petition's life (one at a time): one notice each.
  const key =
    kind === 'feedback.petition_info_requested' && p.info_asked_at
      ? `petition:${p.id}:${kind}:${new Date(p.info_asked_at).toISOString()}`
      : `petition:${p.id}:${kind}`;
  const base = {
    template: kind,
    subject: m.subject,
    payload: { number: p.number, dossierCode: p.dossier_code, status: p.status },
    relatedType: 'dossier_petition',
    relatedId: p.id,
    at,
  };
  const rows: OutboxMessage[] = [];
  const phone = p.contact_phone ? canonicalPhone(p.contact_phone) : null;
  if (phone)
    rows.push({
      ...base,
      channel: 'sms',
      recipient: phone,
      body: m.sms,
      dedupeKey: `${key}:sms`,
      status: 'queued',
      lastError: null,
    });
  if (p.contact_email) {
    const ok = emailSchema.safeParse(p.contact_email).success;
    rows.push({
      ...base,
      channel: 'email',
      recipient: p.contact_email,
      body: m.text,
      dedupeKey: `${key}:email`,
      status: ok ? 'queued' : 'failed',
      lastError: ok ? null : 'invalid recipient',
    });
  }
  await queueOutboxRows(trx, rows);
}
