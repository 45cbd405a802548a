// Work files (hồ sơ công việc, issue 13 deliver 1): the handler of a piece of work opens a file,
// puts the documents about it in (the incoming document, the reply, the notes), and closes it
// when the work is done — Nghị định 30/2020/NĐ-CP Điều 28–29 ("mở hồ sơ, thu thập, cập nhật
// văn bản, tài liệu vào hồ sơ, kết thúc hồ sơ"), its file list (danh mục hồ sơ, Phụ lục V)
// numbered per unit and year: "03.VHTT". Each change writes its event, fact and audit row in
// one transaction (style.md rule 5).
//
// Who: a file belongs to its unit's list. The staff of that unit read it, with the office and
// leaders of the units above (as for documents); its owner (người lập hồ sơ) and the unit's
// leaders change it. Anyone else gets 404. A document goes in only if the caller may read it.
import { randomUUID } from 'node:crypto';
import {
  type CreateWorkFileInput,
  formatDocumentNumber,
  retentionLabel,
  WORK_FILE_STATUS_LABELS,
  type WorkFileAction,
  type WorkFileActionInput,
} from '@cqs/shared/documents/index';
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.js';
import { publishFact } from '../../platform/facts/index.js';
import { findAccountsByIds } from '../identity/index.js';
import { cachedUnit, cachedUnitLineage, findUnitsByCodes, vnToday } from '../org/index.js';
import { holdsAt, OVERSEERS, readableDocument, STAFF, scopeOf } from './documents.access.js';
import { bodyAbbreviation } from './documents.layout.js';
import { documentsRepository } from './documents.repository.js';
import { searchTextOf } from './documents.text.js';
import {
  workFilesRepository as repo,
  type WorkFileRow,
} from './documents.work-files.repository.js';

type Db = Kysely<Database>;

/** Roles that work in a unit and may keep files there (documents' staff but the administrator). */
const KEEPERS: readonly Role[] = STAFF.filter((r) => r !== 'admin');

const bad = (path: string, message: string, code: string) =>
  new ValidationError(message, [{ path, message }], code);

/** A file that does not exist and one the caller may not see answer alike. */
export const workFileNotFound = () =>
  new NotFoundError(
    'Không tìm thấy hồ sơ công việc hoặc bạn không có quyền xem hồ sơ này.',
    'work_file_not_found',
  );

/** What the caller may do with a file: read it, and change it (owner, the unit's leaders). */
export async function workFileRelation(
  db: Db,
  actor: Actor,
  f: Pick<WorkFileRow, 'unit_code' | 'owner_id'>,
): Promise<{ read: boolean; write: boolean }> {
  const owner = !!actor.id && f.owner_id === actor.id;
  const write = owner || holdsAt(actor, 'leader', f.unit_code);
  if (write || holdsAt(actor, KEEPERS, f.unit_code)) return { read: true, write };
  const line = await cachedUnitLineage(db, f.unit_code, actor.generations);
  const read = actor.roles.some(
    (g) => g.unitCode && OVERSEERS.includes(g.role) && line.includes(g.unitCode),
  );
  return { read, write: false };
}

/** The actions the caller may take on a file as it stands. */
export function workFileActions(f: WorkFileRow, write: boolean): WorkFileAction[] {
  if (!write) return [];
  return f.status === 'open' ? ['add', 'remove', 'close'] : ['reopen'];
}

/** Work files: open, fill, close, reopen. */
export class WorkFiles {
  constructor(readonly deps: { db: Db; clock: Clock }) {}

