// Digital signatures on what the one-stop shop issues (issue 13 deliver 3: "the forms and results
// that leaders approve can be signed the same way" as official documents), through
// platform/signatures and the installation's SigningSetup (seal per unit, one-step signer per
// person, demo CA when no seal is configured):
// - forms 01–06 (Thông tư 03/2025/TT-VPCP), on request: the electronic copy sent to a citizen
//   (Nghị định 45/2020/NĐ-CP, administrative procedures done electronically) carries the unit's
//   organisation signature, the seal drawn over the form's signing space as Nghị định 30/2020
//   Phụ lục I draws it. Form 07, the register, is the unit's own workbook: never sent, not signed.
// - result files, at the leader's approval: each PDF result is signed by the approving leader
//   when they have a one-step signer, then sealed by the handling unit (ND 30 Phụ lục I: the
//   person, then the organisation; a file of its own carries an invisible organisation
//   signature). Each signature is an incremental update: the uploaded bytes stay an unchanged
//   prefix, and are kept as they were (dossier_file.unsigned_sha256).
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { PdfPlacement } from '../../platform/pdf/index.js';
import {
  demoSealImage,
  isoVietnam,
  type SigningSetup,
  sealOverSignatureBox,
  signPdf,
} from '../../platform/signatures/index.js';
import { findAccountsByIds } from '../identity/index.js';
import { cachedUnit } from '../org/index.js';
import type { SignatureImages } from '../signatures/index.js';
import type { DossierFull, FileRow, SignedFileWrite } from './dossiers.repository.js';
import type { DossierService } from './dossiers.service.js';

/** Why signing failed, in Vietnamese: the library's SignatureError detail, or a generic one. */
const whyNot = (e: unknown) =>
  (e instanceof AppError ? e.detail : 'lỗi không xác định khi ký số').replace(/\.$/, '');

/** A form sealed with the unit's organisation signature: visible over `box`, else invisible. */
export async function sealForm(
  signing: SigningSetup,
  images: SignatureImages,
  pdf: Buffer,
  box: PdfPlacement | null,
  unit: { code: string; name: string },
  place: string,
  now: Date,
): Promise<Buffer> {
  try {
    const provider = await signing.seal(unit);
    const lines = [`Ký bởi: ${unit.name}`, `Thời gian ký: ${isoVietnam(now)}`];
    // The unit's uploaded seal image (/van-ban/chu-ky-con-dau); the stand-in only in a demo installation.
    const seal =
      (await images.sealImage(unit.code)) ?? (signing.demo ? await demoSealImage() : null);
    const signed = await signPdf(pdf, provider, {
      appearance: box ? sealOverSignatureBox(box, seal, lines) : undefined,
      fieldName: 'ChuKyCoQuan',
      reason: 'Bản điện tử của phiếu một cửa',
      location: place,
      signingTime: now,
    });
    return Buffer.from(signed);
  } catch (e) {
    throw new AppError(
      'form_signing_failed',
      409,
      `Không ký số được bản điện tử của mẫu phiếu: ${whyNot(e)}. Hãy thử lại hoặc báo quản trị hệ thống.`,
    );
  }
}

/** One result file's signed version, written with the approval. */
export interface SignedResult extends SignedFileWrite {
  filename: string;
}

/**
 * Signs every PDF result file of a dossier for its approval by `actor`: the leader's signature
 * when they have a one-step signer, then the handling unit's seal (an approval is final:
 * states.ts refuses a second one and a send-back after it). Stores the signed
 * bytes and returns what the approval writes; a file that cannot be signed (damaged or
 * encrypted PDF, signing service down) is a 409 `result_signing_failed` and nothing is written.
 */
export async function signResults(
  svc: DossierService,
  db: Kysely<Database>,
  actor: Actor,
  full: DossierFull,
  now: Date,
): Promise<SignedResult[]> {
  const pdfs = full.files.filter((f) => f.kind === 'result' && f.mime === 'application/pdf');
  if (pdfs.length === 0) return [];
  const { signing, store } = svc.deps;
  const code = full.row.handling_unit_code;
  const unit = await cachedUnit(db, code, actor.generations);
  const unitName = unit?.fullName ?? unit?.name ?? code;
  const place = unit?.name ?? code;
  // The certificate names the leader as on their account, not their login.
  const fullName = actor.id
    ? ((await findAccountsByIds(db, [actor.id])).get(actor.id)?.fullName ?? actor.name)
    : actor.name;
  const out: SignedResult[] = [];
  for (const f of pdfs) {
    const unsignedSha256 = f.unsigned_sha256 ?? f.sha256;
    try {
      const person = await signing.person({ id: actor.id ?? 'system', name: fullName, unitName });
      const seal = await signing.seal({ code, name: unitName });
      const signers: string[] = [];
      let bytes: Uint8Array = store.get(unsignedSha256);
      // Field names are left to the library (the first free "ChuKy<n>"): an uploaded result may
      // already carry signatures, an issued official document its "ChuKyCoQuan".
      if (person) {
        bytes = await signPdf(bytes, person, {
          reason: 'Phê duyệt kết quả giải quyết hồ sơ',
          location: place,
          signingTime: now,
        });
        signers.push(await person.signerName());
      }
      bytes = await signPdf(bytes, seal, {
        reason: 'Kết quả giải quyết thủ tục hành chính',
        location: place,
        signingTime: now,
      });
      signers.push(await seal.signerName());
      const { sha256, size } = await store.put(Buffer.from(bytes));
      out.push({
        id: f.id,
        filename: f.filename,
        sha256,
        size,
        unsignedSha256,
        unsignedSize: Number(f.unsigned_size ?? f.size),
        signers,
      });
    } catch (e) {
      // Nothing is written yet: the approval fails as a whole and the dossier stays as it was.
      throw new AppError(
        'result_signing_failed',
        409,
        `Không ký số được tệp kết quả "${f.filename}": ${whyNot(e)}. Hồ sơ chưa được phê duyệt; hãy tải lên lại tệp kết quả (PDF không hỏng, không đặt mật khẩu) rồi phê duyệt lại.`,
        { fileId: f.id },
      );
    }
  }
  return out;
}

/** The files as they are after the approval wrote `signed` (for the action's answer). */
export function withSigned(
  files: FileRow[],
  signed: SignedResult[],
  at: Date,
  by: string | null,
): FileRow[] {
  return files.map((f) => {
    const s = signed.find((x) => x.id === f.id);
    return s
      ? {
          ...f,
          sha256: s.sha256,
          size: s.size,
          unsigned_sha256: s.unsignedSha256,
          unsigned_size: s.unsignedSize,
          signed_at: at,
          signed_by: by,
          signers: s.signers,
        }
      : f;
  });
}
