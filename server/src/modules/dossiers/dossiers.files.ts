import type { Actor, Role } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { checkUpload, type FileStore } from '../../platform/files/file-store.js';
import { getProcedure } from '../procedures/index.js';
import { requireVisible } from './dossiers.access.js';
import { publishDigitised, requiredAttachmentKeys } from './dossiers.facts.js';
import { presentFile } from './dossiers.present.js';
import { dossiersRepository as repo } from './dossiers.repository.js';
import type { DossierService } from './dossiers.service.js';

/** Results may be any of the usual office formats (electronic results, Nghị định 118/2025). */
const RESULT_RULES = {
  accept: [
    'application/pdf',
    'image/jpeg',
    'image/png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  maxSizeMb: 20,
};

/**
 * Who adds files to a dossier: the desk scans the papers, the specialist and the leader add
 * what the processing needs; a result is the specialist's (or leader's) to issue. Staff who
 * only read dossiers — secretariat, administrators — add nothing to them.
 */
const UPLOADERS: Record<'attachment' | 'result', ReadonlySet<Role>> = {
  attachment: new Set(['desk_officer', 'specialist', 'leader']),
  result: new Set(['specialist', 'leader']),
};

/** Stores one uploaded file of a dossier, checked against the procedure's attachment rules. */
export async function uploadDossierFile(
  svc: DossierService,
  store: FileStore,
  actor: Actor,
  id: string,
  f: {
    kind: 'attachment' | 'result';
    componentKey?: string;
    filename: string;
    mime: string;
    bytes: Buffer;
  },
) {
  const { db } = svc.deps;
  const d = await repo.findById(db, id);
  const roles = await requireVisible(db, actor, d);
  if (![...roles].some((role) => UPLOADERS[f.kind].has(role)))
    throw new ForbiddenError(
      f.kind === 'result'
        ? 'Chỉ chuyên viên hoặc lãnh đạo xử lý hồ sơ mới được tải lên tệp kết quả.'
        : 'Chỉ cán bộ Một cửa, chuyên viên hoặc lãnh đạo xử lý hồ sơ mới được thêm tệp vào hồ sơ.',
      'upload_forbidden_for_role',
    );
  const filename = f.filename
    .normalize('NFC')
    // Control characters and path separators never reach a header or a log line.
    .replace(/[\\/]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .slice(0, 200);
  if (!filename)
    throw new ValidationError('Thiếu tên tệp.', [
      { path: 'querystring.filename', message: 'Nhập tên tệp.' },
    ]);
  let rules = RESULT_RULES;
  let required: string[] | null = null;
  if (f.kind === 'attachment') {
    const procedure = await getProcedure(db, d!.procedure_id);
    required = requiredAttachmentKeys(procedure.components);
    const component = procedure.components.find((c) => c.key === f.componentKey);
    if (!component) {
      throw new ValidationError('Chọn thành phần hồ sơ của tệp.', [
        { path: 'querystring.component', message: 'Thành phần hồ sơ không tồn tại.' },
      ]);
    }
    rules = { accept: component.attachment.accept, maxSizeMb: component.attachment.maxSizeMb };
  }
  checkUpload(f.bytes, f.mime, rules);
  const { sha256, size } = await store.put(f.bytes);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertFile(trx, {
      dossier_id: id,
      kind: f.kind,
      component_key: f.componentKey ?? null,
      filename,
      mime: f.mime.split(';')[0]!.trim().toLowerCase(),
      size,
      sha256,
      uploaded_by: actor.id,
    });
    await recordAudit(trx, actor, {
      action: 'dossier.file.upload',
      entityType: 'dossier',
      entityId: id,
      unitCode: d!.unit_code,
      after: { fileId: row.id, kind: f.kind, filename, sha256, size },
    });
    // A scanned paper may complete the dossier's digitisation (số hoá; dossier fact).
    if (required) await publishDigitised(trx, id, required);
    return presentFile(row);
  });
}

/** A stored file of a dossier, for download by staff of its units. */
export async function downloadDossierFile(
  svc: DossierService,
  store: FileStore,
  actor: Actor | null,
  id: string,
  fileId: string,
) {
  const { db } = svc.deps;
  await requireVisible(db, actor, await repo.findById(db, id));
  const f = await repo.findFile(db, id, fileId);
  if (!f) throw new NotFoundError('Không tìm thấy tệp.', 'file_not_found');
  return { file: presentFile(f), bytes: store.get(f.sha256) };
}