  #inTx<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
    const db = this.deps.db;
    return db.isTransaction ? fn(db) : db.transaction().execute(fn);
  }

  /** Opens a file in the caller's unit's list for this year (mở hồ sơ), with documents if given. */
  async create(actor: Actor, input: CreateWorkFileInput): Promise<WorkFileRow> {
    const mine = [
      ...new Set(
        actor.roles.filter((g) => g.unitCode && KEEPERS.includes(g.role)).map((g) => g.unitCode!),
      ),
    ];
    if (mine.length === 0)
      throw new ForbiddenError(
        'Chỉ cán bộ, công chức của đơn vị mới lập hồ sơ công việc.',
        'work_file_forbidden',
      );
    const unit = input.unitCode ?? (mine.length === 1 ? mine[0]! : undefined);
    if (!unit) throw bad('body.unitCode', 'Chọn đơn vị lập hồ sơ.', 'unit_required');
    if (!mine.includes(unit))
      throw new ForbiddenError(
        'Chỉ lập hồ sơ công việc trong danh mục hồ sơ của đơn vị mình.',
        'work_file_forbidden',
      );
    const u = (await findUnitsByCodes(this.deps.db, [unit])).get(unit);
    if (!u) throw bad('body.unitCode', `Không có đơn vị ${unit}.`, 'unit_unknown');
    return this.#inTx(async (trx) => {
      const now = this.deps.clock.now();
      const today = vnToday(now);
      const year = Number(today.slice(0, 4));
      const unitRow = await cachedUnit(trx, unit, undefined);
      const notation =
        input.notation ?? bodyAbbreviation({ name: u.name, kind: unitRow?.kind ?? '' });
      // The number comes from the unit's register row for work files: gap-free, as for
      // documents (the row stays locked to the commit; a rollback gives the number back).
      const number = await documentsRepository.nextNumber(trx, {
        unit,
        direction: 'work_file',
        year,
        series: 'all',
      });
      const id = randomUUID();
      const title = input.title.normalize('NFC');
      const code = `${formatDocumentNumber(number)}.${notation}`;
      await repo.insert(trx, {
        id,
        unit_code: unit,
        year,
        number,
        code,
        title,
        retention: input.retention,
        owner_id: actor.id,
        owner_name: await this.#fullName(trx, actor),
        status: 'open',
        opened_on: today,
        closed_on: null,
        note: null,
        search_text: searchTextOf([code, title]),
        created_at: now,
        updated_at: now,
      });
      let f = (await repo.get(trx, id))!;
      await this.#record(trx, actor, f, 'open', null, { code, title });
      for (const documentId of [...new Set(input.documentIds)])
        f = await this.#add(trx, actor, f, documentId, 'body.documentIds');
      return f;
    });
  }

  /** One action on a file; 404 unseen, 409 stale version or not allowed now, 403 not the owner. */
  async act(actor: Actor, id: string, input: WorkFileActionInput): Promise<WorkFileRow> {
    return this.#inTx(async (trx) => {
      const f = await repo.get(trx, id, true);
      if (!f) throw workFileNotFound();
      const rel = await workFileRelation(trx, actor, f);
      if (!rel.read) throw workFileNotFound();
      if (input.version !== f.version)
        throw new ConflictError(
          'Hồ sơ đã được người khác cập nhật; tải lại để xem bản mới nhất.',
          'version_conflict',
        );
      if (!workFileActions(f, true).includes(input.action))
        throw new ConflictError(
          f.status === 'closed'
            ? 'Hồ sơ đã kết thúc; mở lại hồ sơ trước khi thay đổi.'
            : 'Hồ sơ đang lập, không cần mở lại.',
          'action_not_allowed',
        );
      if (!rel.write)
        throw new ForbiddenError(
          'Chỉ người lập hồ sơ hoặc lãnh đạo đơn vị mới thay đổi được hồ sơ.',
          'work_file_action_forbidden',
        );
      switch (input.action) {
        case 'add':
          return this.#add(trx, actor, f, input.documentId, 'body.documentId');
        case 'remove': {
          if (!(await repo.hasItem(trx, f.id, input.documentId)))
            throw bad('body.documentId', 'Văn bản không có trong hồ sơ.', 'document_not_in_file');
          await repo.removeItem(trx, f.id, input.documentId);
          return this.#change(trx, actor, f, 'remove', {}, null, {
            documentId: input.documentId,
          });
        }
        case 'close': {
          if ((await repo.countItems(trx, f.id)) === 0)
            throw new ConflictError(
              'Hồ sơ chưa có văn bản nào; đưa văn bản vào trước khi kết thúc.',
              'work_file_empty',
            );
          const note = input.note ? input.note.normalize('NFC') : null;
          return this.#change(
            trx,
            actor,
            f,
            'close',
            { status: 'closed', closed_on: vnToday(this.deps.clock.now()), note },
            note,
          );
        }
        case 'reopen':
          return this.#change(
            trx,
            actor,
            f,
            'reopen',
            { status: 'open', closed_on: null },
            input.reason.normalize('NFC'),
          );
      }
    });
  }

  /**
   * Puts a document the caller may read into an open file they may change, in the caller's
   * transaction (the document's "complete" action files it there too).
   */
  async fileDocument(trx: Db, actor: Actor, fileId: string, documentId: string): Promise<void> {
    const f = await repo.get(trx, fileId, true);
    const rel = f ? await workFileRelation(trx, actor, f) : { read: false, write: false };
    if (!f || !rel.write)
      throw bad('body.workFileId', 'Không tìm thấy hồ sơ công việc của bạn.', 'work_file_unknown');
    if (f.status !== 'open')
      throw bad('body.workFileId', 'Hồ sơ đã kết thúc; chọn hồ sơ đang lập.', 'work_file_closed');
    if (await repo.hasItem(trx, f.id, documentId)) return;
    await this.#add(trx, actor, f, documentId, 'body.workFileId');
  }

  async #add(
    trx: Db,
    actor: Actor,
    f: WorkFileRow,
    documentId: string,
    path: string,
  ): Promise<WorkFileRow> {
    try {
      await readableDocument(trx, actor, documentId);
    } catch {
      throw bad(path, 'Không tìm thấy văn bản hoặc bạn không có quyền xem.', 'document_unknown');
    }
    if (await repo.hasItem(trx, f.id, documentId))
      throw new ConflictError('Văn bản đã có trong hồ sơ.', 'document_already_in_file');
    await repo.addItem(trx, {
      id: f.id,
      documentId,
      by: actor.id,
      byName: await this.#fullName(trx, actor),
      at: this.deps.clock.now(),
    });
    return this.#change(trx, actor, f, 'add', {}, null, { documentId });
  }

  /** The person's full name as the file list writes it (their sign-in name if none). */
  async #fullName(trx: Db, actor: Actor): Promise<string> {
    if (!actor.id) return actor.name;
    return (await findAccountsByIds(trx, [actor.id])).get(actor.id)?.fullName || actor.name;
  }

  async #change(
    trx: Db,
    actor: Actor,
    f: WorkFileRow,
    action: string,
    patch: Partial<Record<keyof WorkFileRow, unknown>>,
    note: string | null,
    payload: Record<string, unknown> = {},
  ): Promise<WorkFileRow> {
    const row = await repo.update(trx, f.id, f.version, patch, this.deps.clock.now());
    if (!row)
      throw new ConflictError(
        'Hồ sơ đã được người khác cập nhật; tải lại để xem bản mới nhất.',
        'version_conflict',
      );
    await this.#record(trx, actor, row, action, note, payload, f.status);
    return row;
  }

  async #record(
    trx: Db,
    actor: Actor,
    f: WorkFileRow,
    action: string,
    note: string | null,
    payload: Record<string, unknown>,
    from?: string,
  ) {
    await repo.insertEvent(trx, {
      id: f.id,
      action,
      actorId: actor.id,
      actorName: actor.name,
      at: this.deps.clock.now(),
      note,
      payload,
    });
    const unit = await cachedUnit(trx, f.unit_code, undefined);
    await publishFact(trx, {
      kind: 'work_file',
      subjectId: f.id,
      unitCode: f.unit_code,
      data: {
        status: f.status,
        communeLevel: unit?.kind === 'commune',
        openedOn: f.opened_on,
        closedOn: f.closed_on,
        documentCount: await repo.countItems(trx, f.id),
      },
    });
    await recordAudit(trx, actor, {
      action: `work_file.${action}`,
      entityType: 'work_file',
      entityId: f.id,
      unitCode: f.unit_code,
      before: from ? { status: from } : undefined,
      after: { status: f.status, ...payload },
    });
  }
}

/** A file as the list shows it. */
export function presentWorkFile(
  f: WorkFileRow & { document_count?: string | number | null },
  unitName: string | null,
) {
  return {
    id: f.id,
    unitCode: f.unit_code,
    unitName,
    year: f.year,
    code: f.code,
    title: f.title,
    retention: f.retention,
    retentionLabel: retentionLabel(f.retention),
    ownerId: f.owner_id,
    ownerName: f.owner_name,
    status: f.status,
    statusLabel: WORK_FILE_STATUS_LABELS[f.status],
    openedOn: f.opened_on,
    closedOn: f.closed_on,
    documentCount: Number(f.document_count ?? 0),
    version: f.version,
  };
}

/** The units whose files the caller reads in lists: their staff units and overseen subtrees. */
export async function workFileUnits(db: Db, actor: Actor): Promise<string[]> {
  const { oversee } = await scopeOf(db, actor);
  const own = actor.roles
    .filter((g) => g.unitCode && KEEPERS.includes(g.role))
    .map((g) => g.unitCode!);
  return [...new Set([...own, ...oversee])];
}
