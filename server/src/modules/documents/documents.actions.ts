// The handlers of POST /documents/{id}/actions, one per action of documents.states.ts; the
// service checks the version, the status and the caller's relation before calling one, inside
// the action's transaction.
import {
  type DocumentActionInput,
  type DraftContent,
  REVIEW_STEP_LABELS,
} from '@cqs/shared/documents/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, ValidationError } from '../../platform/errors.js';
import { findAccountsByIds } from '../identity/index.js';
import { findUnitsByCodes, vnToday } from '../org/index.js';
import { type DocumentRow, documentsRepository as repo } from './documents.repository.js';
import type { ActionHooks, DocumentService } from './documents.service.js';
import { numberSymbolOf, searchTextOf } from './documents.text.js';

type Db = Kysely<Database>;

const bad = (path: string, message: string, code: string) =>
  new ValidationError(message, [{ path, message }], code);

/** The default approval flow when a unit has none for the type: the office, then the leader. */
export const DEFAULT_REVIEW_FLOW = [
  { role: 'office', label: REVIEW_STEP_LABELS.office },
  { role: 'leader', label: REVIEW_STEP_LABELS.leader },
];

/** The content of a draft, NFC. */
export function contentOf(input: DraftContent): DraftContent {
  const nfc = (s: string) => s.normalize('NFC');
  return {
    summary: nfc(input.summary),
    paragraphs: input.paragraphs.map(nfc).filter((p) => p.length > 0),
    signer: {
      ...input.signer,
      title: nfc(input.signer.title),
      name: nfc(input.signer.name),
      authority: input.signer.authority ? nfc(input.signer.authority) : null,
    },
    recipients: { ...input.recipients, places: input.recipients.places.map(nfc) },
  };
}

type Handler<A extends DocumentActionInput['action']> = (
  this: DocumentService,
  trx: Db,
  actor: Actor,
  d: DocumentRow,
  input: Extract<DocumentActionInput, { action: A }>,
  hooks: ActionHooks,
) => Promise<DocumentRow>;

