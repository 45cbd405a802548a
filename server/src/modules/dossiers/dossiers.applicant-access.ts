// How someone who is not staff proves a dossier is theirs without signing in: the dossier code
// (on form 01, in the SMS) plus the phone number or the citizen ID (CCCD) given at receipt.
// The public tracking page, payments and ratings/petitions all use this one check.
import { canonicalPhone } from '@cqs/shared/vn/index';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { citizenIdHashes, openPersonalIds, personalIdKeys } from './dossiers.personal-ids.js';
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
  /** The result file carries the digital signatures of the approval (leader, unit seal). */
  resultSigned: boolean;
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
  let q = refSelect(db).where('code', '=', code.trim());
  if (phone) q = q.where('applicant_phone', '=', phone);
  else {
    // The stored ID is encrypted: match its keyed hash (older rows: the plain value).
    const ring = personalIdKeys(db);
    const hashes = ring ? citizenIdHashes(ring, citizenId!) : [];
    q = q.where((eb) =>
      eb.or([
        ...(hashes.length ? [eb('applicant_id_hmac', 'in', hashes)] : []),
        eb.and([
          eb('applicant_id_hmac', 'is', null),
          eb(sql<string>`applicant->>'citizenId'`, '=', citizenId),
        ]),
      ]),
    );
  }
  const r = await q.executeTakeFirst();
  return r ? toRef(r) : null;
}

function refSelect(db: Db) {
  return db.selectFrom('dossier').select([
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
    sql<boolean>`exists (select 1 from dossier_file f
        where f.id = dossier.result_file_id and f.signed_at is not null)`.as('result_signed'),
  ]);
}

type RefRow = Awaited<ReturnType<ReturnType<typeof refSelect>['executeTakeFirstOrThrow']>>;

function toRef(r: RefRow): ApplicantDossierRef {
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
    resultSigned: Boolean(r.result_signed),
  };
}

/** The dossiers with these ids (the portal lists a citizen's own submissions by id). */
export async function dossierRefsByIds(db: Db, ids: string[]): Promise<ApplicantDossierRef[]> {
  if (ids.length === 0) return [];
  return (await refSelect(db).where('id', 'in', ids).execute()).map(toRef);
}

/** The dossier with this code, for a caller that checks ownership itself (the portal). */
export async function dossierRefByCode(db: Db, code: string): Promise<ApplicantDossierRef | null> {
  const r = await refSelect(db).where('code', '=', code.trim()).executeTakeFirst();
  return r ? toRef(r) : null;
}

/** The dossier a submission with this Idempotency-Key created, if that citizen created it. */
export async function dossierRefByIdempotencyKey(
  db: Db,
  key: string,
  createdBy: string,
): Promise<ApplicantDossierRef | null> {
  const r = await refSelect(db)
    .where('idempotency_key', '=', key)
    .where('created_by', '=', createdBy)
    .executeTakeFirst();
  return r ? toRef(r) : null;
}

/** A file the applicant brings to a new dossier, already in the file store. */
export interface ApplicantFile {
  componentKey: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
}

/** Attaches the applicant's files to a dossier being received (inside its transaction). */
export async function insertApplicantFiles(
  trx: Db,
  dossierId: string,
  uploadedBy: string | null,
  files: ApplicantFile[],
): Promise<void> {
  if (files.length === 0) return;
  await trx
    .insertInto('dossier_file')
    .values(
      files.map((f) => ({
        dossier_id: dossierId,
        kind: 'attachment' as const,
        component_key: f.componentKey,
        filename: f.filename,
        mime: f.mime,
        size: f.size,
        sha256: f.sha256,
        uploaded_by: uploadedBy,
      })),
    )
    .execute();
}

/** The electronic result files of these dossiers, once the result has been returned. */
export async function returnedResultFiles(
  db: Db,
  dossierIds: string[],
): Promise<
  (Omit<ApplicantFile, 'componentKey'> & {
    dossierId: string;
    code: string;
    procedureName: string;
    returnedAt: Date;
  })[]
> {
  if (dossierIds.length === 0) return [];
  const rows = await db
    .selectFrom('dossier as d')
    // Joined on the dossier too: a result file is only ever one of the dossier's own
    // result files, even if a row pointed elsewhere (defence in depth; actions check it).
    .innerJoin('dossier_file as f', (j) =>
      j
        .onRef('f.id', '=', 'd.result_file_id')
        .onRef('f.dossier_id', '=', 'd.id')
        .on('f.kind', '=', 'result'),
    )
    .select([
      'd.id',
      'd.code',
      'd.procedure_name',
      'd.returned_at',
      'f.filename',
      'f.mime',
      'f.size',
      'f.sha256',
    ])
    .where('d.id', 'in', dossierIds)
    .where('d.status', '=', 'returned')
    .execute();
  return rows.map((r) => ({
    dossierId: r.id,
    code: r.code,
    procedureName: r.procedure_name,
    returnedAt: new Date(r.returned_at!),
    filename: r.filename,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
  }));
}

/** A dossier's form data (the portal prefills a citizen's next submission from their last). */
export async function dossierFormData(
  db: Db,
  id: string,
): Promise<Record<string, Record<string, unknown>> | null> {
  const r = await db
    .selectFrom('dossier')
    .select('form_data')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const formData = r.form_data as Record<string, Record<string, unknown>>;
  return openPersonalIds(personalIdKeys(db), id, null, formData).formData;
}

/** The phone and citizen ID the applicant gave (shown only to that applicant, signed in). */
export async function applicantProofOf(
  db: Db,
  id: string,
): Promise<{ phone: string | null; citizenId: string | null }> {
  const r = await db
    .selectFrom('dossier')
    .select(['applicant_phone', sql<string | null>`applicant->>'citizenId'`.as('citizen_id')])
    .where('id', '=', id)
    .executeTakeFirst();
  const citizenId = r?.citizen_id
    ? (openPersonalIds(personalIdKeys(db), id, { citizenId: r.citizen_id }, {}).applicant
        .citizenId as string)
    : null;
  return { phone: r?.applicant_phone ?? null, citizenId };
}
