// The portal's part of a citizen's "download my data" and "delete my account" (regulations.md
// §7; the citizens module runs them and calls these sections).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DataKeyRing } from '../citizens/index.js';
import { dossierRefsByIds, openPersonalIds } from '../dossiers/index.js';
import { portalRepository as repo } from './portal.repository.js';
import { presentDocument } from './portal.store.js';

type Db = Kysely<Database>;

/** Same shape as the citizens module's CitizenDataSection (kept structural to avoid a cycle). */
export interface PortalDataSection {
  name: string;
  collect(db: Db, userId: string): Promise<unknown>;
  erase?(trx: Db, userId: string): Promise<{ description: string } | undefined>;
  kept?: { what: string; reason: string };
}

/**
 * The portal's sections of a citizen's data, opening the drafts' sealed ID numbers with
 * `keys`. The keys are given, not looked up by database handle: the export collects inside
 * a transaction, whose handle is not the one the keys were registered under (issue 11: the
 * export answered 500 once a citizen had a prefilled draft).
 */
export const portalDataSections = (keys: DataKeyRing): PortalDataSection[] => [
  {
    name: 'dataStore',
    async collect(db, userId) {
      return {
        // The store and the papers held by drafts (draftId set): all of it is theirs.
        documents: (await repo.allDocumentsOf(db, userId)).map(presentDocument),
        drafts: (await repo.draftsOf(db, userId)).map((d) => ({
          id: d.id,
          procedureId: d.procedure_id,
          unitCode: d.unit_code,
          // The citizen's own data, in clear for them.
          ...openPersonalIds(keys, d.id, d.applicant, d.form_data, 'draft'),
          attachments: d.attachments,
          delivery: d.delivery,
          updatedAt: new Date(d.updated_at).toISOString(),
        })),
      };
    },
    // The store and the drafts are the citizen's own: deleted on request. Copies of the same
    // files attached to dossiers stay with those dossiers (below).
    async erase(trx, userId) {
      const docs = await trx
        .deleteFrom('citizen_document')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      const drafts = await trx
        .deleteFrom('portal_draft')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return {
        description: `Đã xóa ${Number(docs.numDeletedRows)} giấy tờ trong kho dữ liệu cá nhân và ${Number(drafts.numDeletedRows)} hồ sơ nháp.`,
      };
    },
  },
  {
    name: 'onlineSubmissions',
    async collect(db, userId) {
      const subs = await repo.submissionsOf(db, userId);
      const refs = new Map(
        (
          await dossierRefsByIds(
            db,
            subs.map((s) => s.dossier_id),
          )
        ).map((r) => [r.id, r]),
      );
      return subs.map((s) => ({
        code: refs.get(s.dossier_id)?.code ?? null,
        procedureName: refs.get(s.dossier_id)?.procedureName ?? null,
        status: refs.get(s.dossier_id)?.status ?? null,
        submittedAt: new Date(s.submitted_at).toISOString(),
        delivery: s.delivery,
        prefilledFields: s.prefilled_fields,
        totalFields: s.total_fields,
        reusedAttachments: s.reused_attachments,
      }));
    },
    kept: {
      what: 'Hồ sơ thủ tục hành chính đã nộp trực tuyến và thông tin người nộp trong hồ sơ',
      reason:
        'Đây là hồ sơ hành chính của cơ quan nhà nước, phải lưu trữ theo Luật Lưu trữ 2024 và quy định về thời hạn bảo quản hồ sơ; Luật Bảo vệ dữ liệu cá nhân cho phép không xóa dữ liệu khi pháp luật yêu cầu lưu giữ.',
    },
  },
];