export const ACTIONS: { [A in DocumentActionInput['action']]: Handler<A> } = {
  async register(trx, actor, d) {
    const now = this.deps.clock.now();
    const year = Number(vnToday(now).slice(0, 4));
    const n = await repo.nextNumber(trx, {
      unit: d.unit_code,
      direction: 'incoming',
      year,
      series: 'all',
    });
    return this.apply(
      trx,
      actor,
      d,
      'register',
      { status: 'registered', arrival_number: n, arrival_year: year, registered_at: now },
      null,
      { arrivalNumber: n },
    );
  },
  async propose(trx, actor, d, i) {
    return this.apply(trx, actor, d, 'propose', { status: 'proposed' }, i.note);
  },
  async direct(trx, actor, d, i) {
    const leads = i.assignments.filter((a) => a.role === 'lead');
    if (leads.length !== 1)
      throw bad(
        'body.assignments',
        'Phân công đúng một đơn vị hoặc người chủ trì.',
        'lead_required',
      );
    const units = await findUnitsByCodes(
      trx,
      i.assignments.map((a) => a.unitCode),
    );
    const unknown = i.assignments.filter((a) => !units.has(a.unitCode)).map((a) => a.unitCode);
    if (unknown.length > 0)
      throw bad('body.assignments', `Không có đơn vị: ${unknown.join(', ')}.`, 'unit_unknown');
    const people = await findAccountsByIds(
      trx,
      i.assignments.flatMap((a) => (a.userId ? [a.userId] : [])),
    );
    for (const a of i.assignments)
      if (a.userId && !people.has(a.userId))
        throw bad('body.assignments', 'Không tìm thấy người được phân công.', 'assignee_unknown');
    // A new direction replaces the open assignments; their tasks are cancelled with the reason.
    const previous = await repo.deleteOpenAssignments(trx, d.id);
    const oldTasks = previous.flatMap((a) => (a.task_id ? [a.task_id] : []));
    if (oldTasks.length > 0)
      await this.deps.tasks.cancelForSource(
        trx as never,
        actor,
        oldTasks,
        'Lãnh đạo phân công lại việc xử lý văn bản.',
      );
    const deadline = i.deadline ?? d.deadline;
    const lead = leads[0]!;
    const support = i.assignments.filter((a) => a.role === 'support');
    // The directive becomes a task of the lead (tasks module), with its deadline moved onto a
    // working day; supporting units follow it as the task's supporting units.
    const label = `${numberSymbolOf(d) ?? ''} ${d.summary}`.trim().slice(0, 500);
    const [task] = await this.deps.tasks.createMany(
      actor,
      [
        {
          content: `Xử lý văn bản: ${d.summary}. Ý kiến chỉ đạo: ${i.direction}`.slice(0, 4000),
          source: { type: 'document', id: d.id, label },
          assignedByUnitCode: d.unit_code,
          leadUnitCode: lead.unitCode,
          supportUnitCodes: support.map((s) => s.unitCode),
          responsibleId: lead.userId ?? null,
          deadline: deadline ? { on: deadline } : { ongoing: true },
        },
      ],
      { trx: trx as never, authorize: false },
    );
    await repo.insertAssignments(
      trx,
      i.assignments.map((a) => ({
        document_id: d.id,
        role: a.role,
        unit_code: a.unitCode,
        user_id: a.userId ?? null,
        user_name: a.userId ? (people.get(a.userId)?.fullName ?? null) : null,
        task_id: a === lead ? (task?.id ?? null) : null,
        done_at: null,
      })),
    );
    await repo.insertAccess(
      trx,
      i.assignments.map((a) =>
        a.userId
          ? { document_id: d.id, unit_code: null, user_id: a.userId, reason: 'assigned' as const }
          : {
              document_id: d.id,
              unit_code: a.unitCode,
              user_id: null,
              reason: 'assigned' as const,
            },
      ),
    );
    return this.apply(
      trx,
      actor,
      d,
      'direct',
      {
        status: 'directed',
        leader_direction: i.direction.normalize('NFC'),
        deadline: task?.deadline_on ?? deadline ?? null,
      },
      i.direction,
      {
        assignments: i.assignments,
        taskId: task?.id ?? null,
        deadline: task?.deadline_on ?? null,
      },
    );
  },
  async start(trx, actor, d) {
    return this.apply(trx, actor, d, 'start', { status: 'in_progress' }, null);
  },
  async complete(trx, actor, d, i) {
    const now = this.deps.clock.now();
    // The handler files it in their work file (hồ sơ công việc, ND30 Điều 28) as they finish.
    if (i.workFileId) await this.workFiles!.fileDocument(trx, actor, i.workFileId, d.id);
    const tasks = (await repo.assignments(trx, d.id)).flatMap((a) =>
      a.task_id && !a.done_at ? [a.task_id] : [],
    );
    await repo.markAssignmentsDone(trx, d.id, now);
    if (tasks.length > 0)
      await this.deps.tasks.finishForSource(
        trx as never,
        actor,
        tasks,
        i.note ?? 'Đã xử lý xong văn bản.',
      );
    return this.apply(trx, actor, d, 'complete', { status: 'done', done_at: now }, i.note ?? null);
  },
  async return(trx, actor, d, i) {
    return this.apply(
      trx,
      actor,
      d,
      'return',
      { status: 'returned', done_at: this.deps.clock.now() },
      i.reason,
    );
  },
  async revise(trx, actor, d, i) {
    const content = contentOf(i.content);
    const versions = await repo.versions(trx, d.id);
    const no = (versions[versions.length - 1]?.no ?? 0) + 1;
    await repo.insertVersion(trx, {
      document_id: d.id,
      no,
      content: JSON.stringify(content),
      author_id: actor.id,
      author_name: actor.name,
      comment: i.comment ?? null,
    });
    const search = searchTextOf([content.summary, ...content.paragraphs, content.signer.name]);
    await repo.addWords(trx, search.split(' '));
    return this.apply(
      trx,
      actor,
      d,
      'revise',
      {
        content: JSON.stringify(content),
        summary: content.summary,
        signer_name: content.signer.name,
        signer_position: content.signer.title,
        signer_user_id: content.signer.userId ?? null,
        search_text: search,
      },
      i.comment ?? null,
      { draftVersion: no },
    );
  },
  async submit(trx, actor, d, i) {
    const flow = (await repo.reviewFlow(trx, d.unit_code, d.type_code)) ?? DEFAULT_REVIEW_FLOW;
    return this.apply(
      trx,
      actor,
      d,
      'submit',
      { status: 'in_review', review_step: 0, review_flow: JSON.stringify(flow) },
      i.comment ?? null,
      { step: flow[0]?.role },
    );
  },
  async approve(trx, actor, d, i) {
    // A reviewer keeps reading the draft after their step (a department head is not among the
    // issuing unit's overseers): document_access remembers them.
    const mine = await repo.access(trx, d.id);
    if (actor.id && !mine.some((x) => x.user_id === actor.id && x.reason === 'reviewer'))
      await repo.insertAccess(trx, [
        { document_id: d.id, unit_code: null, user_id: actor.id, reason: 'reviewer' },
      ]);
    const next = (d.review_step ?? 0) + 1;
    const last = next >= d.review_flow.length;
    return this.apply(
      trx,
      actor,
      d,
      'approve',
      last ? { status: 'approved', review_step: null } : { review_step: next },
      i.comment ?? null,
      {
        step: d.review_flow[d.review_step ?? 0]?.role,
        next: last ? null : d.review_flow[next]?.role,
      },
    );
  },
  async reject(trx, actor, d, i) {
    return this.apply(trx, actor, d, 'reject', { status: 'draft', review_step: null }, i.comment, {
      step: d.review_step,
    });
  },
  async sign(trx, actor, d, _i, hooks) {
    if (!hooks.sign)
      throw new ConflictError('Chưa cấu hình ký số trên máy chủ.', 'signing_unavailable');
    const { patch, payload } = await hooks.sign(trx, actor, d);
    return this.apply(trx, actor, d, 'sign', { status: 'signed', ...patch }, null, payload);
  },
  async issue(trx, actor, d, _i, hooks) {
    if (!hooks.issue)
      throw new ConflictError('Chưa cấu hình phát hành văn bản.', 'issuing_unavailable');
    const { patch, payload, after } = await hooks.issue(trx, actor, d);
    const row = await this.apply(
      trx,
      actor,
      d,
      'issue',
      { status: 'issued', ...patch },
      null,
      payload,
    );
    if (after) await after(row);
    return row;
  },
  async comment(trx, actor, d, i) {
    return this.apply(trx, actor, d, 'comment', {}, i.text);
  },
  async share(trx, actor, d, i) {
    if (i.unitCodes.length + i.userIds.length === 0)
      throw bad('body', 'Chọn đơn vị hoặc người để chia sẻ.', 'share_empty');
    const units = await findUnitsByCodes(trx, i.unitCodes);
    const unknown = i.unitCodes.filter((u) => !units.has(u));
    if (unknown.length > 0)
      throw bad('body.unitCodes', `Không có đơn vị: ${unknown.join(', ')}.`, 'unit_unknown');
    const people = await findAccountsByIds(trx, i.userIds);
    if (people.size !== new Set(i.userIds).size)
      throw bad('body.userIds', 'Không tìm thấy người được chia sẻ.', 'user_unknown');
    await repo.insertAccess(trx, [
      ...i.unitCodes.map((u) => ({
        document_id: d.id,
        unit_code: u,
        user_id: null,
        reason: 'shared' as const,
      })),
      ...[...new Set(i.userIds)].map((u) => ({
        document_id: d.id,
        unit_code: null,
        user_id: u,
        reason: 'shared' as const,
      })),
    ]);
    return this.apply(trx, actor, d, 'share', {}, null, {
      unitCodes: i.unitCodes,
      userIds: i.userIds,
    });
  },
};
