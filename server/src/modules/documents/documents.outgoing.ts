// Outgoing documents from draft to issue (issue 13 deliver 2–3): the draft rendered in the
// Nghị định 30/2020 layout (.docx and PDF); the signer's digital signature on the PDF; then
// the clerical office's one act of issuing (ND30 Điều 16, electronic documents): the number
// from the outgoing register, the number and date written onto the signed PDF and the
// organisation's digital signature (the seal) over it, in one incremental update so the
// signer's signature stays valid; then the sending — at once to units on this platform (they
// receive it as an incoming document waiting in their clerk's inbox), and as edXML to bodies
// outside (documents.exchange.ts).
import { formatDocumentNumber } from '@cqs/shared/documents/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { renderOfficialDocx } from '../../platform/docx/index.js';
import { ConflictError } from '../../platform/errors.js';
import { formatNd30Date, renderOfficialPdf } from '../../platform/pdf/index.js';
import {
  fitImage,
  isoVietnam,
  type SignatureAppearance,
  sealOverSignatureBox,
  signPdf,
  verifyPdfSignatures,
} from '../../platform/signatures/index.js';
import { findAccountsByIds } from '../identity/index.js';
import { cachedUnit, vnToday } from '../org/index.js';
import { SignatureImages } from '../signatures/index.js';
import { layoutOf, placeOf, symbolOf, type UnitFacts } from './documents.layout.js';
import { type DocumentRow, documentsRepository as repo } from './documents.repository.js';
import type { ActionHooks, DocumentService } from './documents.service.js';
import { demoSealImage, demoSignatureImage, type SigningSetup } from './documents.signing.js';
import type { PdfLayout } from './documents.tables.js';

type Db = Kysely<Database>;

const noContent = () =>
  new ConflictError('Văn bản không có nội dung dự thảo.', 'document_no_content');

/** The issuing, parent and drafting units of a document. */
async function unitsOf(db: Db, d: DocumentRow) {
  const issuing = await cachedUnit(db, d.unit_code, undefined);
  const parent = issuing?.parentCode ? await cachedUnit(db, issuing.parentCode, undefined) : null;
  const drafting = d.drafting_unit_code
    ? await cachedUnit(db, d.drafting_unit_code, undefined)
    : null;
  const facts = (u: typeof issuing): UnitFacts | null =>
    u ? { name: u.name, kind: u.kind } : null;
  return {
    issuing: facts(issuing) ?? { name: d.issuer_name ?? d.unit_code, kind: 'agency' },
    issuingName: issuing?.fullName ?? issuing?.name ?? d.unit_code,
    parent: facts(parent),
    drafting: facts(drafting),
  };
}

/** The layout of an outgoing document as it stands (a draft, or numbered). */
async function layoutNow(
  db: Db,
  d: DocumentRow,
  opts: { draft: boolean; number?: string | null; date?: string | null },
) {
  if (!d.content) throw noContent();
  const u = await unitsOf(db, d);
  return {
    units: u,
    layout: layoutOf({
      typeCode: d.type_code as never,
      content: d.content,
      issuing: u.issuing,
      parent: u.parent,
      drafting: u.drafting,
      number: opts.number ?? null,
      date: opts.date ?? null,
      draft: opts.draft,
    }),
  };
}

/** A file name without diacritics or spaces. */
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Outgoing documents: drafts rendered, signed, issued. */
export class OutgoingDocuments {
  constructor(
    readonly svc: DocumentService,
    readonly signing: SigningSetup,
  ) {}

