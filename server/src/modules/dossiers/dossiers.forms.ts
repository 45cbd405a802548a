import { vnDayEnd, vnDayStart } from '@cqs/shared/calendar/index';
import type { Actor } from '../../platform/actor.js';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { findAccountsByIds } from '../identity/index.js';
import { findUnitsByCodes, OrgService } from '../org/index.js';
import { getProcedure } from '../procedures/index.js';
import { SignatureImages } from '../signatures/index.js';
import { requireVisible, visibleUnitCodes } from './dossiers.access.js';
import { trackingUrl } from './dossiers.code.js';
import { openPersonalIds } from './dossiers.personal-ids.js';
import { type EventRow, dossiersRepository as repo } from './dossiers.repository.js';
import type { DossierService } from './dossiers.service.js';
import { sealForm } from './dossiers.signing.js';
import {
  ACTION_LABELS,
  type DossierAction,
  type DossierStatus,
  STATUS_LABELS,
} from './dossiers.states.js';
import {
  type DossierFormData,
  type FormNo,
  type RegisterRow,
  renderDossierFormWithBox,
  renderRegisterXlsx,
} from './forms/index.js';

const OUTCOME_LABELS = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Trễ hạn' } as const;
/** Which event a form reports on; forms 01 and 06 always exist. */
const FORM_EVENT: Partial<Record<FormNo, DossierAction>> = {
  '02': 'request_completion',
  '03': 'refuse',
  '04': 'extend',
  '05': 'stop',
};

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

/**
 * Renders form 01–06 of a dossier as PDF (Thông tư 03/2025/TT-VPCP); `signed`: the electronic
 * copy, sealed with the receiving unit's organisation signature (dossiers.signing.ts).
 */
export async function dossierFormPdf(
  svc: DossierService,
  actor: Actor | 'applicant',
  id: string,
  no: FormNo,
  opts: { signed?: boolean } = {},
): Promise<Buffer> {
  const { db, clock, publicUrl } = svc.deps;
  const d = await repo.findById(db, id);
  // 'applicant': the caller has already proved the dossier is the citizen's own (the portal's
  // "Hồ sơ của tôi" prints form 01, the receipt, for the citizen who submitted online).
  if (actor === 'applicant') {
    if (!d) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
  } else await requireVisible(db, actor, d);
  const dossier = d!;
  const events = await repo.eventsOf(db, id);
  const wanted = FORM_EVENT[no];
  const event: EventRow | undefined = wanted
    ? events.filter((e) => e.action === wanted).at(-1)
    : undefined;
  if (wanted && !event) {
    throw new AppError(
      'form_not_applicable',
      409,
      `Hồ sơ chưa có thao tác "${ACTION_LABELS[wanted]}", nên chưa có mẫu ${no}.`,
    );
  }
  const org = new OrgService(db, clock);
  const unit = await org.get(dossier.unit_code);
  const parent = unit.parentCode ? await org.get(unit.parentCode) : null;
  const unitNames = await findUnitsByCodes(db, [...new Set(events.map((e) => e.unit_code))]);
  const people = await findAccountsByIds(
    db,
    events.map((e) => e.actor_id).filter((x): x is string => !!x),
  );
  const procedure = await getProcedure(db, dossier.procedure_id);
  // Printed for the applicant or the file: the ID number in clear.
  const applicant = openPersonalIds(svc.deps.personalIds, dossier.id, dossier.applicant, {})
    .applicant as {
    citizenId?: string;
    taxCode?: string;
    phone?: string;
    email?: string;
    address?: { line?: string };
  };
  const payload = (event?.payload ?? {}) as {
    items?: string[];
    previousDueAt?: string;
    newDueAt?: string;
  };
  const receiver = events[0]?.actor_id ? people.get(events[0].actor_id)?.fullName : undefined;
  const data: DossierFormData = {
    code: dossier.code,
    procedureCode: dossier.procedure_code,
    procedureName: dossier.procedure_name,
    parentAgencyName: upper(parent?.fullName ?? parent?.name ?? ''),
    agencyName: upper(unit.fullName ?? unit.name),
    place: parent?.name ?? unit.name,
    applicant: {
      name: dossier.applicant_name,
      idNumber: applicant.citizenId ?? applicant.taxCode,
      phone: dossier.applicant_phone ?? undefined,
      email: applicant.email,
      address: applicant.address?.line,
    },
    channel: dossier.channel,
    receivedAt: new Date(dossier.received_at),
    dueAt:
      no === '04' && payload.previousDueAt
        ? new Date(payload.previousDueAt)
        : new Date(dossier.due_at),
    newDueAt: no === '04' && payload.newDueAt ? new Date(payload.newDueAt) : undefined,
    components: procedure.components.map((c) => ({ name: c.name, copies: 1 })),
    feesDue: Number(dossier.fees_due),
    receiverName: receiver ?? events[0]?.actor_name ?? '',
    trackingUrl: trackingUrl(publicUrl, dossier.code),
    reason: event?.reason ?? undefined,
    items: payload.items,
    events: events.map((e) => ({
      at: new Date(e.occurred_at),
      action: e.action,
      label: ACTION_LABELS[e.action as DossierAction] ?? e.action,
      actorName: (e.actor_id && people.get(e.actor_id)?.fullName) || e.actor_name,
      unitName: unitNames.get(e.unit_code)?.name ?? e.unit_code,
      note: e.reason ?? undefined,
    })),
    issuedAt: clock.now(),
  };
  const { pdf, signatureBox } = await renderDossierFormWithBox(no, data);
  if (!opts.signed) return pdf;
  const name = unit.fullName ?? unit.name;
  return sealForm(
    svc.deps.signing,
    new SignatureImages({ db: svc.deps.db, store: svc.deps.store }),
    pdf,
    signatureBox,
    { code: unit.code, name },
    data.place,
    data.issuedAt,
  );
}

