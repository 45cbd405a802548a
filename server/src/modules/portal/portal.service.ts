// The citizen's side of the one-stop shop (cổng dịch vụ công): drafts kept on the server,
// the personal data store, online submission into the same dossier lifecycle as a desk
// receipt (channel `online`), and the citizen's own dossiers with their electronic results.

import { randomUUID } from 'node:crypto';
import type { Procedure } from '@cqs/shared/procedures/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { publishFact } from '../../platform/facts/index.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { type DataKeyRing, lookupHash } from '../citizens/index.js';
import {
  type ApplicantDossierRef,
  type ApplicantFile,
  ApplicantSchema,
  applicantProofOf,
  type DossierService,
  dossierFormData,
  dossierFormPdf,
  dossierRefByCode,
  dossierRefByIdempotencyKey,
  dossierRefsByIds,
  formProblems,
  insertApplicantFiles,
  openPersonalIds,
  publicStatusOf,
  returnedResultFiles,
  STATUS_LABELS,
  sealPersonalIds,
} from '../dossiers/index.js';
import { cachedUnit } from '../org/index.js';
import { getProcedure, getProcedureByCode } from '../procedures/index.js';
import {
  applyOffer,
  countPrefilled,
  offerPrefill,
  type PrefillOffer,
  type PrefillProfile,
} from './portal.prefill.js';
import { type DraftRow, portalRepository as repo } from './portal.repository.js';
import type { Delivery, DraftPatch } from './portal.schemas.js';
import { draftNotFound, PersonalDataStore, requireCitizen } from './portal.store.js';

type Db = Kysely<Database>;

/** What the portal needs from the citizens module (profile and consent), passed in by app.ts. */
export interface CitizenData {
  /** The signed-in citizen's own profile, decrypted (their own read is not logged). */
  profileOf: (actor: Actor) => Promise<PrefillProfile | null>;
  /** Whether the citizen currently consents to a purpose (regulations.md §7). */
  hasConsent: (db: Db, userId: string, purpose: string) => Promise<boolean>;
}

export interface PortalDeps {
  db: Db;
  clock: Clock;
  dossiers: DossierService;
  store: FileStore;
  citizens: CitizenData;
  /** The citizen-data keys: drafts hold ID numbers sealed like dossiers do. */
  keys: DataKeyRing;
}

/** The level of a procedure says which kind of unit receives it. */
const UNIT_KIND_OF_LEVEL = {
  commune: 'commune',
  district: 'district',
  province: 'province',
} as const;

const dossierNotFound = () =>
  new NotFoundError('Không tìm thấy hồ sơ của bạn.', 'dossier_not_found');

export function presentDraft(
  d: DraftRow,
  procedure: { code: string; name: string },
  clear: { applicant: unknown; formData: unknown },
) {
  return {
    id: d.id,
    procedureId: d.procedure_id,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    unitCode: d.unit_code,
    applicant: clear.applicant as Record<string, unknown>,
    formData: clear.formData as Record<string, Record<string, unknown>>,
    attachments: d.attachments as { componentKey: string; documentId: string }[],
    delivery: d.delivery as Delivery,
    prefilled: Object.keys(d.prefill_offered as PrefillOffer),
    version: d.version,
    createdAt: new Date(d.created_at).toISOString(),
    updatedAt: new Date(d.updated_at).toISOString(),
  };
}

export class PortalService {
  readonly store: PersonalDataStore;
  constructor(readonly deps: PortalDeps) {
    this.store = new PersonalDataStore(deps);
  }

  /** A draft's applicant and forms as stored: ID numbers sealed (regulations.md §7). */
  private seal(id: string, procedure: Procedure, applicant: unknown, formData: unknown) {
    const sealed = sealPersonalIds(
      this.deps.keys,
      id,
      (applicant ?? {}) as Record<string, unknown>,
      (formData ?? {}) as Record<string, Record<string, unknown>>,
      procedure.components,
      'draft',
    );
    return { applicant: sealed.applicant, formData: sealed.formData };
  }

  private open(row: DraftRow) {
    return openPersonalIds(this.deps.keys, row.id, row.applicant, row.form_data, 'draft');
  }

  private present(row: DraftRow, procedure: Procedure) {
    return presentDraft(row, procedure, this.open(row));
  }

