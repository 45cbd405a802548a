/**
 * Ratings and petitions about a dossier (đánh giá, phản ánh kiến nghị về hồ sơ). The applicant
 * proves the dossier is theirs with its code plus the phone or citizen ID (dossierForApplicant);
 * staff see the petitions of their units' subtrees. Every write runs in one transaction with
 * its event (petitions), its outbox rows and its audit row.
 */
import { randomUUID } from 'node:crypto';
import { vnDateOf, vnDayEnd, vnDayStart } from '@cqs/shared/calendar/index';
import { canonicalPhone } from '@cqs/shared/vn/index';
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { cachedCalendarFor } from '../calendar/index.js';
import {
  type ApplicantDossierRef,
  type ApplicantProof,
  dossierForApplicant,
} from '../dossiers/index.js';
import {
  cachedUnitDescendants,
  cachedUnitLineage,
  findUnitsByCodes,
  unitDescendants,
} from '../org/index.js';
import { notifyPetitioner } from './feedback.notify.js';
import {
  type PetitionListFilter,
  type PetitionRow,
  feedbackRepository as repo,
} from './feedback.repository.js';
import {
  addPetition,
  allowedPetitionActions,
  emptyCounts,
  infoRequestRefusal,
  isOverdue,
  isPetitionDueSoon,
  nextDueAt,
  PETITION_STATUS_LABELS,
  PETITION_TRANSITIONS,
  petitionDeadlines,
  petitionOutcome,
  RATEABLE_STATUSES,
  rates,
  type SatisfactionCounts,
  sumCounts,
} from './feedback.rules.js';
import type { PetitionActionBodyT, PetitionListQueryT, StatsQueryT } from './feedback.schemas.js';
import type { PetitionStatus } from './feedback.tables.js';

type Db = Kysely<Database>;

export interface FeedbackDeps {
  db: Db;
  clock: Clock;
  /** Base of the links in messages (the tracking page). */
  publicUrl: string;
}

/** Roles that handle petitions (task: desk officer, specialist, leader); others get 404. */
const HANDLERS: ReadonlySet<Role> = new Set(['desk_officer', 'specialist', 'leader']);
/** Roles that may read the satisfaction indicators of their units (read-only figures). */
const READERS: ReadonlySet<Role> = new Set([...HANDLERS, 'admin', 'secretariat']);

/** Who acts when the applicant (not signed in) writes. */
const applicantActor = (actor: Actor | null): Actor =>
  actor ?? { id: null, name: 'Người nộp hồ sơ', roles: [] };

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

const dossierNotFound = () =>
  new NotFoundError(
    'Không tìm thấy hồ sơ với mã và số điện thoại (hoặc số CCCD) đã nhập.',
    'dossier_not_found',
  );
const petitionNotFound = () => new NotFoundError('Không tìm thấy kiến nghị.', 'petition_not_found');

function encodePetitionCursor(r: PetitionRow): string {
  return encodeCursor([isoOrNull(r.next_due_at), r.id]);
}

function decodePetitionCursor(c: string | undefined): PetitionListFilter['after'] {
  if (!c) return undefined;
  const [dueAt, id] = decodeCursor(c, ['instant?', 'uuid']);
  return { dueAt, id };
}

export class FeedbackService {
  constructor(readonly deps: FeedbackDeps) {}

  private async applicantDossier(code: string, proof: ApplicantProof) {
    const d = await dossierForApplicant(this.deps.db, code, proof);
    if (!d) throw dossierNotFound();
    return d;
  }

  // ---- Rating -------------------------------------------------------------------------

  /** The dossier's rating (or null) and whether one may be given now. */
  async ratingOf(code: string, proof: ApplicantProof) {
    const d = await this.applicantDossier(code, proof);
    const r = await repo.findRating(this.deps.db, d.id);
    return {
      code: d.code,
      open: !r && RATEABLE_STATUSES.includes(d.status),
      rating: r ? { score: r.score, comment: r.comment, createdAt: iso(r.created_at) } : null,
    };
  }

