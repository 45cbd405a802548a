// Reading documents: one document with its history (every read logged), and the boxes
// (incoming, outgoing, "văn bản cần xử lý") with accent- and typo-forgiving search.
import {
  DOCUMENT_STATUS_LABELS,
  type DocumentDetailView,
  type DocumentSummaryView,
} from '@cqs/shared/documents/index';
import { searchTokens, withinOneEdit } from '@cqs/shared/procedures/index';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { cachedUnitDescendants, findUnitsByCodes, vnToday } from '../org/index.js';
import { readableDocument, scopeOf } from './documents.access.js';
import { type DocumentRow, documentsRepository as repo } from './documents.repository.js';
import { numberSymbolOf } from './documents.service.js';
import { allowedActions, INCOMING_FINAL } from './documents.states.js';
import { workFileRelation } from './documents.work-files.js';
import { workFilesRepository } from './documents.work-files.repository.js';

type Db = Kysely<Database>;
const CURSOR = [{ tag: 'docs' }, 'instant', 'uuid'] as const;

/** Past its deadline and not yet handled (incoming) or issued (outgoing). */
export function isOverdue(
  d: Pick<DocumentRow, 'direction' | 'status' | 'deadline'>,
  today: string,
): boolean {
  if (!d.deadline) return false;
  const open =
    d.direction === 'incoming'
      ? !INCOMING_FINAL.has(d.status)
      : d.status !== 'issued' && d.status !== 'withdrawn';
  return open && d.deadline < today;
}

/** The list view of a document. */
export function presentSummary(d: DocumentRow, today: string): DocumentSummaryView {
  return {
    id: d.id,
    direction: d.direction,
    unitCode: d.unit_code,
    status: d.status,
    statusLabel: DOCUMENT_STATUS_LABELS[d.status],
    typeCode: d.type_code,
    numberSymbol: numberSymbolOf(d),
    arrivalNumber: d.arrival_number,
    issuerName: d.issuer_name,
    issuedOn: d.issued_on,
    summary: d.summary,
    urgency: d.urgency,
    confidentiality: d.confidentiality,
    deadline: d.deadline,
    overdue: isOverdue(d, today),
    version: d.version,
    createdAt: new Date(d.created_at).toISOString(),
  };
}

/** One document as its reader sees it; the read is logged (issue 13 deliver 6). */
export async function documentDetail(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<DocumentDetailView> {
  const { d, assignments, rel } = await readableDocument(db, actor, id);
  await repo.insertRead(db, {
    document_id: id,
    user_id: actor.id,
    user_name: actor.name,
    read_at: clock.now(),
  });
  const [events, files, versions, signatures, replies, workFiles] = await Promise.all([
    repo.events(db, id),
    repo.files(db, id),
    repo.versions(db, id),
    repo.signatures(db, id),
    repo.replies(db, id),
    workFilesRepository.filesOf(db, id),
  ]);
  const seenFiles = [];
  for (const f of workFiles)
    if ((await workFileRelation(db, actor, f)).read)
      seenFiles.push({ id: f.id, code: f.code, title: f.title, status: f.status });
  const names = await findUnitsByCodes(
    db,
    assignments.map((a) => a.unit_code),
  );
  const today = vnToday(clock.now());
  return {
    ...presentSummary(d, today),
    source: d.source,
    issuerOrganId: d.issuer_organ_id,
    signerName: d.signer_name,
    signerPosition: d.signer_position,
    replyToId: d.reply_to_id,
    replies: replies.map((r) => ({
      id: r.id,
      summary: r.summary,
      numberSymbol: numberSymbolOf(r),
    })),
    leaderDirection: d.leader_direction,
    content: d.content,
    reviewStep: d.review_step,
    reviewSteps: d.review_flow,
    assignments: assignments.map((a) => ({
      role: a.role,
      unitCode: a.unit_code,
      unitName: names.get(a.unit_code)?.name ?? null,
      userId: a.user_id,
      userName: a.user_name,
      taskId: a.task_id,
      doneAt: a.done_at ? new Date(a.done_at).toISOString() : null,
    })),
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      name: f.name,
      contentType: f.content_type,
      size: f.size,
      sha256: f.sha256,
      createdAt: new Date(f.created_at).toISOString(),
    })),
    signatures: signatures.map((s) => ({
      ...(s.result as never as Record<string, never>),
      kind: s.kind,
      fileId: s.file_id,
      checkedAt: s.checked_at.toISOString(),
    })) as DocumentDetailView['signatures'],
    versions: versions.map((v) => ({
      no: v.no,
      authorName: v.author_name,
      createdAt: new Date(v.created_at).toISOString(),
      comment: v.comment,
    })),
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      occurredAt: e.occurred_at.toISOString(),
      note: e.note,
    })),
    workFiles: seenFiles,
    allowedActions: allowedActions(d.direction, d.status, rel),
  };
}

