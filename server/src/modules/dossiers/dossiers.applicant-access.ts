// How someone who is not staff proves a dossier is theirs without signing in: the dossier code
// (on form 01, in the SMS) plus the phone number or the citizen ID (CCCD) given at receipt.
// The public tracking page, payments and ratings/petitions all use this one check.
import { canonicalPhone } from '@cqs/shared/vn/index';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DossierStatus } from './dossiers.states.js';

/** What the applicant's own pages may know of a dossier (no personal data). */
type Db = Kysely<Database>;

export interface ApplicantDossierRef {
  id: string;
  code: string;
  procedureId: string;
  procedureCode: string;
  procedureName: string;
  unitCode: string;
  handlingUnitCode: string;
  channel: 'direct' | 'online' | 'postal';
  status: DossierStatus;
  feesDue: number;
  receivedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  returnedAt: Date | null;
  resultFileId: string | null;
}

/** The applicant's proof: a phone, or a 12-digit citizen ID (one of them). */
export interface ApplicantProof {
  phone?: string | null;
  citizenId?: string | null;
}

/**
 * The dossier with this code whose applicant gave this phone or citizen ID, or null —
 * callers answer 404 either way, so a code cannot be probed for existence.
 */
export async function dossierForApplicant(
  db: Db,
  code: string,
  proof: ApplicantProof,
): Promise<ApplicantDossierRef | null> {
  const phone = proof.phone ? canonicalPhone(proof.phone) : null;
  const citizenId = proof.citizenId?.trim() || null;
  if (!phone && !(citizenId && /^\d{12}$/.test(citizenId))) return null;
  let q = db
    .selectFrom('dossier')
    .select([
      'id',
      'code',
      'procedure_id',
      'procedure_code',
      'procedure_name',
      'unit_code',
      'handling_unit_code',
      'channel',
      'status',
      'fees_due',
      'received_at',
      'due_at',
      'finished_at',
      'returned_at',
      'result_file_id',
    ])
    .where('code', '=', code.trim());
  q = phone
    ? q.where('applicant_phone', '=', phone)
    : q.where(sql<string>`applicant->>'citizenId'`, '=', citizenId);
  const r = await q.executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    code: r.code,
    procedureId: r.procedure_id,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    unitCode: r.unit_code,
    handlingUnitCode: r.handling_unit_code,
    channel: r.channel,
    status: r.status as DossierStatus,
    feesDue: Number(r.fees_due),
    receivedAt: new Date(r.received_at),
    dueAt: new Date(r.due_at),
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
    returnedAt: r.returned_at ? new Date(r.returned_at) : null,
    resultFileId: r.result_file_id,
  };
}