  /**
   * What was offered, kept as keyed hashes only: enough to count the fields submitted as
   * offered, without a second plain copy of the citizen's data.
   */
  private hashOffer(offer: PrefillOffer): Record<string, string> {
    return Object.fromEntries(Object.entries(offer).map(([k, v]) => [k, this.hashValue(v)]));
  }

  private hashValue(v: unknown): string {
    return lookupHash(this.deps.keys, JSON.stringify(v));
  }

  // ── The personal data store (portal.store.ts) ─────────────────────────────────────────

  /** Uploads a paper into the store, or for one draft only without the data_store consent. */
  uploadDocument(
    actor: Actor | null,
    f: { title?: string; filename: string; mime: string; bytes: Buffer; draftId?: string },
  ) {
    return this.store.upload(actor, f);
  }

  /** The store (and a draft's own papers), with whether the data_store consent is given. */
  listDocuments(actor: Actor | null, draftId?: string) {
    return this.store.list(actor, draftId);
  }

  /** One of the citizen's documents, for download. */
  documentFile(actor: Actor | null, id: string) {
    return this.store.file(actor, id);
  }

  /** Removes one of the citizen's documents. */
  deleteDocument(actor: Actor | null, id: string) {
    return this.store.remove(actor, id);
  }

  // ── Drafts ─────────────────────────────────────────────────────────────────────────────

  /**
   * Starts a submission of a procedure: a draft prefilled from the profile (with consent)
   * and from the citizen's last submission of the same procedure.
   */
  async startDraft(actorIn: Actor | null, procedureCode: string) {
    const actor = requireCitizen(actorIn);
    const { db, clock, citizens } = this.deps;
    const procedure = await getProcedureByCode(db, procedureCode);
    if (procedure.onlineLevel === 'info')
      throw new ValidationError(
        'Thủ tục này chưa cho phép nộp trực tuyến; vui lòng nộp tại bộ phận Một cửa.',
        [],
        'procedure_not_online',
      );
    const profile = (await citizens.hasConsent(db, actor.id, 'profile_prefill'))
      ? await citizens.profileOf(actor)
      : null;
    const last = await repo.latestSubmissionOf(db, actor.id, procedure.id);
    const earlier = last ? await dossierFormData(db, last.dossier_id) : null;
    const offer = offerPrefill(profile, procedure.components, earlier);
    const start = applyOffer(offer);
    // The ward in the profile's address is the likely receiving unit for a commune procedure.
    const unitCode =
      procedure.level === 'commune' && profile?.address?.unitCode ? profile.address.unitCode : null;
    if (profile?.address?.unitCode && start.applicant.address)
      (start.applicant.address as Record<string, unknown>).unitCode = profile.address.unitCode;
    const id = randomUUID();
    const sealed = this.seal(id, procedure, start.applicant, start.formData);
    const row = await db.transaction().execute(async (trx) => {
      const r = await repo.insertDraft(trx, {
        id,
        user_id: actor.id,
        procedure_id: procedure.id,
        unit_code: unitCode,
        applicant: sealed.applicant,
        form_data: sealed.formData,
        prefill_offered: this.hashOffer(offer),
        now: clock.now(),
      });
      await recordAudit(trx, actor, {
        action: 'portal_draft.create',
        entityType: 'portal_draft',
        entityId: r.id,
        after: { procedure: procedure.code, prefilled: Object.keys(offer).length },
      });
      return r;
    });
    return this.present(row, procedure);
  }

  async listDrafts(actorIn: Actor | null) {
    const actor = requireCitizen(actorIn);
    const rows = await repo.draftsOf(this.deps.db, actor.id);
    const procedures = new Map<string, Procedure>();
    const out = [];
    for (const r of rows) {
      let procedure = procedures.get(r.procedure_id);
      if (!procedure) {
        procedure = await getProcedure(this.deps.db, r.procedure_id);
        procedures.set(r.procedure_id, procedure);
      }
      out.push(this.present(r, procedure));
    }
    return out;
  }

  async getDraft(actorIn: Actor | null, id: string) {
    const actor = requireCitizen(actorIn);
    const row = await repo.findDraft(this.deps.db, actor.id, id);
    if (!row) throw draftNotFound();
    return this.present(row, await getProcedure(this.deps.db, row.procedure_id));
  }

