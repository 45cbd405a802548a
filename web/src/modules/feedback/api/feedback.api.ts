// Calls of the feedback API (ratings, petitions, satisfaction indicators; docs/architecture.md).
import { apiRequest, type Page } from '../../../api/client.ts';

/** How the applicant proves the dossier is theirs (phone or citizen ID given at receipt). */
export interface Proof {
  phone?: string;
  citizenId?: string;
}

export type PetitionStatus = 'received' | 'accepted' | 'rejected' | 'answered';
export type PetitionAction = 'accept' | 'reject' | 'answer' | 'request_info';

/** The latest question the handling unit asked the petitioner, and the answer. */
export interface InfoRequest {
  question: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface RatingState {
  code: string;
  open: boolean;
  rating: { score: number; comment: string | null; createdAt: string } | null;
}

export interface ApplicantPetition {
  id: string;
  number: string;
  content: string;
  status: PetitionStatus;
  statusLabel: string;
  createdAt: string;
  dueAt: string;
  answer: string | null;
  answeredAt: string | null;
  infoRequest: InfoRequest | null;
}

export interface PetitionSummary {
  id: string;
  number: string;
  dossierId: string;
  dossierCode: string;
  procedureName: string;
  unitCode: string;
  status: PetitionStatus;
  statusLabel: string;
  content: string;
  createdAt: string;
  ackDueAt: string;
  dueAt: string;
  nextDueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

export interface PetitionDetail extends PetitionSummary {
  dossierStatus: string;
  hasPhone: boolean;
  contactEmail: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  outcome: 'on_time' | 'late' | 'open';
  version: number;
  allowedActions: PetitionAction[];
  infoDueAt: string;
  infoRequest: InfoRequest | null;
  events: {
    seq: number;
    at: string;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorName: string;
    reason: string | null;
  }[];
}

export interface StatsRow {
  unitCode: string | null;
  unitName: string;
  ratings: number;
  meanScore: number | null;
  satisfied: number;
  satisfiedRate: number | null;
  petitionsReceived: number;
  petitionsOnTime: number;
  petitionsLate: number;
  petitionsOpenOverdue: number;
  onTimeRate: number | null;
}

export interface StatsReply {
  from: string;
  to: string;
  items: StatsRow[];
  total: StatsRow;
}

const dossierPath = (code: string, tail: string) =>
  `/api/v1/public/dossiers/${encodeURIComponent(code)}/${tail}`;
const proofQuery = (p: Proof) => ({ phone: p.phone, citizenId: p.citizenId });

export const getRating = (code: string, proof: Proof, signal?: AbortSignal) =>
  apiRequest<RatingState>(dossierPath(code, 'rating'), {
    query: proofQuery(proof),
    signal,
    expectUnauthenticated: true,
  });

export const sendRating = (code: string, proof: Proof, score: number, comment: string) =>
  apiRequest<RatingState>(dossierPath(code, 'rating'), {
    method: 'POST',
    json: { ...proofQuery(proof), score, comment: comment.trim() || undefined },
    expectUnauthenticated: true,
  });

export const getMyPetitions = (code: string, proof: Proof, signal?: AbortSignal) =>
  apiRequest<{ items: ApplicantPetition[] }>(dossierPath(code, 'petitions'), {
    query: proofQuery(proof),
    signal,
    expectUnauthenticated: true,
  });

export const sendPetition = (code: string, proof: Proof, content: string, email: string) =>
  apiRequest<{ id: string; number: string; ackDueAt: string; dueAt: string }>(
    dossierPath(code, 'petitions'),
    {
      method: 'POST',
      json: {
        ...proofQuery(proof),
        content,
        contact: email.trim() ? { email: email.trim() } : undefined,
      },
      expectUnauthenticated: true,
    },
  );

export const answerInfo = (code: string, proof: Proof, id: string, answer: string) =>
  apiRequest<{ id: string; number: string; infoRequest: InfoRequest | null }>(
    dossierPath(code, `petitions/${encodeURIComponent(id)}/info`),
    { method: 'POST', json: { ...proofQuery(proof), answer }, expectUnauthenticated: true },
  );

export interface PetitionFilter {
  status?: PetitionStatus | '';
  overdue?: boolean;
  dueSoon?: boolean;
  cursor?: string | null;
}

/** Open petitions the deadline sweep marked overdue / due soon (updated every 10 minutes). */
export interface PetitionCounts {
  overdue: number;
  dueSoon: number;
}

export const listPetitions = (f: PetitionFilter, signal?: AbortSignal) =>
  apiRequest<Page<PetitionSummary> & { counts: PetitionCounts }>('/api/v1/dossier-petitions', {
    query: {
      status: f.status,
      overdue: f.overdue ? 'true' : undefined,
      dueSoon: f.dueSoon ? 'true' : undefined,
      cursor: f.cursor,
    },
    signal,
  });

export const getPetition = (id: string, signal?: AbortSignal) =>
  apiRequest<PetitionDetail>(`/api/v1/dossier-petitions/${encodeURIComponent(id)}`, { signal });

export const actOnPetition = (
  id: string,
  body: { action: PetitionAction; version: number; reason?: string; answer?: string },
) =>
  apiRequest<PetitionDetail>(`/api/v1/dossier-petitions/${encodeURIComponent(id)}/actions`, {
    method: 'POST',
    json: body,
  });

export const getStats = (q: { from?: string; to?: string }, signal?: AbortSignal) =>
  apiRequest<StatsReply>('/api/v1/dossier-feedback/stats', { query: q, signal });
