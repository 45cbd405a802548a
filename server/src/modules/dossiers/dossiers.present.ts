import type { Role } from '../../platform/actor.js';
import type { DataKeyRing } from '../citizens/index.js';
import { openPersonalIds } from './dossiers.personal-ids.js';
import { type DossierFull, type EventRow, type FileRow, RUNNING } from './dossiers.repository.js';
import type { DossierView } from './dossiers.schemas.js';
import {
  ACTION_LABELS,
  allowedActions,
  type DossierAction,
  type DossierStatus,
  STATUS_LABELS,
} from './dossiers.states.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Overdue right now: the clock runs and the appointment has passed. */
export function isOverdue(row: { status: string; due_at: Date | string }, now: Date): boolean {
  return (RUNNING as readonly string[]).includes(row.status) && new Date(row.due_at) < now;
}

/** Marked due soon by the sweep and not yet overdue. */
export function isDueSoon(
  row: { status: string; due_at: Date | string; due_soon_at: Date | string | null },
  now: Date,
): boolean {
  return (
    row.due_soon_at !== null &&
    (RUNNING as readonly string[]).includes(row.status) &&
    !isOverdue(row, now)
  );
}

/** An event as the API shows it. */
export function presentEvent(e: EventRow) {
  return {
    seq: e.seq,
    at: new Date(e.occurred_at).toISOString(),
    action: e.action,
    actionLabel: ACTION_LABELS[e.action as DossierAction] ?? e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorName: e.actor_name,
    unitCode: e.unit_code,
    reason: e.reason,
    payload: e.payload,
  };
}

/** A file as the API shows it. */
export function presentFile(f: FileRow) {
  return {
    id: f.id,
    kind: f.kind,
    componentKey: f.component_key,
    filename: f.filename,
    mime: f.mime,
    size: Number(f.size),
    sha256: f.sha256,
    createdAt: new Date(f.created_at).toISOString(),
    // A result signed at the leader's approval (dossiers.signing.ts).
    signature: f.signed_at
      ? { signedAt: new Date(f.signed_at).toISOString(), signers: f.signers ?? [] }
      : null,
  };
}

/** The full dossier view for a caller holding `roles` over it. */
export function presentDossier(
  full: Pick<DossierFull, 'row' | 'events' | 'files' | 'unitName' | 'assignee'>,
  roles: Set<Role>,
  now: Date,
  keys: DataKeyRing | undefined,
): DossierView {
  const { row, events, files, unitName, assignee } = full;
  // Staff who see the dossier see its ID numbers in clear (stored encrypted).
  const clear = openPersonalIds(keys, row.id, row.applicant, row.form_data);
  const status = row.status as DossierStatus;
  return {
    id: row.id,
    code: row.code,
    procedure: { id: row.procedure_id, code: row.procedure_code, name: row.procedure_name },
    unitCode: row.unit_code,
    unitName,
    channel: row.channel,
    applicant: clear.applicant,
    formData: clear.formData,
    feesDue: Number(row.fees_due),
    status,
    statusLabel: STATUS_LABELS[status],
    receivedAt: iso(row.received_at)!,
    dueAt: iso(row.due_at)!,
    originalDueAt: iso(row.original_due_at)!,
    steps: row.step_plan as DossierView['steps'],
    pausedAt: iso(row.paused_at),
    pausedMinutes: Number(row.paused_minutes),
    extended: row.extended,
    completionRequests: row.completion_requests,
    dueSoon: isDueSoon(row, now),
    overdue: isOverdue(row, now),
    outcome: row.outcome,
    finishedAt: iso(row.finished_at),
    approvedAt: iso(row.approved_at),
    returnedAt: iso(row.returned_at),
    resultDelivery: row.result_delivery ?? null,
    resultSummary: row.result_summary,
    assignee: assignee
      ? { id: assignee.id, username: assignee.username, fullName: assignee.fullName }
      : null,
    version: row.version,
    events: events.map(presentEvent),
    files: files.map(presentFile),
    allowedActions: allowedActions(status, roles, {
      approved: row.approved_at !== null,
      extended: row.extended,
    }),
  };
}