  /** Rates the dossier once, after the result was handed over (see feedback.rules.ts). */
  async rate(
    actor: Actor | null,
    code: string,
    proof: ApplicantProof,
    input: { score: number; comment?: string },
  ) {
    const { db, clock } = this.deps;
    const d = await this.applicantDossier(code, proof);
    if (!RATEABLE_STATUSES.includes(d.status))
      throw new ConflictError(
        'Hồ sơ chưa có kết quả nên chưa thể đánh giá. Ông/Bà có thể đánh giá sau khi nhận kết quả.',
        'rating_not_open',
      );
    const now = clock.now();
    const row = await db.transaction().execute(async (trx) => {
      const inserted = await repo.insertRating(trx, {
        id: randomUUID(),
        dossier_id: d.id,
        dossier_code: d.code,
        unit_code: d.handlingUnitCode,
        procedure_id: d.procedureId,
        procedure_code: d.procedureCode,
        score: input.score,
        comment: input.comment || null,
        created_at: now,
      });
      if (!inserted) return undefined;
      await recordAudit(trx, applicantActor(actor), {
        action: 'dossier_rating.create',
        entityType: 'dossier_rating',
        entityId: inserted.id,
        unitCode: d.handlingUnitCode,
        after: { dossierCode: d.code, score: input.score, hasComment: !!input.comment },
      });
      return inserted;
    });
    if (!row) throw new ConflictError('Hồ sơ này đã được đánh giá.', 'already_rated');
    return {
      code: d.code,
      open: false,
      rating: { score: row.score, comment: row.comment, createdAt: iso(row.created_at) },
    };
  }

  // ---- Petitions: the applicant's side ------------------------------------------------------