  /** Saves what the citizen typed (partial is fine; everything is checked on submit). */
  async saveDraft(actorIn: Actor | null, id: string, patch: DraftPatch) {
    const actor = requireCitizen(actorIn);
    const { db, clock } = this.deps;
    const row = await repo.findDraft(db, actor.id, id);
    if (!row) throw draftNotFound();
    const procedure = await getProcedure(db, row.procedure_id);
    if (patch.attachments) {
      const known = new Set(procedure.components.map((c) => c.key));
      // The draft's own papers, and what it already holds, always; the store's documents
      // are offered for a new attachment only with the data_store consent.
      const held = new Set((row.attachments as { documentId: string }[]).map((a) => a.documentId));
      const consent = await this.store.consent(actor.id);
      const docs = (
        await repo.findDocuments(
          db,
          actor.id,
          [...new Set(patch.attachments.map((a) => a.documentId))],
          id,
        )
      ).filter((d) => d.draft_id === id || consent || held.has(d.id));
      const errors = patch.attachments.flatMap((a, i) => [
        ...(known.has(a.componentKey)
          ? []
          : [
              {
                path: `body.attachments.${i}.componentKey`,
                message: 'Thủ tục không có thành phần hồ sơ này.',
              },
            ]),
        ...(docs.some((d) => d.id === a.documentId)
          ? []
          : [
              {
                path: `body.attachments.${i}.documentId`,
                message: 'Không tìm thấy giấy tờ trong kho của bạn.',
              },
            ]),
      ]);
      if (errors.length) throw new ValidationError('Giấy tờ đính kèm không hợp lệ.', errors);
    }
    const current = this.open(row);
    const sealed = this.seal(
      id,
      procedure,
      patch.applicant ?? current.applicant,
      patch.formData ?? current.formData,
    );
    const saved = await repo.updateDraft(db, id, actor.id, patch.version, {
      unit_code: patch.unitCode !== undefined ? patch.unitCode : row.unit_code,
      applicant: sealed.applicant,
      form_data: sealed.formData,
      attachments: patch.attachments ?? row.attachments,
      delivery: patch.delivery ?? row.delivery,
      now: clock.now(),
    });
    if (!saved)
      throw new ConflictError(
        'Hồ sơ nháp vừa được lưu ở nơi khác (một thẻ hoặc thiết bị khác). Tải lại để xem bản mới nhất.',
        'version_conflict',
      );
    return this.present(saved, procedure);
  }

