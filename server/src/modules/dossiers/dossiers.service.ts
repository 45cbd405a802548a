import { createHash, randomUUID } from 'node:crypto';
import { vnDateOf } from '@cqs/shared/calendar/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { SigningSetup } from '../../platform/signatures/index.js';
import { CalendarService, cachedCalendarFor } from '../calendar/index.js';
import { type DataKeyRing, logPersonalDataAccess } from '../citizens/index.js';
import { holdsOverLineage } from '../identity/index.js';
import type { OutboxMessage } from '../notifications/index.js';
import { cachedUnit, cachedUnitLineage } from '../org/index.js';
import { cachedProcedure, validateFormData } from '../procedures/index.js';
import { requireVisibleFull } from './dossiers.access.js';
import { codeTemplate } from './dossiers.code.js';
import { dueFromReceipt, stepPlan } from './dossiers.deadlines.js';
import { factOnlineLevel, publishDigitised, requiredAttachmentKeys } from './dossiers.facts.js';
import { registerPersonalIdKeys, sealPersonalIds } from './dossiers.personal-ids.js';
import { presentDossier } from './dossiers.present.js';
import { type DossierRow, dossiersRepository as repo } from './dossiers.repository.js';
import type { CreateDossierInput, DossierView } from './dossiers.schemas.js';

type Db = Kysely<Database>;

/** A message to send because of a dossier event; the notifications module delivers it. */
export interface DossierNotice {
  template:
    | 'dossier.received'
    | 'dossier.completion_requested'
    | 'dossier.result_ready'
    | 'dossier.overdue'
    | 'dossier.late_apology'
    | 'dossier.fee_paid';
  dossier: DossierRow;
  data?: Record<string, unknown>;
}
/**
 * Composes the outbox messages for a notice (reading through `db` only if it must); the
 * caller writes them in the same transaction or statement as the change (never blocks it).
 */
export type Notify = (db: Db, notice: DossierNotice) => Promise<OutboxMessage[]>;

/** What an online submission adds to a receipt: writes in the receipt's own transaction. */
export interface OnlineReceipt {
  within: (trx: Db, row: DossierRow) => Promise<void>;
}

/**
 * Whether a dossier's fee is paid. The payments module owns that fact; the composition root
 * (app.ts) passes its reader in, so this module does not import a module beside it.
 */
export type FeeStatusOf = (
  db: Db,
  dossierId: string,
) => Promise<{ status: 'not_required' | 'unpaid' | 'paid'; feesDue: number } | null>;

export interface DossierDeps {
  db: Db;
  /** Keys of the citizen ID numbers stored in dossiers (CITIZEN_DATA_KEYS). */
  personalIds: DataKeyRing;
  clock: Clock;
  codePattern: string;
  publicUrl: string;
  notify?: Notify;
  /** The fee status `return_result` checks; without it, results are returned unchecked. */
  feeStatus?: FeeStatusOf;
  /** Who signs forms and approved results (platform/signatures; dossiers.signing.ts). */
  signing: SigningSetup;
  /** The files of dossiers (DATA_DIR/files): results are read and their signed versions kept. */
  store: FileStore;
}

/**
 * Stands for the dossier code in texts composed before the statement that numbers it: URL-
 * and JSON-safe (it survives encodeURIComponent and JSON.stringify unchanged) and as long as
 * the code will be, so an SMS is shortened exactly as it would be with the real code.
 */
const codePlaceholder = (length: number) => '__DC'.padEnd(Math.max(length, 8), '_');

const hashBody = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/** Receipt of dossiers (tiếp nhận hồ sơ) and reading them back. */
export class DossierService {
  readonly calendar: CalendarService;
  constructor(readonly deps: DossierDeps) {
    this.calendar = new CalendarService(deps.db, deps.clock);
    registerPersonalIdKeys(deps.db, deps.personalIds);
  }