  get #db() {
    return this.svc.deps.db;
  }

  get #images() {
    return new SignatureImages({ db: this.svc.deps.db, store: this.svc.deps.store });
  }

  /**
   * The signer's handwritten-signature image (uploaded on /van-ban/chu-ky-con-dau), the demo's stand-in in a
   * demo installation, else none: a real installation never draws a made-up signature.
   */
  async #signerImage(d: DocumentRow, db: Db = this.#db): Promise<Buffer | null> {
    const own = d.signer_user_id ? await this.#images.personImage(d.signer_user_id, db) : null;
    if (own) return own;
    return this.signing.demo ? demoSignatureImage(d.signer_name ?? '') : null;
  }

  /** The unit's seal image, the demo's stand-in in a demo installation, else none. */
  async #sealImage(db: Db, unit: string): Promise<Buffer | null> {
    const own = await this.#images.sealImage(unit, db);
    if (own) return own;
    return this.signing.demo ? demoSealImage() : null;
  }

  /** The draft as .docx or PDF ("DỰ THẢO" while not yet signed). */
  async render(d: DocumentRow, format: 'pdf' | 'docx'): Promise<{ bytes: Buffer; name: string }> {
    const draft = d.status === 'draft' || d.status === 'in_review' || d.status === 'approved';
    const { layout } = await layoutNow(this.#db, d, {
      draft,
      number: d.code_number,
      date: d.issued_on,
    });
    const base = slug(
      `${d.code_number ? `${d.code_number}-${d.code_notation}` : 'du-thao'}-${d.summary}`,
    );
    if (format === 'docx') return { bytes: await renderOfficialDocx(layout), name: `${base}.docx` };
    return { bytes: (await renderOfficialPdf(layout)).pdf, name: `${base}.pdf` };
  }

  /** Verifies a PDF against the installation's trust anchors. */
  async verify(pdf: Uint8Array) {
    // Revocation is asked of the CA's OCSP responder or CRL when the certificate names one and
    // it answers within 3 s; otherwise the result says "unknown", never an error.
    return verifyPdfSignatures(pdf, {
      trustAnchors: await this.signing.trustAnchors(),
      checkRevocation: true,
      revocationTimeoutMs: 3000,
    });
  }

  /** Keeps each signature's verification with the document. */
  async #keepVerification(
    trx: Db,
    d: DocumentRow,
    fileId: string,
    pdf: Uint8Array,
    kinds: ('personal' | 'organisation')[],
  ) {
    const reports = await this.verify(pdf);
    const now = this.svc.deps.clock.now();
    for (const [i, r] of reports.entries()) {
      await repo.insertSignature(trx, {
        id: crypto.randomUUID(),
        document_id: d.id,
        file_id: fileId,
        kind: kinds[i] ?? 'organisation',
        signer: r.signer || null,
        signed_at: r.signedAt ? new Date(r.signedAt) : null,
        result: JSON.stringify(r),
        checked_at: now,
      });
    }
    return reports;
  }

  /** The PDF the signer signs: the layout without number and date, and where things go. */
  async prepareForSigner(db: Db, d: DocumentRow) {
    const { layout, units } = await layoutNow(db, d, { draft: false });
    const r = await renderOfficialPdf(layout);
    const pdfLayout: PdfLayout = {
      signatureBox: r.signatureBox,
      numberBox: r.numberBox,
      dateBox: r.dateBox,
    };
    const [x1, y1, x2, y2] = r.signatureBox.rect;
    const signerPng = await this.#signerImage(d, db);
    const appearance: SignatureAppearance = {
      page: r.signatureBox.page,
      rect: r.signatureBox.rect,
      images: signerPng ? [{ png: signerPng, rect: fitImage(signerPng, x2 - x1, y2 - y1) }] : [],
    };
    return {
      pdf: r.pdf,
      pdfLayout,
      appearance,
      place: placeOf(
        units.issuing.kind === 'agency' && units.parent ? units.parent : units.issuing,
      ),
    };
  }

  /** Stores the signer's signed PDF and its verification; the patch and payload of the sign action. */
  async keepSigned(
    trx: Db,
    actor: Actor,
    d: DocumentRow,
    signed: Uint8Array,
    pdfLayout: PdfLayout,
  ) {
    const [file] = await this.svc.saveFiles(trx, actor, d.id, [
      {
        name: `${slug(d.summary)}-da-ky.pdf`,
        contentType: 'application/pdf',
        bytes: Buffer.from(signed),
        kind: 'signed_pdf',
      },
    ]);
    const [report] = await this.#keepVerification(trx, d, file!.id, signed, ['personal']);
    return {
      patch: { pdf_layout: JSON.stringify(pdfLayout) },
      payload: { fileId: file!.id, signer: report?.signer ?? null },
    };
  }

  /** The sign and issue steps of the action table. */
  hooks(): ActionHooks {
    return {
      sign: async (trx, actor, d) => {
        // The certificate names the person as on their account, not their login.
        const fullName = actor.id
          ? ((await findAccountsByIds(trx, [actor.id])).get(actor.id)?.fullName ?? actor.name)
          : actor.name;
        const provider = await this.signing.person({
          id: actor.id ?? 'system',
          name: fullName,
          title: d.signer_position,
          unitName: d.issuer_name ?? undefined,
        });
        if (!provider)
          throw new ConflictError(
            'Tài khoản của bạn ký bằng thiết bị ký số (USB token): hãy chọn "Ký bằng thiết bị ký số" để ký qua ứng dụng ký số trên máy.',
            'token_signing_required',
          );
        const p = await this.prepareForSigner(trx, d);
        const signed = await signPdf(p.pdf, provider, {
          appearance: p.appearance,
          fieldName: 'ChuKyNguoiKy',
          reason: 'Ký ban hành văn bản',
          location: p.place,
          signingTime: this.svc.deps.clock.now(),
        });
        return this.keepSigned(trx, actor, d, signed, p.pdfLayout);
      },
      issue: async (trx, actor, d) => this.#issue(trx, actor, d),
    };
  }

  async #issue(trx: Db, actor: Actor, d: DocumentRow) {
    const files = await repo.files(trx, d.id);
    const signedFile = files.filter((f) => f.kind === 'signed_pdf').pop();
    if (!signedFile || !d.pdf_layout)
      throw new ConflictError('Văn bản chưa có bản đã ký số của người ký.', 'not_signed');
    const now = this.svc.deps.clock.now();
    const today = vnToday(now);
    const year = Number(today.slice(0, 4));
    const n = await repo.nextNumber(trx, {
      unit: d.unit_code,
      direction: 'outgoing',
      year,
      series: 'all',
    });
    const number = formatDocumentNumber(n);
    const u = await unitsOf(trx, d);
    const symbol = symbolOf(d.type_code as never, u.issuing, u.drafting);
    const place = placeOf(u.issuing.kind === 'agency' && u.parent ? u.parent : u.issuing);
    const box = d.pdf_layout.signatureBox;
    const seal = sealOverSignatureBox(box, await this.#sealImage(trx, d.unit_code), [
      `Ký bởi: ${u.issuingName}`,
      `Thời gian ký: ${isoVietnam(now)}`,
    ]);
    // The number and date, written over their blank lines (white ground, centred).
    const stamps: SignatureAppearance[] = [];
    if (d.pdf_layout.numberBox)
      stamps.push({
        ...d.pdf_layout.numberBox,
        lines: [`Số: ${number}/${symbol}`],
        align: 'center',
        fontSize: 13,
        background: '#ffffff',
      });
    if (d.pdf_layout.dateBox)
      stamps.push({
        ...d.pdf_layout.dateBox,
        lines: [`${place}, ${formatNd30Date(today)}`],
        align: 'center',
        fontSize: 13,
        background: '#ffffff',
      });
    const provider = await this.signing.seal({ code: d.unit_code, name: u.issuingName });
    const sealed = await signPdf(this.svc.deps.store.get(signedFile.sha256), provider, {
      appearance: seal,
      stamps,
      fieldName: 'ChuKyCoQuan',
      reason: 'Phát hành văn bản',
      location: place,
      signingTime: now,
    });
    const [main] = await this.svc.saveFiles(trx, actor, d.id, [
      {
        name: `${number}-${slug(symbol)}-${slug(d.summary)}.pdf`,
        contentType: 'application/pdf',
        bytes: Buffer.from(sealed),
        kind: 'main' as never,
      },
    ]);
    await this.#keepVerification(trx, d, main!.id, sealed, ['personal', 'organisation']);
    const attachments = await this.#sealAttachments(trx, actor, d, files, provider, place, now);
    const issued = { ...d, code_number: number, code_notation: symbol, issued_on: today };
    const receipts = await this.#sendOnPlatform(
      trx,
      actor,
      issued,
      Buffer.from(sealed),
      attachments.files,
    );
    return {
      patch: {
        code_number: number,
        code_notation: symbol,
        number_year: year,
        issued_on: today,
        done_at: now,
      },
      payload: {
        number: `${number}/${symbol}`,
        fileId: main!.id,
        sentTo: receipts,
        ...(attachments.unsealed.length > 0 ? { unsealedAttachments: attachments.unsealed } : {}),
      },
    };
  }

  /**
   * Attachments in separate files carry the organisation's signature too (ND30 Phụ lục I;
   * regulations.md §9): each PDF attachment is sealed (an invisible signature) and kept as the
   * issued attachment, the draft's file becoming `draft_attachment`. A file that is not a PDF,
   * or a PDF that cannot be signed, goes as it is and is named in the event.
   */
  async #sealAttachments(
    trx: Db,
    actor: Actor,
    d: DocumentRow,
    files: Awaited<ReturnType<typeof repo.files>>,
    provider: Awaited<ReturnType<SigningSetup['seal']>>,
    place: string,
    now: Date,
  ) {
    const out: { name: string; content_type: string; sha256: string }[] = [];
    const unsealed: string[] = [];
    for (const f of files.filter((x) => x.kind === 'attachment')) {
      if (f.content_type !== 'application/pdf') {
        out.push(f);
        unsealed.push(f.name);
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await signPdf(this.svc.deps.store.get(f.sha256), provider, {
          fieldName: 'ChuKyCoQuan',
          reason: 'Phát hành văn bản (tệp đính kèm)',
          location: place,
          signingTime: now,
        });
      } catch {
        out.push(f);
        unsealed.push(f.name);
        continue;
      }
      await repo.setFileKind(trx, f.id, 'draft_attachment');
      const [saved] = await this.svc.saveFiles(trx, actor, d.id, [
        {
          name: f.name,
          contentType: 'application/pdf',
          bytes: Buffer.from(bytes),
          kind: 'attachment' as never,
        },
      ]);
      await this.#keepVerification(trx, d, saved!.id, bytes, ['organisation']);
      out.push({ name: f.name, content_type: 'application/pdf', sha256: saved!.sha256 });
    }
    return { files: out, unsealed };
  }

  /** Each platform recipient gets the document in its clerk's inbox (status received). */
  async #sendOnPlatform(
    trx: Db,
    actor: Actor,
    d: DocumentRow,
    pdf: Buffer,
    attachments: { name: string; content_type: string; sha256: string }[],
  ): Promise<string[]> {
    const units = [...new Set(d.content?.recipients.units ?? [])].filter((u) => u !== d.unit_code);
    // A reply issued here answers, at the recipient, the document it was sent as.
    const answered = d.reply_to_id ? await repo.get(trx, d.reply_to_id) : undefined;
    for (const unit of units) {
      const replyTo = answered?.origin_id ? await repo.get(trx, answered.origin_id) : undefined;
      await this.svc.insertIncoming(
        trx,
        actor,
        unit,
        {
          source: 'platform',
          issuer: { name: d.issuer_name ?? d.unit_code, organId: null },
          codeNumber: d.code_number!,
          codeNotation: d.code_notation,
          issuedOn: d.issued_on!,
          typeCode: d.type_code as never,
          summary: d.summary,
          signerName: d.signer_name,
          signerPosition: d.signer_position,
          urgency: d.urgency,
          confidentiality: 'normal',
          deadline: d.deadline,
          replyToId: replyTo && replyTo.unit_code === unit ? replyTo.id : null,
          note: null,
        },
        [
          {
            name: `${d.code_number}-${slug(d.code_notation)}.pdf`,
            contentType: 'application/pdf',
            bytes: pdf,
            kind: 'main',
          },
          ...attachments.map((a) => ({
            name: a.name,
            contentType: a.content_type,
            bytes: this.svc.deps.store.get(a.sha256),
            kind: 'attachment' as const,
          })),
        ],
        { status: 'received', source: 'platform', originId: d.id },
      );
    }
    return units;
  }
}