/**
 * The tsquery of a search: every word must match, as a prefix or within one typo of a word
 * some document has (document_word), all folded (no diacritics). Null when nothing is left.
 */
export async function searchQuery(db: Db, q: string): Promise<string | null> {
  const tokens = searchTokens(q)
    .map((t) => t.replace(/[^a-z0-9]/g, ''))
    .filter((t) => t.length > 0)
    .slice(0, 8);
  if (tokens.length === 0) return null;
  const parts: string[] = [];
  for (const t of tokens) {
    const alts = new Set([`${t}:*`]);
    if (t.length >= 4)
      for (const w of await repo.wordsNear(db, t)) if (withinOneEdit(t, w)) alts.add(w);
    parts.push(`(${[...alts].join(' | ')})`);
  }
  return parts.join(' & ');
}

/** The caller's box, newest first, 50 a page. */
export async function listDocuments(
  db: Db,
  clock: Clock,
  actor: Actor,
  q: {
    box: 'incoming' | 'outgoing' | 'todo';
    q?: string;
    from?: string;
    to?: string;
    status?: string;
    overdue?: boolean;
    unit?: string;
    cursor?: string;
    limit: number;
  },
) {
  const scope = await scopeOf(db, actor);
  const today = vnToday(clock.now());
  const after = q.cursor
    ? (([, createdAt, id]) => ({ createdAt, id }))(decodeCursor(q.cursor, CURSOR))
    : undefined;
  const tsquery = q.q ? await searchQuery(db, q.q) : null;
  if (q.q && !tsquery) return { items: [], nextCursor: null };
  const rows = await repo.list(db, {
    direction: q.box === 'todo' ? undefined : q.box,
    oversee: scope.oversee,
    staff: scope.staff,
    userId: actor.id,
    todo: q.box === 'todo' ? todoCondition(actor, scope.staff) : undefined,
    tsquery: tsquery ?? undefined,
    from: q.from,
    to: q.to,
    status: q.status,
    overdueBefore: q.overdue ? today : undefined,
    units: q.unit ? await cachedUnitDescendants(db, q.unit, actor.generations) : undefined,
    after,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((d) => presentSummary(d, today)),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor(['docs', new Date(last.created_at).toISOString(), last.id])
        : null,
  };
}

/** "Văn bản cần xử lý": what waits for this person's next step (documents.states.ts). */
function todoCondition(actor: Actor, staffUnits: string[]) {
  const at = (role: string) =>
    actor.roles.filter((g) => g.role === role && g.unitCode).map((g) => g.unitCode!);
  const clerk = at('secretariat');
  const leader = at('leader');
  const me = actor.id;
  const step = sql`(d.review_flow -> d.review_step ->> 'role')`;
  return sql<boolean>`(
    (d.direction = 'incoming' and d.unit_code = any(${clerk}::text[]) and d.status in ('received','registered'))
    or (d.direction = 'incoming' and d.unit_code = any(${leader}::text[]) and d.status in ('registered','proposed'))
    or (d.direction = 'incoming' and d.status in ('directed','in_progress') and exists (
      select 1 from document_assignment a where a.document_id = d.id and a.role in ('lead','support')
        and a.done_at is null and (a.user_id = ${me}::uuid or (a.user_id is null and a.unit_code = any(${staffUnits}::text[])))))
    or (d.direction = 'outgoing' and d.status = 'draft' and d.created_by = ${me}::uuid)
    or (d.direction = 'outgoing' and d.status = 'in_review' and (
      (${step} = 'office' and d.unit_code = any(${clerk}::text[]))
      or (${step} = 'leader' and d.unit_code = any(${leader}::text[]))
      or (${step} = 'department_head' and coalesce(d.drafting_unit_code, d.unit_code) = any(${leader}::text[]))))
    or (d.direction = 'outgoing' and d.status = 'approved' and (d.signer_user_id = ${me}::uuid
      or (d.signer_user_id is null and d.unit_code = any(${leader}::text[]))))
    or (d.direction = 'outgoing' and d.status = 'signed' and d.unit_code = any(${clerk}::text[])))`;
}