/** Form 07, the dossier register, for the caller's units and a reception date range. */
export async function dossierRegisterXlsx(
  svc: DossierService,
  actor: Actor,
  q: { unit?: string; from: string; to: string },
): Promise<Buffer> {
  const { db } = svc.deps;
  if (q.from > q.to) throw new ValidationError('Ngày bắt đầu phải trước ngày kết thúc.');
  const visible = await visibleUnitCodes(db, actor);
  if (q.unit && visible && !visible.includes(q.unit))
    throw new AppError('dossier_not_found', 404, 'Không tìm thấy đơn vị trong phạm vi của bạn.');
  let query = db
    .selectFrom('dossier')
    .selectAll()
    .where('received_at', '>=', vnDayStart(q.from))
    .where('received_at', '<', vnDayEnd(q.to))
    .orderBy('received_at');
  if (q.unit) query = query.where('unit_code', '=', q.unit);
  else if (visible)
    query = visible.length
      ? query.where('unit_code', 'in', visible)
      : query.where('unit_code', '=', '');
  const rows = await query.execute();
  const unitName = q.unit
    ? ((await findUnitsByCodes(db, [q.unit])).get(q.unit)?.name ?? q.unit)
    : 'Tất cả đơn vị trong phạm vi';
  const register: RegisterRow[] = rows.map((r, i) => {
    const applicant = r.applicant as { address?: { line?: string } };
    return {
      index: i + 1,
      code: r.code,
      procedureName: r.procedure_name,
      applicantName: r.applicant_name,
      address: applicant.address?.line ?? '',
      phone: r.applicant_phone ?? '',
      receivedAt: new Date(r.received_at),
      dueAt: new Date(r.due_at),
      finishedAt: r.finished_at ? new Date(r.finished_at) : null,
      returnedAt: r.returned_at ? new Date(r.returned_at) : null,
      statusLabel: STATUS_LABELS[r.status as DossierStatus],
      outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome] : '',
      note: r.extended ? 'Đã gia hạn' : '',
    };
  });
  return renderRegisterXlsx(register, { from: q.from, to: q.to, unitName });
}
