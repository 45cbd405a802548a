// The rules of official documents (văn bản, issue 13): one door for every change. Each change
// runs in one transaction with its document_event row and its audit row (style.md rule 5).
// Incoming handling follows Nghị định 30/2020/NĐ-CP Điều 20–24; outgoing Điều 11–18.
import { randomUUID } from 'node:crypto';
import {
  type CreateOutgoingInput,
  type DocumentActionInput,
  formatDocumentNumber,
  type RegisterIncomingInput,
} from '@cqs/shared/documents/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import { publishFact } from '../../platform/facts/index.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { findAccountsByIds } from '../identity/index.js';
import { cachedUnit, findUnitsByCodes, unitLineage, vnToday } from '../org/index.js';
import type { TaskService } from '../tasks/index.js';
import { documentNotFound, relationsTo } from './documents.access.js';
import { ACTIONS, contentOf } from './documents.actions.js';
import type { DocumentExchange } from './documents.exchange.js';
import type { OutgoingDocuments } from './documents.outgoing.js';
import {
  type DocumentRow,
  type NewDocument,
  documentsRepository as repo,
} from './documents.repository.js';
import { allowedActions, transitionOf } from './documents.states.js';
import { numberSymbolOf, searchTextOf } from './documents.text.js';
import type { WorkFiles } from './documents.work-files.js';

type Db = Kysely<Database>;

/** What a document service needs: the database, the clock, the file store and the tasks module. */
export interface DocumentServiceDeps {
  db: Db;
  clock: Clock;
  store: FileStore;
  tasks: TaskService;
}

/** A file arriving with a document (decoded). */
export interface IncomingFile {
  name: string;
  contentType: string;
  bytes: Buffer;
  kind?: 'main' | 'attachment' | 'scan';
}

const bad = (path: string, message: string, code: string) =>
  new ValidationError(message, [{ path, message }], code);

/** Documents: register, draft, and every action on them. */
export class DocumentService {
  /** Signing and issuing steps, set up by documents.outgoing.ts when the app is built. */
  hooks: ActionHooks = {};
  /** Drafts rendered, signed and issued (documents.outgoing.ts), set when the app is built. */
  outgoing?: OutgoingDocuments;
  /** edXML imports, notices and packages (documents.exchange.ts), set when the app is built. */
  exchange?: DocumentExchange;
  /** Work files (hồ sơ công việc, documents.work-files.ts), set when the app is built. */
  workFiles?: WorkFiles;
  constructor(readonly deps: DocumentServiceDeps) {}