  async deleteDraft(actorIn: Actor | null, id: string) {
    const actor = requireCitizen(actorIn);
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await repo.deleteDraft(trx, actor.id, id))) throw draftNotFound();
      await recordAudit(trx, actor, {
        action: 'portal_draft.delete',
        entityType: 'portal_draft',
        entityId: id,
      });
    });
  }

  // ── Submission ─────────────────────────────────────────────────────────────────────────

  /**
   * Submits a draft: checks it completely, then the dossier enters the same lifecycle as a
   * desk receipt (channel `online`); its files, the submission record (prefill and reuse
   * counts) and the draft's removal are written in the receipt's transaction. Submitting
   * the same draft twice (a double click, a retry) answers with the same dossier.
   */
  async submitDraft(actorIn: Actor | null, id: string) {
    const actor = requireCitizen(actorIn);
    const { db, clock, dossiers } = this.deps;
    const key = `portal-draft:${id}`;
    const row = await repo.findDraft(db, actor.id, id);
    if (!row) {
      const done = await dossierRefByIdempotencyKey(db, key, actor.id);
      if (done) return this.submitted(done, false);
      throw draftNotFound();
    }
    const procedure = await getProcedure(db, row.procedure_id);
    const errors: { path: string; message: string }[] = [];
    if (!row.unit_code) errors.push({ path: 'unitCode', message: 'Chọn nơi tiếp nhận hồ sơ.' });
    else {
      const unit = await cachedUnit(db, row.unit_code, actor.generations);
      if (!unit || unit.kind !== UNIT_KIND_OF_LEVEL[procedure.level])
        errors.push({ path: 'unitCode', message: 'Nơi tiếp nhận không giải quyết thủ tục này.' });
    }
    const clear = this.open(row);
    const applicant = ApplicantSchema.safeParse(clear.applicant);
    if (!applicant.success)
      for (const issue of applicant.error.issues)
        errors.push({ path: ['applicant', ...issue.path].join('.'), message: issue.message });
    const delivery = row.delivery as Delivery;
    if (delivery.method === 'postal' && !delivery.address?.trim())
      errors.push({
        path: 'delivery.address',
        message: 'Nhập địa chỉ nhận kết quả qua bưu chính.',
      });
    // Attachments: every required component has one, no more than allowed, of an accepted type.
    const refs = row.attachments as { componentKey: string; documentId: string }[];
    const docs = await repo.findDocuments(
      db,
      actor.id,
      [...new Set(refs.map((r) => r.documentId))],
      id,
    );
    const files: ApplicantFile[] = [];
    let reused = 0;
    for (const c of procedure.components) {
      const mine = refs.filter((r) => r.componentKey === c.key);
      if (c.required && c.attachment.maxFiles > 0 && c.attachment.required && mine.length === 0)
        errors.push({ path: `attachments.${c.key}`, message: `Đính kèm "${c.name}".` });
      if (mine.length > c.attachment.maxFiles)
        errors.push({
          path: `attachments.${c.key}`,
          message: `"${c.name}" nhận tối đa ${c.attachment.maxFiles} tệp.`,
        });
      for (const ref of mine) {
        const doc = docs.find((d) => d.id === ref.documentId);
        if (!doc) {
          errors.push({ path: `attachments.${c.key}`, message: 'Giấy tờ đã bị xóa khỏi kho.' });
          continue;
        }
        const accepted = c.attachment.accept.some(
          (a) => a === doc.mime || (a.endsWith('/*') && doc.mime.startsWith(a.slice(0, -1))),
        );
        if (!accepted || doc.size > c.attachment.maxSizeMb * 1024 * 1024)
          errors.push({
            path: `attachments.${c.key}`,
            message: `"${doc.title}" không đúng loại tệp hoặc vượt quá ${c.attachment.maxSizeMb} MB cho "${c.name}".`,
          });
        // Reused = taken from the store rather than uploaded for this submission: a result
        // issued earlier, or a document stored before this draft began.
        if (doc.kind === 'result' || new Date(doc.created_at) < new Date(row.created_at)) reused++;
        files.push({
          componentKey: c.key,
          filename: doc.filename,
          mime: doc.mime,
          size: doc.size,
          sha256: doc.sha256,
        });
      }
    }
    // An optional paper's form left blank was not brought (as at the desk): leave it out.
    const formData = withoutBlankOptional(
      procedure.components,
      clear.formData as Record<string, Record<string, unknown>>,
    );
    errors.push(...formProblems(procedure.components, formData, 'formData'));
    if (errors.length || !applicant.success)
      throw new ValidationError(
        'Hồ sơ chưa đầy đủ; xem các mục cần sửa.',
        errors,
        'draft_incomplete',
      );
    const counted = countPrefilled(
      row.prefill_offered as Record<string, string>,
      procedure.components,
      clear.applicant as Record<string, unknown>,
      formData,
      (offeredHash, submitted) => offeredHash === this.hashValue(submitted),
    );
    const { row: dossier, created } = await dossiers.receive(
      actor,
      {
        procedureId: procedure.id,
        unitCode: row.unit_code!,
        channel: 'online',
        applicant: applicant.data,
        formData,
        resultDelivery: delivery.method === 'postal' ? delivery : { method: 'desk' },
      },
      key,
      {
        within: async (trx, d) => {
          await insertApplicantFiles(trx, d.id, actor.id, files);
          await repo.insertSubmission(trx, {
            dossier_id: d.id,
            user_id: actor.id,
            procedure_id: procedure.id,
            submitted_at: clock.now(),
            delivery,
            prefilled_fields: counted.prefilled,
            total_fields: counted.total,
            reused_attachments: reused,
            total_attachments: files.length,
          });
          await repo.deleteDraft(trx, actor.id, id);
          // Provide-once (seed 003: 40 % of the data filled in automatically) and reuse of
          // digitised papers, on the dossier fact the indicators follow (issue 12).
          await publishFact(trx, {
            kind: 'dossier',
            subjectId: d.id,
            data: {
              formFields: counted.total,
              prefilledFields: counted.prefilled,
              attachments: files.length,
              reusedAttachments: reused,
            },
          });
        },
      },
    );
    const [ref] = await dossierRefsByIds(db, [dossier.id]);
    return this.submitted(ref!, created);
  }

  private submitted(ref: ApplicantDossierRef, created: boolean) {
    return {
      created,
      dossier: {
        id: ref.id,
        code: ref.code,
        status: ref.status,
        procedureName: ref.procedureName,
        receivedAt: ref.receivedAt.toISOString(),
        dueAt: ref.dueAt.toISOString(),
        feesDue: ref.feesDue,
      },
    };
  }

  // ── My dossiers (hồ sơ của tôi) ────────────────────────────────────────────────────────

  async myDossiers(actorIn: Actor | null) {
    const actor = requireCitizen(actorIn);
    const { db } = this.deps;
    const subs = await repo.submissionsOf(db, actor.id);
    const refs = await dossierRefsByIds(
      db,
      subs.map((s) => s.dossier_id),
    );
    const byId = new Map(refs.map((r) => [r.id, r]));
    return subs
      .map((s) => byId.get(s.dossier_id))
      .filter((r): r is ApplicantDossierRef => !!r)
      .map((r) => ({
        code: r.code,
        procedureName: r.procedureName,
        status: r.status,
        statusLabel: STATUS_LABELS[r.status],
        receivedAt: r.receivedAt.toISOString(),
        dueAt: r.dueAt.toISOString(),
        feesDue: r.feesDue,
        resultAvailable: r.status === 'returned' && !!r.resultFileId,
        resultSigned: r.status === 'returned' && !!r.resultFileId && r.resultSigned,
      }));
  }

  /** One of the citizen's dossiers: it must be one they submitted, else 404. */
  private async mine(actor: Actor & { id: string }, code: string) {
    const { db } = this.deps;
    const ref = await dossierRefByCode(db, code);
    const submission = ref ? await repo.submission(db, actor.id, ref.id) : undefined;
    if (!ref || !submission) throw dossierNotFound();
    return { ref, submission };
  }

  async myDossier(actorIn: Actor | null, code: string) {
    const actor = requireCitizen(actorIn);
    const { ref, submission } = await this.mine(actor, code);
    const status = await publicStatusOf(this.deps.db, ref);
    return {
      ...status,
      feesDue: ref.feesDue,
      // The citizen's own proof, so the payment and feedback panels work as on /tra-cuu.
      proof: await applicantProofOf(this.deps.db, ref.id),
      delivery: submission.delivery as Delivery,
      resultAvailable: ref.status === 'returned' && !!ref.resultFileId,
      resultSigned: ref.status === 'returned' && !!ref.resultFileId && ref.resultSigned,
      prefilledFields: submission.prefilled_fields,
      totalFields: submission.total_fields,
      reusedAttachments: submission.reused_attachments,
      totalAttachments: submission.total_attachments,
    };
  }

  /** Form 01 (giấy tiếp nhận và hẹn trả kết quả) of the citizen's own dossier. */
  async myReceiptPdf(actorIn: Actor | null, code: string): Promise<Buffer> {
    const actor = requireCitizen(actorIn);
    const { ref } = await this.mine(actor, code);
    return dossierFormPdf(this.deps.dossiers, 'applicant', ref.id, '01');
  }

  /** The electronic result, once returned. */
  async myResult(actorIn: Actor | null, code: string) {
    const actor = requireCitizen(actorIn);
    const { ref } = await this.mine(actor, code);
    const [file] = await returnedResultFiles(this.deps.db, [ref.id]);
    if (!file)
      throw new NotFoundError('Hồ sơ chưa có kết quả điện tử để tải về.', 'result_not_available');
    return { file, bytes: this.deps.store.get(file.sha256) };
  }
}

/** The forms without the optional components whose fields are all blank. */
function withoutBlankOptional(
  components: Procedure['components'],
  formData: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, fields] of Object.entries(formData)) {
    const c = components.find((x) => x.key === key);
    const blank = Object.values(fields ?? {}).every(
      (v) => v === undefined || v === null || v === '' || v === false,
    );
    if (c && !c.required && blank) continue;
    out[key] = fields;
  }
  return out;
}