  /**
   * Receives a dossier: checks the desk officer's unit, the procedure and its forms, gives
   * the code and the appointment, and writes the dossier, its first event, the audit row and
   * the notice in one transaction. The same Idempotency-Key (scoped to the receiving unit)
   * with the same body returns the same dossier; with another body it is refused.
   */
  async receive(
    actor: Actor,
    input: CreateDossierInput,
    idempotencyKey?: string,
    online?: OnlineReceipt,
  ): Promise<{ row: DossierRow; created: boolean }> {
    const { db, clock } = this.deps;
    const requestHash = hashBody(input);
    const seen = actor.generations;
    const lineage = await cachedUnitLineage(db, input.unitCode, seen);
    if (online) {
      // Online submission (nộp trực tuyến): the citizen files it themself, at any unit that
      // handles the procedure; the desk of that unit then finds it in its queue.
      if (input.channel !== 'online' || !actor.roles.some((g) => g.role === 'citizen'))
        throw new ForbiddenError(
          'Chỉ công dân đã đăng nhập mới nộp hồ sơ trực tuyến.',
          'not_citizen',
        );
      if (lineage.length === 0)
        throw new NotFoundError(`Không tìm thấy đơn vị mã ${input.unitCode}.`, 'unit_not_found');
    } else if (!holdsOverLineage(actor, ['desk_officer'], lineage)) {
      throw new ForbiddenError(
        `Bạn không phải cán bộ Một cửa của đơn vị ${input.unitCode}.`,
        'not_desk_officer',
      );
    }
    // Only now, with the caller's right to the unit checked, is the key looked up; keys are
    // scoped to the receiving unit, so another unit's key tells the caller nothing.
    if (idempotencyKey) {
      const existing = await repo.findByIdempotencyKey(db, input.unitCode, idempotencyKey);
      if (existing) return { row: this.sameRequest(existing, requestHash), created: false };
    }
    const procedure = await cachedProcedure(db, input.procedureId, seen);
    if (procedure.status !== 'active')
      throw new ValidationError('Thủ tục này đã ngừng áp dụng.', [], 'procedure_archived');
    if (online && procedure.onlineLevel === 'info')
      throw new ValidationError(
        'Thủ tục này chưa cho phép nộp trực tuyến; vui lòng nộp tại bộ phận Một cửa.',
        [],
        'procedure_not_online',
      );
    this.checkForms(procedure.components, input.formData);
    const unit = await cachedUnit(db, input.unitCode, seen);
    if (!unit)
      throw new NotFoundError(`Không tìm thấy đơn vị mã ${input.unitCode}.`, 'unit_not_found');
    const now = clock.now();
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime() + 60_000)
      throw new ValidationError('Thời điểm tiếp nhận không được ở tương lai.');
    const cal = await cachedCalendarFor(db, clock, input.unitCode, seen);
    const dueAt = dueFromReceipt(cal, receivedAt, procedure.processingTime);
    const plan = stepPlan(cal, receivedAt, dueAt, procedure.steps);
    const agencyId = unit.agencyId ?? unit.code;
    const day = vnDateOf(receivedAt);
    const applicantName =
      input.applicant.type === 'individual' ? input.applicant.fullName : input.applicant.name;
    // The code is numbered inside the statement; messages and audit carry a placeholder.
    const id = randomUUID();
    const template = codeTemplate(this.deps.codePattern, { agencyId, day });
    const placeholder = codePlaceholder(
      template.before.length + template.width + template.after.length,
    );
    const sealed = sealPersonalIds(
      this.deps.personalIds,
      id,
      input.applicant,
      input.formData as Record<string, Record<string, unknown>>,
      procedure.components,
    );
    const row = {
      id,
      procedure_id: procedure.id,
      procedure_code: procedure.code,
      procedure_name: procedure.name,
      unit_code: input.unitCode,
      handling_unit_code: input.unitCode,
      channel: input.channel,
      applicant: sealed.applicant,
      applicant_name: applicantName,
      applicant_phone: input.applicant.phone,
      form_data: sealed.formData,
      fees_due: procedure.fees.reduce((sum, f) => sum + f.amount, 0),
      status: 'received',
      received_at: receivedAt,
      due_at: dueAt,
      original_due_at: dueAt,
      step_plan: plan,
      due_soon_at: null,
      overdue_at: null,
      paused_at: null,
      assignee_id: null,
      finished_at: null,
      outcome: null,
      approved_at: null,
      returned_at: null,
      return_method: null,
      result_file_id: null,
      result_summary: null,
      result_delivery: input.resultDelivery ?? null,
      applicant_id_hmac: sealed.idHmac,
      owner_user_id: online ? actor.id : null,
      idempotency_key: idempotencyKey ?? null,
      request_hash: requestHash,
      created_by: actor.id,
    } as const;
    const draft = {
      ...row,
      code: placeholder,
      version: 1,
      paused_minutes: 0,
      completion_requests: 0,
      extended: false,
      created_at: now,
      updated_at: now,
    } as DossierRow;
    const outbox =
      (await this.deps.notify?.(db, { template: 'dossier.received', dossier: draft })) ?? [];
    try {
      const write = (dbOrTrx: Db) =>
        repo.insertReceipt(dbOrTrx, {
          row,
          agencyKey: agencyId,
          day,
          codeTemplate: template,
          placeholder: placeholder,
          event: {
            action: 'receive',
            from_status: null,
            to_status: 'received',
            actor_id: actor.id,
            // Online, the citizen files it: the timeline names them, not their login.
            actor_name: online ? applicantName : actor.name,
            unit_code: input.unitCode,
            occurred_at: now,
            reason: null,
            payload: {
              channel: input.channel,
              dueAt: dueAt.toISOString(),
              receivedAt: receivedAt.toISOString(),
            },
          },
          outbox,
          actor,
          // Online files are attached below (online.within): digitised is worked out then.
          fact: { onlineLevel: factOnlineLevel(procedure.onlineLevel), digitised: false },
          audit: {
            action: 'dossier.receive',
            entityType: 'dossier',
            entityId: id,
            unitCode: input.unitCode,
            after: {
              code: placeholder,
              procedure: procedure.code,
              channel: input.channel,
              dueAt: dueAt.toISOString(),
            },
          },
        });
      // The desk path is one statement (decision 0005); an online submission also attaches
      // the citizen's files and records the submission, all in one transaction.
      const inserted = online
        ? await db.transaction().execute(async (trx) => {
            const r = await write(trx);
            await online.within(trx, r);
            await publishDigitised(trx, r.id, requiredAttachmentKeys(procedure.components));
            return r;
          })
        : await write(db);
      return { row: inserted, created: true };
    } catch (err) {
      // Two retries racing with one key: the loser finds the winner's dossier.
      if (idempotencyKey && (err as { code?: string }).code === '23505') {
        const existing = await repo.findByIdempotencyKey(db, input.unitCode, idempotencyKey);
        if (existing) return { row: this.sameRequest(existing, requestHash), created: false };
      }
      throw err;
    }
  }

  /** One dossier with its events, files and what the caller may do. 404 outside their units. */
  async get(actor: Actor | null, id: string): Promise<DossierView> {
    const { db, clock, personalIds } = this.deps;
    const full = await repo.loadFull(db, id);
    const roles = requireVisibleFull(actor, full);
    const row = full!.row;
    // Opening a citizen's dossier shows their ID numbers: logged for them to see in "who read
    // my data" (regulations.md §7). Desk receipts have no account to show it to; the audit
    // of the actions taken on them names the officers.
    if (row.owner_user_id && actor?.id && actor.id !== row.owner_user_id) {
      await db.transaction().execute((trx) =>
        logPersonalDataAccess(trx, actor, {
          subjectUserId: row.owner_user_id!,
          fields: ['citizen_id'],
          purpose: `Xử lý hồ sơ ${row.code}`,
          at: clock.now(),
        }),
      );
    }
    return presentDossier(full!, roles, clock.now(), personalIds);
  }

  /**
   * The applicant's messages for a notice another module reports about a dossier (payments:
   * the fee received), for that module to queue in its own transaction; [] when unknown.
   */
  async applicantNotice(
    db: Db,
    dossierId: string,
    template: 'dossier.fee_paid',
    data: Record<string, unknown>,
  ): Promise<OutboxMessage[]> {
    const row = await repo.findById(db, dossierId);
    if (!row || !this.deps.notify) return [];
    return this.deps.notify(db, { template, dossier: row, data });
  }

  private sameRequest(existing: DossierRow, requestHash: string): DossierRow {
    if (existing.request_hash !== requestHash) {
      throw new ConflictError(
        'Idempotency-Key này đã được dùng cho một hồ sơ khác.',
        'idempotency_key_reused',
      );
    }
    return existing;
  }

  /** Checks the applicant's form data against each component's JSON Schema form. */
  private checkForms(
    components: { key: string; name: string; required: boolean; formSchema: unknown }[],
    formData: Record<string, unknown>,
  ): void {
    const errors = formProblems(components, formData, 'body.formData');
    if (errors.length > 0) {
      throw new AppError(
        'validation_failed',
        400,
        `Tờ khai chưa hợp lệ: ${errors.map((e) => e.message).join('; ')}`,
        { errors },
      );
    }
  }
}

/**
 * Every problem of a dossier's forms against the procedure's schemas, with paths under
 * `prefix` (`body.formData` for the desk's request, `formData` for a portal draft).
 */
export function formProblems(
  components: { key: string; name: string; required: boolean; formSchema: unknown }[],
  formData: Record<string, unknown>,
  prefix: string,
): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const known = new Set(components.map((c) => c.key));
  for (const key of Object.keys(formData)) {
    if (!known.has(key))
      errors.push({ path: `${prefix}.${key}`, message: 'Thủ tục không có thành phần hồ sơ này.' });
  }
  for (const c of components) {
    if (!c.formSchema) continue;
    const data = formData[c.key];
    if (data === undefined) {
      if (c.required)
        errors.push({ path: `${prefix}.${c.key}`, message: `Chưa khai "${c.name}".` });
      continue;
    }
    for (const e of validateFormData(c.formSchema as never, data)) {
      errors.push({
        path: `${prefix}.${c.key}${e.path ? `.${e.path.replace(/^\//, '').replaceAll('/', '.')}` : ''}`,
        message: e.message,
      });
    }
  }
  return errors;
}