  /** The unit the actor acts for with `role` when the request names none (exactly one such grant). */
  #unitFor(actor: Actor, roles: string[], given: string | undefined, message: string): string {
    if (given) return given;
    const units = [
      ...new Set(
        actor.roles.filter((g) => g.unitCode && roles.includes(g.role)).map((g) => g.unitCode!),
      ),
    ];
    if (units.length === 1) return units[0]!;
    if (units.length === 0) throw new ForbiddenError(message, 'document_forbidden');
    throw bad('body.unitCode', 'Chọn đơn vị.', 'unit_required');
  }

  /** Stores files and their rows for a document. */
  async #saveFiles(
    trx: Db,
    actor: Actor,
    documentId: string,
    files: IncomingFile[],
    draftVersion: number | null = null,
  ) {
    const out = [];
    for (const f of files) {
      const { sha256, size } = await this.deps.store.put(f.bytes);
      const row = {
        id: randomUUID(),
        document_id: documentId,
        kind: f.kind ?? 'attachment',
        name: f.name.normalize('NFC'),
        content_type: f.contentType,
        size,
        sha256,
        draft_version: draftVersion,
        created_by: actor.id,
        created_at: this.deps.clock.now(),
      } as const;
      await repo.insertFile(trx, row);
      out.push(row);
    }
    return out;
  }

  /** The event and audit rows of a change. */
  async #record(
    trx: Db,
    actor: Actor,
    d: DocumentRow,
    action: string,
    from: string | null,
    note: string | null,
    payload: Record<string, unknown> = {},
  ) {
    await repo.insertEvent(trx, {
      documentId: d.id,
      action,
      from,
      to: d.status,
      actorId: actor.id,
      actorName: actor.name,
      at: this.deps.clock.now(),
      note,
      payload,
    });
    await publishFact(trx, {
      kind: 'document',
      subjectId: d.id,
      unitCode: d.unit_code,
      data: await this.#fact(trx, d),
    });
    await recordAudit(trx, actor, {
      action: `document.${action}`,
      entityType: 'document',
      entityId: d.id,
      unitCode: d.unit_code,
      before: from === null ? undefined : { status: from },
      after: { status: d.status, ...payload },
    });
  }

  /** The `document` fact (platform/facts/fact-kinds.ts DocumentFact) of a document as it stands. */
  async #fact(trx: Db, d: DocumentRow): Promise<Record<string, unknown>> {
    const unit = await cachedUnit(trx, d.unit_code, undefined);
    const confidential = d.confidentiality !== 'normal';
    const issued = d.direction === 'outgoing' && d.status === 'issued';
    const registered = d.direction === 'incoming' && d.arrival_number !== null;
    const exchangedOn =
      registered && d.registered_at ? vnToday(d.registered_at) : issued ? d.issued_on : null;
    const handledIncoming = ['directed', 'in_progress', 'done'].includes(d.status);
    const doneOn =
      d.direction === 'incoming' && d.status === 'done' && d.done_at ? vnToday(d.done_at) : null;
    return {
      direction: d.direction,
      confidential,
      communeLevel: unit?.kind === 'commune',
      status: d.status,
      deadlineOn: d.deadline,
      ...(confidential
        ? {}
        : {
            exchangedOn,
            electronic: d.direction === 'incoming' ? d.source !== 'paper' : issued ? true : null,
            signedDigitally: issued ? true : null,
            handledOnline:
              d.direction === 'incoming'
                ? registered
                  ? handledIncoming
                  : null
                : issued
                  ? true
                  : null,
            doneOn,
            onTime: doneOn && d.deadline ? doneOn <= d.deadline : null,
          }),
    };
  }

  /**
   * Registers an incoming document at once (POST /documents/incoming): the next arrival number
   * of the unit's register for the year (gap-free), its metadata, its files. A confidential
   * document is registered without content (ND30 Điều 21: not processed on networked systems).
   */
  async registerIncoming(
    actor: Actor,
    input: RegisterIncomingInput,
    files: IncomingFile[],
    extra: {
      exchange?: Record<string, unknown>;
      status?: 'received' | 'registered';
      source?: 'platform' | 'edxml' | 'paper';
      originId?: string;
    } = {},
  ): Promise<DocumentRow> {
    const unit = this.#unitFor(
      actor,
      ['secretariat'],
      input.unitCode,
      'Chỉ văn thư (văn phòng) của đơn vị mới được vào sổ văn bản đến.',
    );
    if (!actor.roles.some((g) => g.role === 'secretariat' && g.unitCode === unit))
      throw new ForbiddenError(
        'Chỉ văn thư (văn phòng) của đơn vị mới được vào sổ văn bản đến.',
        'document_forbidden',
      );
    if ((await findUnitsByCodes(this.deps.db, [unit])).size === 0)
      throw bad('body.unitCode', `Không có đơn vị ${unit}.`, 'unit_unknown');
    if (input.confidentiality !== 'normal' && files.length > 0)
      throw bad(
        'body.files',
        'Văn bản mật chỉ được vào sổ, không đưa nội dung (tệp) lên hệ thống.',
        'confidential_content',
      );
    return this.#inTx(async (trx) => {
      if (input.replyToId) await this.#requireReplyTarget(trx, actor, input.replyToId);
      return this.insertIncoming(trx, actor, unit, input, files, extra);
    });
  }

  /**
   * Writes an incoming document into `unit`'s books in the caller's transaction: registered
   * with the next arrival number, or `received` (waiting in the clerk's inbox: a document
   * issued on this platform, an edXML package from the exchange). No rights are checked here.
   */
  async insertIncoming(
    trx: Db,
    actor: Actor,
    unit: string,
    input: Omit<RegisterIncomingInput, 'files' | 'unitCode' | 'source'> & {
      source: 'platform' | 'edxml' | 'paper';
    },
    files: IncomingFile[],
    extra: {
      exchange?: Record<string, unknown>;
      status?: 'received' | 'registered';
      source?: 'platform' | 'edxml' | 'paper';
      originId?: string;
    } = {},
  ): Promise<DocumentRow> {
    const status = extra.status ?? 'registered';
    {
      const now = this.deps.clock.now();
      const year = Number(vnToday(now).slice(0, 4));
      const id = randomUUID();
      const row: NewDocument = {
        id,
        direction: 'incoming',
        unit_code: unit,
        drafting_unit_code: null,
        status,
        source: extra.source ?? input.source,
        arrival_number: null,
        arrival_year: null,
        registered_at: null,
        code_number: input.codeNumber,
        code_notation: input.codeNotation,
        number_year: null,
        issuer_name: input.issuer.name.normalize('NFC'),
        issuer_organ_id: input.issuer.organId ?? null,
        issued_on: input.issuedOn,
        type_code: input.typeCode,
        summary: input.summary.normalize('NFC'),
        signer_name: input.signerName ?? null,
        signer_position: input.signerPosition ?? null,
        signer_user_id: null,
        urgency: input.urgency,
        confidentiality: input.confidentiality,
        deadline: input.deadline ?? null,
        reply_to_id: input.replyToId ?? null,
        origin_id: extra.originId ?? null,
        leader_direction: null,
        content: null,
        review_step: null,
        review_flow: '[]',
        exchange: extra.exchange ? JSON.stringify(extra.exchange) : null,
        pdf_layout: null,
        search_text: searchTextOf([
          input.codeNumber,
          input.codeNotation,
          input.issuer.name,
          input.summary,
          input.signerName,
        ]),
        created_by: actor.id,
        done_at: null,
      };
      await repo.insertDocument(trx, row);
      await this.#saveFiles(trx, actor, id, files);
      await repo.addWords(trx, row.search_text.split(' '));
      // The number is taken last: the register row stays locked from here to the commit, so
      // concurrent registrations of one unit wait only for this short tail (bench: issue 13).
      const arrival =
        status === 'registered'
          ? await repo.nextNumber(trx, { unit, direction: 'incoming', year, series: 'all' })
          : null;
      if (arrival !== null) await repo.setArrival(trx, id, arrival, year, now);
      const d = (await repo.get(trx, id))!;
      await this.#record(
        trx,
        actor,
        d,
        status === 'registered' ? 'register' : 'receive',
        null,
        input.note ?? null,
        {
          arrivalNumber: arrival,
          source: row.source,
        },
      );
      return d;
    }
  }

  async #requireReplyTarget(db: Db, actor: Actor, id: string) {
    const target = await repo.get(db, id);
    if (
      !target ||
      !(
        await relationsTo(
          db,
          actor,
          target,
          await repo.assignments(db, id),
          await repo.access(db, id),
        )
      ).has('reader')
    )
      throw bad('body.replyToId', 'Không tìm thấy văn bản được trả lời.', 'reply_target_unknown');
  }

  #inTx<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
    const db = this.deps.db;
    return db.isTransaction ? fn(db) : db.transaction().execute(fn);
  }

  /** Starts an outgoing draft (dự thảo) by a specialist, from the ND30 template's fields. */
  async createOutgoing(
    actor: Actor,
    input: CreateOutgoingInput,
    files: IncomingFile[],
  ): Promise<DocumentRow> {
    const drafting = this.#unitFor(
      actor,
      ['specialist', 'desk_officer', 'leader', 'secretariat'],
      undefined,
      'Chỉ cán bộ của đơn vị mới được soạn văn bản đi.',
    );
    const unit = input.unitCode ?? drafting;
    const known = await findUnitsByCodes(this.deps.db, [unit]);
    if (known.size === 0) throw bad('body.unitCode', `Không có đơn vị ${unit}.`, 'unit_unknown');
    // A department drafts for itself or for the body above it (a phòng drafts the city's
    // documents); never for a unit outside its own line.
    if (!(await unitLineage(this.deps.db, drafting)).includes(unit))
      throw new ForbiddenError(
        'Chỉ soạn văn bản đi cho đơn vị của mình hoặc cơ quan cấp trên trực tiếp quản lý.',
        'document_forbidden',
      );
    await this.#checkRecipients(input.recipients.units);
    if (input.signer.userId) await this.#checkSigner(input.signer.userId);
    return this.#inTx(async (trx) => {
      if (input.replyToId) await this.#requireReplyTarget(trx, actor, input.replyToId);
      const id = randomUUID();
      const content = contentOf(input);
      const row: NewDocument = {
        id,
        direction: 'outgoing',
        unit_code: unit,
        drafting_unit_code: drafting,
        status: 'draft',
        source: null,
        arrival_number: null,
        arrival_year: null,
        registered_at: null,
        code_number: null,
        code_notation: '',
        number_year: null,
        issuer_name: known.get(unit)!.name,
        issuer_organ_id: null,
        issued_on: null,
        type_code: input.typeCode,
        summary: content.summary,
        signer_name: input.signer.name,
        signer_position: input.signer.title,
        signer_user_id: input.signer.userId ?? null,
        urgency: input.urgency,
        confidentiality: 'normal',
        deadline: input.deadline ?? null,
        reply_to_id: input.replyToId ?? null,
        origin_id: null,
        leader_direction: null,
        content: JSON.stringify(content),
        review_step: null,
        review_flow: '[]',
        exchange: null,
        pdf_layout: null,
        search_text: searchTextOf([content.summary, ...content.paragraphs, input.signer.name]),
        created_by: actor.id,
        done_at: null,
      };
      await repo.insertDocument(trx, row);
      await repo.insertVersion(trx, {
        document_id: id,
        no: 1,
        content: JSON.stringify(content),
        author_id: actor.id,
        author_name: actor.name,
        comment: null,
      });
      await repo.insertAccess(
        trx,
        actor.id
          ? [{ document_id: id, unit_code: null, user_id: actor.id, reason: 'drafter' }]
          : [],
      );
      await this.#saveFiles(
        trx,
        actor,
        id,
        files.map((f) => ({ ...f, kind: 'attachment' as const })),
        1,
      );
      await repo.addWords(trx, row.search_text.split(' '));
      const d = (await repo.get(trx, id))!;
      await this.#record(trx, actor, d, 'draft', null, null, { version: 1 });
      return d;
    });
  }

  async #checkRecipients(units: string[]) {
    if (units.length === 0) return;
    const known = await findUnitsByCodes(this.deps.db, units);
    const unknown = units.filter((u) => !known.has(u));
    if (unknown.length > 0)
      throw bad(
        'body.recipients.units',
        `Không có đơn vị nhận: ${unknown.join(', ')}.`,
        'recipient_unknown',
      );
  }

  async #checkSigner(userId: string) {
    if ((await findAccountsByIds(this.deps.db, [userId])).size === 0)
      throw bad('body.signer.userId', 'Không tìm thấy người ký.', 'signer_unknown');
  }

  /**
   * One action on a document (POST /documents/{id}/actions): 404 when the caller may not see
   * it, 409 `version_conflict` on a stale version, 409 `action_not_allowed` when the document's
   * status does not allow it, 403 when the caller's relation to it does not.
   */
  async act(
    actor: Actor,
    id: string,
    input: DocumentActionInput,
    hooks: ActionHooks = {},
  ): Promise<DocumentRow> {
    return this.#inTx(async (trx) => {
      const d = await repo.get(trx, id, true);
      if (!d) throw documentNotFound();
      const assignments = await repo.assignments(trx, id);
      const rel = await relationsTo(trx, actor, d, assignments, await repo.access(trx, id));
      if (!rel.has('reader')) throw documentNotFound();
      if (input.version !== d.version)
        throw new ConflictError(
          'Văn bản đã được người khác cập nhật; tải lại để xem bản mới nhất.',
          'version_conflict',
        );
      const t = transitionOf(d.direction, input.action);
      if (!t || !t.from.includes(d.status))
        throw new ConflictError(
          'Thao tác này không thực hiện được ở trạng thái hiện tại của văn bản.',
          'action_not_allowed',
        );
      if (!allowedActions(d.direction, d.status, rel).includes(input.action))
        throw new ForbiddenError(
          'Bạn không có quyền thực hiện thao tác này với văn bản.',
          'document_action_forbidden',
        );
      const step = ACTIONS[input.action];
      const row = await step.call(this, trx, actor, d, input as never, hooks);
      if (hooks.after) await hooks.after(trx, actor, d, row, input.action);
      return row;
    });
  }

  /** Writes the document change, its event and audit row; 409 if the version moved meanwhile. */
  async apply(
    trx: Db,
    actor: Actor,
    d: DocumentRow,
    action: string,
    patch: Partial<Record<keyof DocumentRow, unknown>>,
    note: string | null,
    payload: Record<string, unknown> = {},
  ) {
    const row = await repo.update(trx, d.id, d.version, patch);
    if (!row)
      throw new ConflictError(
        'Văn bản đã được người khác cập nhật; tải lại để xem bản mới nhất.',
        'version_conflict',
      );
    await this.#record(trx, actor, row, action, d.status, note, payload);
    return row;
  }

  /** Saves files produced for a document (drafts, signed PDFs, packages). */
  saveFiles(
    trx: Db,
    actor: Actor,
    documentId: string,
    files:
      | (IncomingFile & { kind?: never })[]
      | {
          name: string;
          contentType: string;
          bytes: Buffer;
          kind: 'draft_docx' | 'draft_pdf' | 'signed_pdf' | 'edxml';
        }[],
    draftVersion: number | null = null,
  ) {
    return this.#saveFiles(trx, actor, documentId, files as IncomingFile[], draftVersion);
  }
}

/** Steps that need more than the database: signing and issuing (documents.outgoing.ts). */
export interface ActionHooks {
  /** After every action, in its transaction (edXML notices and packages, documents.exchange.ts). */
  after?: (
    trx: Db,
    actor: Actor,
    before: DocumentRow,
    after: DocumentRow,
    action: string,
  ) => Promise<void>;
  sign?: (
    trx: Db,
    actor: Actor,
    d: DocumentRow,
  ) => Promise<{
    patch: Partial<Record<keyof DocumentRow, unknown>>;
    payload: Record<string, unknown>;
  }>;
  issue?: (
    trx: Db,
    actor: Actor,
    d: DocumentRow,
  ) => Promise<{
    patch: Partial<Record<keyof DocumentRow, unknown>>;
    payload: Record<string, unknown>;
    after?: (row: DocumentRow) => Promise<void>;
  }>;
}

export { formatDocumentNumber, numberSymbolOf, searchTextOf };
