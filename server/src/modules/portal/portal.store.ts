// The personal data store (kho dữ liệu cá nhân): the citizen's papers and the electronic
// results issued to them, kept for reuse in later submissions — only with the citizen's
// data_store consent (regulations.md §7: silence is not consent). Without it, a paper uploaded
// for a draft belongs to that draft alone (`citizen_document.draft_id`) and goes with it.
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../platform/errors.js';
import { checkUpload } from '../../platform/files/file-store.js';
import { returnedResultFiles } from '../dossiers/index.js';
import { type DocumentRow, portalRepository as repo } from './portal.repository.js';
import type { PortalDeps } from './portal.service.js';

/** The data store takes what a dossier's components usually accept (scans and photos). */
const DOCUMENT_RULES = { accept: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeMb: 10 };

/** Throws 401 unless signed in, 403 `not_citizen` for staff: the portal is the citizen's. */
export function requireCitizen(actor: Actor | null): Actor & { id: string } {
  if (!actor?.id) throw new UnauthenticatedError('Vui lòng đăng nhập tài khoản công dân.');
  if (!actor.roles.some((g) => g.role === 'citizen'))
    throw new ForbiddenError(
      'Trang này dành cho công dân; cán bộ tiếp nhận hồ sơ tại bộ phận Một cửa.',
      'not_citizen',
    );
  return actor as Actor & { id: string };
}

/** 404 for a draft that is not the caller's (or not at all). */
export const draftNotFound = () =>
  new NotFoundError('Không tìm thấy hồ sơ nháp.', 'draft_not_found');

function cleanFilename(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\\/]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .trim()
    .slice(0, 200);
}

const storeConsentRequired = () =>
  new ConflictError(
    'Bạn chưa đồng ý "Lưu giấy tờ để dùng lại", nên giấy tờ không được lưu vào kho dữ liệu cá nhân. Bật lựa chọn này ở trang Tài khoản của tôi (/tai-khoan-cua-toi), hoặc tải giấy tờ lên ngay trong hồ sơ đang nộp.',
    'data_store_consent_required',
  );

/** A document as the citizen sees it; `draftId` set = a paper of that draft only. */
export function presentDocument(d: DocumentRow) {
  return {
    id: d.id,
    title: d.title,
    kind: d.kind,
    filename: d.filename,
    mime: d.mime,
    size: d.size,
    sourceDossierId: d.source_dossier_id,
    draftId: d.draft_id ?? null,
    createdAt: new Date(d.created_at).toISOString(),
  };
}

/** The citizen's personal data store and the papers their drafts hold. */
export class PersonalDataStore {
  constructor(private readonly deps: PortalDeps) {}

  /** Whether the citizen agreed to keep their papers and results for reuse (regulations.md §7). */
  consent(userId: string): Promise<boolean> {
    return this.deps.citizens.hasConsent(this.deps.db, userId, 'data_store');
  }

  /**
   * Stores an uploaded paper. With the data_store consent it joins the personal data store,
   * for this draft and any later one; without it, a paper uploaded for a draft (`draftId`)
   * serves that draft only and a paper for the store itself is refused — silence is not
   * consent, so nothing lands in the store unasked.
   */
  async upload(
    actorIn: Actor | null,
    f: { title?: string; filename: string; mime: string; bytes: Buffer; draftId?: string },
  ) {
    const actor = requireCitizen(actorIn);
    const { db } = this.deps;
    if (f.draftId && !(await repo.findDraft(db, actor.id, f.draftId))) throw draftNotFound();
    const consent = await this.consent(actor.id);
    if (!consent && !f.draftId) throw storeConsentRequired();
    const filename = cleanFilename(f.filename);
    if (!filename)
      throw new ValidationError('Thiếu tên tệp.', [
        { path: 'querystring.filename', message: 'Nhập tên tệp.' },
      ]);
    checkUpload(f.bytes, f.mime, DOCUMENT_RULES);
    const { sha256, size } = await this.deps.store.put(f.bytes);
    const title = (f.title?.trim() || filename.replace(/\.[^.]+$/, '')).slice(0, 200);
    const draftId = consent ? null : f.draftId!;
    return db.transaction().execute(async (trx) => {
      const row = await repo.insertDocument(trx, {
        user_id: actor.id,
        title,
        kind: 'upload',
        filename,
        mime: f.mime.split(';')[0]!.trim().toLowerCase(),
        size,
        sha256,
        source_dossier_id: null,
        draft_id: draftId,
        created_at: this.deps.clock.now(),
      });
      await recordAudit(trx, actor, {
        action: 'citizen_document.upload',
        entityType: 'citizen_document',
        entityId: row.id,
        after: { title, filename, sha256, size, draftId },
      });
      return presentDocument(row);
    });
  }

  /**
   * The store: the citizen's uploads and every electronic result issued to them (results
   * join it only with the data_store consent); with `draftId`, that draft's own papers too.
   */
  async list(actorIn: Actor | null, draftId?: string) {
    const actor = requireCitizen(actorIn);
    const { db } = this.deps;
    if (draftId && !(await repo.findDraft(db, actor.id, draftId))) throw draftNotFound();
    const consent = await this.consent(actor.id);
    if (consent) await this.syncResults(actor.id);
    const rows = [
      ...(draftId ? await repo.draftPapersOf(db, actor.id, draftId) : []),
      ...(await repo.documentsOf(db, actor.id)),
    ];
    return { items: rows.map(presentDocument), dataStoreConsent: consent };
  }

  /** One of the citizen's documents (in the store or a draft's), for download. */
  async file(actorIn: Actor | null, id: string) {
    const actor = requireCitizen(actorIn);
    const [doc] = await repo.findDocuments(this.deps.db, actor.id, [id]);
    if (!doc) throw new NotFoundError('Không tìm thấy giấy tờ.', 'document_not_found');
    return { doc: presentDocument(doc), bytes: this.deps.store.get(doc.sha256) };
  }

  /** Removes one of the citizen's documents. */
  async remove(actorIn: Actor | null, id: string) {
    const actor = requireCitizen(actorIn);
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await repo.deleteDocument(trx, actor.id, id);
      if (!row) throw new NotFoundError('Không tìm thấy giấy tờ.', 'document_not_found');
      await recordAudit(trx, actor, {
        action: 'citizen_document.delete',
        entityType: 'citizen_document',
        entityId: id,
        before: { title: row.title, sha256: row.sha256 },
      });
    });
  }

  /**
   * Electronic results (kết quả điện tử) of the citizen's returned dossiers enter the store
   * the first time it is read after their return; the unique (user, dossier) makes it once.
   */
  private async syncResults(userId: string): Promise<void> {
    const { db, clock } = this.deps;
    const subs = await repo.submissionsOf(db, userId);
    const results = await returnedResultFiles(
      db,
      subs.map((s) => s.dossier_id),
    );
    await repo.insertResultDocuments(
      db,
      results.map((r) => ({
        user_id: userId,
        title: `Kết quả hồ sơ ${r.code} — ${r.procedureName}`.slice(0, 200),
        kind: 'result' as const,
        filename: r.filename,
        mime: r.mime,
        size: r.size,
        sha256: r.sha256,
        source_dossier_id: r.dossierId,
        created_at: clock.now(),
      })),
    );
  }
}
