// Signing with a USB token (ký số bằng thiết bị, issue 13 deliver 3): the signer's key never
// leaves the token, so the server prepares the PDF (the ND30 layout with the signature image
// in its place and an empty signature), hands out the SHA-256 of its byte ranges, and keeps the
// prepared file; the local signing app returns a CMS over it; the server checks that the CMS
// covers exactly these bytes, embeds it, and runs the sign action. A session lives 30 minutes
// and is tied to the document's version and the signer.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.js';
import { deferredProvider } from '../../platform/signatures/index.js';
import { readableDocument } from './documents.access.js';
import { type DocumentRow, documentsRepository as repo } from './documents.repository.js';
import type { DocumentService } from './documents.service.js';
import { allowedActions } from './documents.states.js';

type Db = Kysely<Database>;
const SESSION_MINUTES = 30;

const sessionGone = () =>
  new NotFoundError(
    'Phiên ký không còn hiệu lực; hãy bắt đầu ký lại.',
    'signing_session_not_found',
  );

/** The document if the actor may sign it now (404 when they may not see it, 403/409 otherwise). */
async function signable(db: Db, actor: Actor, id: string, version: number): Promise<DocumentRow> {
  const { d, rel } = await readableDocument(db, actor, id);
  if (d.version !== version)
    throw new ConflictError(
      'Văn bản đã được người khác cập nhật; tải lại để xem bản mới nhất.',
      'version_conflict',
    );
  if (d.direction !== 'outgoing' || d.status !== 'approved')
    throw new ConflictError(
      'Thao tác này không thực hiện được ở trạng thái hiện tại của văn bản.',
      'action_not_allowed',
    );
  if (!allowedActions(d.direction, d.status, rel).includes('sign'))
    throw new ForbiddenError(
      'Bạn không có quyền thực hiện thao tác này với văn bản.',
      'document_action_forbidden',
    );
  return d;
}

/** Starts a token signing: the prepared PDF is kept, its hash handed out. */
export async function beginTokenSigning(
  svc: DocumentService,
  actor: Actor,
  id: string,
  version: number,
) {
  const { db, clock, store } = svc.deps;
  const d = await signable(db, actor, id, version);
  const p = await svc.outgoing!.prepareForSigner(db, d);
  const now = clock.now();
  const session = await deferredProvider().begin(p.pdf, {
    appearance: p.appearance,
    fieldName: 'ChuKyNguoiKy',
    reason: 'Ký ban hành văn bản',
    location: p.place,
    signerName: actor.name,
    signingTime: now,
  });
  const { sha256 } = await store.put(Buffer.from(session.prepared));
  const row = {
    id: randomUUID(),
    document_id: d.id,
    user_id: actor.id,
    document_version: d.version,
    prepared_sha256: sha256,
    byte_range: JSON.stringify(session.byteRange),
    hash: session.hash,
    created_at: now,
    expires_at: new Date(now.getTime() + SESSION_MINUTES * 60_000),
    completed_at: null,
  };
  await repo.insertSigningSession(db, { ...row, pdf_layout: JSON.stringify(p.pdfLayout) });
  return {
    sessionId: row.id,
    hash: session.hash,
    hashAlgorithm: session.hashAlgorithm,
    byteRange: session.byteRange,
    expiresAt: row.expires_at.toISOString(),
  };
}

async function openSession(db: Db, actor: Actor, id: string, sessionId: string, now: Date) {
  const s = await repo.signingSession(db, id, sessionId);
  if (!s || s.user_id !== actor.id || s.completed_at || s.expires_at < now) throw sessionGone();
  return s;
}

/** The prepared PDF of a session (the signing app may show it before signing). */
export async function tokenSigningPdf(
  svc: DocumentService,
  actor: Actor,
  id: string,
  sessionId: string,
): Promise<Buffer> {
  const s = await openSession(svc.deps.db, actor, id, sessionId, svc.deps.clock.now());
  return svc.deps.store.get(s.prepared_sha256);
}

/**
 * A document signed with a certificate that no configured certification authority vouches
 * for, that had expired at signing, or that its CA revoked, has no legal force (Luật Giao dịch
 * điện tử 2023 Điều 23; Nghị định 130/2018/NĐ-CP, now 23/2025/NĐ-CP: a digital signature is
 * valid only under a valid certificate of a licensed provider): it is refused, not kept as
 * "signed" for the office to issue. Only where the installation has trust anchors at all
 * (SIGNING_TRUST_ANCHORS, or the demo CA): without them nothing could be checked.
 */
async function requireTrustedCertificate(svc: DocumentService, signed: Uint8Array) {
  const anchors = await svc.outgoing!.signing.trustAnchors();
  if (anchors.length === 0) return;
  const reports = await svc.outgoing!.verify(signed);
  const mine = reports.at(-1);
  if (!mine) return; // complete() already refused a CMS that does not cover the bytes
  const who = mine.signer ? `"${mine.signer}"` : 'dùng để ký';
  if (mine.revocation === 'revoked')
    throw new ConflictError(
      `Chứng thư số ${who} đã bị tổ chức chứng thực thu hồi; văn bản chưa được ký. Hãy dùng chứng thư số còn hiệu lực.`,
      'token_certificate_revoked',
    );
  if (!mine.trusted || mine.chain !== 'valid')
    throw new ConflictError(
      `Chứng thư số ${who} không do tổ chức cung cấp dịch vụ chứng thực chữ ký số được hệ thống tin cậy cấp; văn bản chưa được ký. Hãy ký bằng chứng thư số do Ban Cơ yếu Chính phủ hoặc tổ chức chứng thực công cộng cấp, hoặc báo quản trị hệ thống bổ sung tổ chức chứng thực vào danh sách tin cậy.`,
      'token_certificate_untrusted',
    );
  if (!mine.validAtSigningTime)
    throw new ConflictError(
      `Chứng thư số ${who} không còn hiệu lực tại thời điểm ký; văn bản chưa được ký. Hãy gia hạn hoặc dùng chứng thư số khác.`,
      'token_certificate_expired',
    );
}

/** Completes a token signing with the app's CMS (base64 DER): checked, embedded, then signed. */
export async function completeTokenSigning(
  svc: DocumentService,
  actor: Actor,
  id: string,
  sessionId: string,
  cmsBase64: string,
) {
  const { db, clock, store } = svc.deps;
  const s = await openSession(db, actor, id, sessionId, clock.now());
  const cms = Buffer.from(cmsBase64, 'base64');
  if (cms.length < 64)
    throw new ValidationError(
      'Dữ liệu chữ ký số (CMS) trống hoặc quá ngắn.',
      [{ path: 'body.cms', message: 'Gửi chữ ký CMS dạng base64.' }],
      'cms_malformed',
    );
  const signed = await deferredProvider().complete(
    new Uint8Array(store.get(s.prepared_sha256)),
    new Uint8Array(cms),
  );
  await requireTrustedCertificate(svc, signed);
  return svc.act(
    actor,
    id,
    { action: 'sign', version: s.document_version },
    {
      ...svc.hooks,
      sign: async (trx, a, d) => {
        const out = await svc.outgoing!.keepSigned(trx, a, d, signed, s.pdf_layout);
        await repo.completeSigningSession(trx, s.id, clock.now());
        return { ...out, payload: { ...out.payload, device: 'token' } };
      },
    },
  );
}