  /** Files a petition about the dossier, routed to its handling unit, with its deadlines. */
  async createPetition(
    actor: Actor | null,
    code: string,
    proof: ApplicantProof,
    input: { content: string; email?: string },
  ) {
    const { db, clock } = this.deps;
    const d = await this.applicantDossier(code, proof);
    const now = clock.now();
    const cal = await cachedCalendarFor(db, clock, d.handlingUnitCode, actor?.generations);
    const { ackDueAt, infoDueAt, dueAt } = petitionDeadlines(cal, now);
    // Two racing petitions on PostgreSQL may pick the same number: the unique key refuses
    // the second, which retries with the next one.
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction().execute(async (trx) => {
          const number = await this.nextNumber(trx, now);
          const p = await repo.insertPetition(trx, {
            id: randomUUID(),
            number,
            dossier_id: d.id,
            dossier_code: d.code,
            unit_code: d.handlingUnitCode,
            procedure_id: d.procedureId,
            procedure_name: d.procedureName,
            dossier_status: d.status,
            content: input.content,
            contact_phone: proof.phone ? canonicalPhone(proof.phone) : null,
            contact_email: input.email || null,
            status: 'received',
            ack_due_at: ackDueAt,
            due_at: dueAt,
            next_due_at: ackDueAt,
            accepted_at: null,
            rejected_at: null,
            answered_at: null,
            answer: null,
            answered_by_name: null,
            info_due_at: infoDueAt,
            info_question: null,
            info_asked_at: null,
            info_answer: null,
            info_answered_at: null,
            due_soon_for: null,
            overdue_for: null,
            created_at: now,
            updated_at: now,
          });
          const who = applicantActor(actor);
          await repo.insertEvent(trx, {
            petition_id: p.id,
            action: 'submit',
            from_status: null,
            to_status: 'received',
            actor_id: who.id,
            actor_name: who.name,
            unit_code: p.unit_code,
            occurred_at: now,
            reason: null,
            payload: { ackDueAt: iso(ackDueAt), dueAt: iso(dueAt), dossierStatus: d.status },
          });
          await notifyPetitioner(trx, 'feedback.petition_received', p, this.deps.publicUrl, now);
          await recordAudit(trx, who, {
            action: 'dossier_petition.submit',
            entityType: 'dossier_petition',
            entityId: p.id,
            unitCode: p.unit_code,
            after: { number, dossierCode: d.code, dueAt: iso(dueAt) },
          });
          return { id: p.id, number, ackDueAt: iso(ackDueAt), dueAt: iso(dueAt) };
        });
      } catch (err) {
        if ((err as { code?: string }).code === '23505' && attempt < 4) continue;
        throw err;
      }
    }
  }

  /** `KN-yymmdd-nnnn`: the Vietnam day of receipt and a count within that day. */
  private async nextNumber(trx: Db, now: Date): Promise<string> {
    const day = vnDateOf(now).replaceAll('-', '').slice(2);
    const prefix = `KN-${day}-`;
    const last = await repo.lastNumber(trx, prefix);
    const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
    return `${prefix}${String(n).padStart(4, '0')}`;
  }

  /** The applicant's petitions about the dossier, newest first, with the published answers. */
  async petitionsOfApplicant(code: string, proof: ApplicantProof) {
    const d: ApplicantDossierRef = await this.applicantDossier(code, proof);
    const rows = await repo.petitionsOfDossier(this.deps.db, d.id);
    return {
      items: rows.map((p) => ({
        id: p.id,
        number: p.number,
        content: p.content,
        status: p.status,
        statusLabel: PETITION_STATUS_LABELS[p.status],
        createdAt: iso(p.created_at),
        dueAt: iso(p.due_at),
        answer: p.answer,
        answeredAt: isoOrNull(p.answered_at ?? p.rejected_at),
        // The applicant's own petition, behind the dossier proof: the question's words are
        // theirs to read (the public timeline never shows them).
        infoRequest: infoRequestOf(p),
      })),
    };
  }

  /**
   * The applicant answers the open question (regulations.md §5): the answer, its event and
   * the audit row in one transaction; 409 `no_info_requested` when no question is open.
   */
  async provideInfo(
    actor: Actor | null,
    code: string,
    proof: ApplicantProof,
    id: string,
    answer: string,
  ) {
    const { db, clock } = this.deps;
    const d = await this.applicantDossier(code, proof);
    const p = await repo.getPetition(db, id);
    if (!p || p.dossier_id !== d.id) throw petitionNotFound();
    const now = clock.now();
    const who = applicantActor(actor);
    const u = await db.transaction().execute(async (trx) => {
      const row = await repo.answerInfo(trx, p.id, d.id, answer, now);
      if (!row) return undefined;
      await repo.insertEvent(trx, {
        petition_id: row.id,
        action: 'provide_info',
        from_status: row.status,
        to_status: row.status,
        actor_id: who.id,
        actor_name: who.name,
        unit_code: row.unit_code,
        occurred_at: now,
        reason: answer,
        payload: {},
      });
      await recordAudit(trx, who, {
        action: 'dossier_petition.provide_info',
        entityType: 'dossier_petition',
        entityId: row.id,
        unitCode: row.unit_code,
        after: { number: row.number, version: row.version },
      });
      return row;
    });
    if (!u)
      throw new ConflictError(
        'Đơn vị giải quyết không có câu hỏi nào đang chờ Ông/Bà trả lời.',
        'no_info_requested',
      );
    return { id: u.id, number: u.number, infoRequest: infoRequestOf(u) };
  }

  // ---- Petitions: staff --------------------------------------------------------------------

  /** Unit codes whose petitions the actor handles; null = all (a system-wide grant). */
  private async visibleUnits(actor: Actor, roles = HANDLERS): Promise<string[] | null> {
    const grants = actor.roles.filter((g) => roles.has(g.role));
    if (grants.some((g) => g.unitCode === null)) return null;
    const codes = new Set<string>();
    for (const g of grants)
      for (const c of await cachedUnitDescendants(this.deps.db, g.unitCode!, actor.generations))
        codes.add(c);
    return [...codes];
  }

  /** The petition, or 404 when the actor holds no handling role over its unit's lineage. */
  private async visiblePetition(actor: Actor, id: string): Promise<PetitionRow> {
    const p = await repo.getPetition(this.deps.db, id);
    if (!p) throw petitionNotFound();
    const lineage = new Set(await cachedUnitLineage(this.deps.db, p.unit_code, actor.generations));
    const ok = actor.roles.some(
      (g) => HANDLERS.has(g.role) && (g.unitCode === null || lineage.has(g.unitCode)),
    );
    if (!ok) throw petitionNotFound();
    return p;
  }

  private async summary(p: PetitionRow, actor: Actor) {
    const now = this.deps.clock.now();
    const next = nextDueAt(p.status, p);
    let dueSoon = false;
    if (next && next > now) {
      const cal = await cachedCalendarFor(
        this.deps.db,
        this.deps.clock,
        p.unit_code,
        actor.generations,
      );
      dueSoon = isPetitionDueSoon(cal, now, next);
    }
    return {
      id: p.id,
      number: p.number,
      dossierId: p.dossier_id,
      dossierCode: p.dossier_code,
      procedureName: p.procedure_name,
      unitCode: p.unit_code,
      status: p.status,
      statusLabel: PETITION_STATUS_LABELS[p.status],
      content: p.content,
      createdAt: iso(p.created_at),
      ackDueAt: iso(p.ack_due_at),
      dueAt: iso(p.due_at),
      nextDueAt: next ? next.toISOString() : null,
      overdue: isOverdue(p, now),
      dueSoon,
    };
  }

  /** The staff queue: the caller's units' petitions, soonest deadline first (handled last). */
  async list(actor: Actor, q: PetitionListQueryT) {
    const { db } = this.deps;
    const units = await this.visibleUnits(actor);
    const rows = await repo.list(db, {
      units,
      status: q.status,
      unitSubtree: q.unit ? await unitDescendants(db, q.unit) : undefined,
      overdueAt: q.overdue ? this.deps.clock.now() : undefined,
      dueSoon: q.dueSoon,
      after: decodePetitionCursor(q.cursor),
      limit: q.limit,
    });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return {
      items: await Promise.all(items.map((p) => this.summary(p, actor))),
      nextCursor: rows.length > q.limit && last ? encodePetitionCursor(last) : null,
      // From the sweep's marks (feedback.jobs.ts), over all the caller's open petitions.
      counts: await repo.markCounts(db, units),
    };
  }

  /** One petition with its events and the actions the caller may take. */
  async get(actor: Actor, id: string) {
    const p = await this.visiblePetition(actor, id);
    return this.detail(actor, p);
  }

  /** Until when more information may be asked; computed for rows older than the column. */
  private async infoDueOf(p: PetitionRow, actor: Actor): Promise<Date> {
    if (p.info_due_at) return new Date(p.info_due_at);
    const cal = await cachedCalendarFor(
      this.deps.db,
      this.deps.clock,
      p.unit_code,
      actor.generations,
    );
    return petitionDeadlines(cal, new Date(p.created_at)).infoDueAt;
  }

  private async detail(actor: Actor, p: PetitionRow) {
    const events = await repo.events(this.deps.db, p.id);
    const infoDueAt = await this.infoDueOf(p, actor);
    const canAsk = infoRequestRefusal(p, infoDueAt, this.deps.clock.now()) === null;
    return {
      ...(await this.summary(p, actor)),
      dossierStatus: p.dossier_status,
      hasPhone: p.contact_phone !== null,
      contactEmail: p.contact_email,
      answer: p.answer,
      answeredAt: isoOrNull(p.answered_at ?? p.rejected_at),
      answeredByName: p.answered_by_name,
      outcome: petitionOutcome(p),
      version: p.version,
      allowedActions: [
        ...allowedPetitionActions(p.status),
        ...(canAsk ? (['request_info'] as const) : []),
      ],
      infoDueAt: infoDueAt.toISOString(),
      infoRequest: infoRequestOf(p),
      events: events.map((e) => ({
        seq: e.seq,
        at: iso(e.occurred_at),
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        actorName: e.actor_name,
        reason: e.reason,
      })),
    };
  }

  /**
   * accept | reject | answer, guarded by the version the caller read (409 version_conflict);
   * the change, its event, the notice (reject, answer) and the audit row in one transaction.
   */
  async act(actor: Actor, id: string, body: PetitionActionBodyT) {
    const { db, clock } = this.deps;
    const p = await this.visiblePetition(actor, id);
    if (p.version !== body.version) throw versionConflict();
    if (body.action === 'request_info') return this.requestInfo(actor, p, body.reason);
    const t = PETITION_TRANSITIONS[body.action];
    if (!t.from.includes(p.status))
      throw new ConflictError(
        `Không thể thực hiện thao tác này khi kiến nghị ở trạng thái "${PETITION_STATUS_LABELS[p.status]}".`,
        'action_not_allowed',
      );
    const now = clock.now();
    const to: PetitionStatus = t.to;
    const set: Partial<PetitionRow> = {
      status: to,
      next_due_at: nextDueAt(to, p),
      updated_at: now,
    };
    let reason: string | null = null;
    if (body.action === 'accept') set.accepted_at = now;
    if (body.action === 'reject') {
      reason = body.reason;
      Object.assign(set, { rejected_at: now, answer: body.reason, answered_by_name: actor.name });
    }
    if (body.action === 'answer') {
      reason = body.answer;
      Object.assign(set, {
        answered_at: now,
        accepted_at: p.accepted_at ?? now,
        answer: body.answer,
        answered_by_name: actor.name,
      });
    }
    const updated = await db.transaction().execute(async (trx) => {
      const u = await repo.updatePetition(trx, p.id, p.version, set);
      if (!u) return undefined;
      await repo.insertEvent(trx, {
        petition_id: u.id,
        action: body.action,
        from_status: p.status,
        to_status: to,
        actor_id: actor.id,
        actor_name: actor.name,
        unit_code: u.unit_code,
        occurred_at: now,
        reason,
        payload: body.action === 'answer' ? { outcome: petitionOutcome(u) } : {},
      });
      if (body.action !== 'accept')
        await notifyPetitioner(trx, 'feedback.petition_answered', u, this.deps.publicUrl, now);
      await recordAudit(trx, actor, {
        action: `dossier_petition.${body.action}`,
        entityType: 'dossier_petition',
        entityId: u.id,
        unitCode: u.unit_code,
        before: { status: p.status, version: p.version },
        after: { status: u.status, version: u.version },
      });
      return u;
    });
    if (!updated) throw versionConflict();
    return this.detail(actor, updated);
  }

  /**
   * Asks the applicant one question (regulations.md §5, within 5 working days of receipt):
   * guarded by infoRequestRefusal; the question, its event, the notice and the audit row in
   * one transaction. The status does not change.
   */
  private async requestInfo(actor: Actor, p: PetitionRow, question: string) {
    const { db, clock } = this.deps;
    const now = clock.now();
    const infoDueAt = await this.infoDueOf(p, actor);
    const refusal = infoRequestRefusal(p, infoDueAt, now);
    if (refusal) throw new ConflictError(refusal.detail, refusal.code);
    const updated = await db.transaction().execute(async (trx) => {
      const u = await repo.updatePetition(trx, p.id, p.version, {
        info_due_at: infoDueAt,
        info_question: question,
        info_asked_at: now,
        info_answer: null,
        info_answered_at: null,
        updated_at: now,
      });
      if (!u) return undefined;
      await repo.insertEvent(trx, {
        petition_id: u.id,
        action: 'request_info',
        from_status: p.status,
        to_status: u.status,
        actor_id: actor.id,
        actor_name: actor.name,
        unit_code: u.unit_code,
        occurred_at: now,
        reason: question,
        payload: { infoDueAt: iso(infoDueAt) },
      });
      await notifyPetitioner(trx, 'feedback.petition_info_requested', u, this.deps.publicUrl, now);
      await recordAudit(trx, actor, {
        action: 'dossier_petition.request_info',
        entityType: 'dossier_petition',
        entityId: u.id,
        unitCode: u.unit_code,
        before: { version: p.version },
        after: { version: u.version },
      });
      return u;
    });
    if (!updated) throw versionConflict();
    return this.detail(actor, updated);
  }

  // ---- Satisfaction indicators ----------------------------------------------------------------

  /**
   * Per handling unit over a period (Vietnam dates, both inclusive; default 1 January to
   * today): ratings given in it and petitions received in it (a cohort), plus a total row
   * recomputed from the sums. Satisfied = score ≥ SATISFIED_MIN_SCORE.
   */
  async stats(actor: Actor, q: StatsQueryT) {
    const { db, clock } = this.deps;
    const now = clock.now();
    const today = vnDateOf(now);
    const from = q.from ?? `${today.slice(0, 4)}-01-01`;
    const to = q.to ?? today;
    if (from > to)
      throw new ValidationError(
        'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
        [{ path: 'querystring.from', message: 'Ngày bắt đầu phải trước ngày kết thúc.' }],
        'invalid_period',
      );
    let units = await this.visibleUnits(actor, READERS);
    if (q.unit) {
      const sub = await unitDescendants(db, q.unit);
      if (sub.length === 0 || (units !== null && !units.includes(q.unit)))
        throw new NotFoundError('Không tìm thấy đơn vị.', 'unit_not_found');
      units = units === null ? sub : sub.filter((c) => units!.includes(c));
    }
    const start = vnDayStart(from);
    const end = new Date(vnDayEnd(to).getTime() + 1); // exclusive
    const byUnit = new Map<string, SatisfactionCounts>();
    const row = (u: string) => {
      const c = byUnit.get(u) ?? emptyCounts();
      byUnit.set(u, c);
      return c;
    };
    for (const r of await repo.ratingSums(db, units, start, end)) {
      const c = row(r.unit_code);
      c.ratings = Number(r.ratings);
      c.scoreSum = Number(r.score_sum);
      c.satisfied = Number(r.satisfied);
    }
    for (const p of await repo.petitionFacts(db, units, start, end))
      addPetition(row(p.unit_code), p, now);
    const names = await findUnitsByCodes(db, [...byUnit.keys()]);
    const codes = [...byUnit.keys()].sort();
    const present = (unitCode: string | null, unitName: string, c: SatisfactionCounts) => ({
      unitCode,
      unitName,
      ...c,
      ...rates(c),
    });
    return {
      from,
      to,
      items: codes.map((u) => present(u, names.get(u)?.name ?? u, byUnit.get(u)!)),
      total: present(null, 'Tổng cộng', sumCounts([...byUnit.values()])),
    };
  }
}

/** The latest question to the applicant and its answer, or null when none was asked. */
function infoRequestOf(p: PetitionRow) {
  if (!p.info_question || !p.info_asked_at) return null;
  return {
    question: p.info_question,
    askedAt: iso(p.info_asked_at),
    answer: p.info_answer,
    answeredAt: isoOrNull(p.info_answered_at),
  };
}

const versionConflict = () =>
  new ConflictError(
    'Kiến nghị vừa được người khác cập nhật. Hãy tải lại trang rồi thực hiện lại.',
    'version_conflict',
  );
