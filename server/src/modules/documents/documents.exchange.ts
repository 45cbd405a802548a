// Exchange of documents in edXML (QCVN 102:2016; issue 13 deliver 4): an issued document as a
// package for bodies outside the platform, a package imported as an incoming document, and the
// status notices sent back to the sender for each step of its handling. Sending goes through
// the background queue (documents.edxml-send), so a gateway that is down loses nothing; the
// package is also kept with the document (file kind 'edxml') for download.
import { randomUUID } from 'node:crypto';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '@cqs/shared/documents/index';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, SYSTEM_ACTOR } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { isoVietnam } from '../../platform/signatures/index.js';
import { cachedUnit, OrgService } from '../org/index.js';
import { type DocumentRow, documentsRepository as repo } from './documents.repository.js';
import type { ActionHooks, DocumentService } from './documents.service.js';
import {
  buildEdxml,
  buildEdxmlStatus,
  buildSignedEdxml,
  type ClaimedPackage,
  EdxmlError,
  type EdxmlPackage,
  type EdxmlPackageInput,
  type EdxmlSignatureCheck,
  type EdxmlStatusName,
  type EdxmlTransport,
  edxmlDocumentId,
  edxmlFileName,
  FolderDropTransport,
  type FolderInbox,
  HttpTransport,
  notSignedCheck,
  parseEdxml,
  verifyEdxmlSignature,
} from './edxml/index.js';

type Db = Kysely<Database>;

/** Our urgency as edXML's OtherInfo/Priority (0 thường … 3 hỏa tốc; a choice, kept as data). */
export const PRIORITY: Record<DocumentRow['urgency'], string> = {
  normal: '0',
  urgent: '1',
  very_urgent: '2',
  flash: '3',
};
const URGENCY_OF: Record<string, DocumentRow['urgency']> = {
  '0': 'normal',
  '1': 'urgent',
  '2': 'very_urgent',
  '3': 'flash',
};

/** The agency identifier (mã định danh, regulations.md §2) a unit exchanges under. */
export async function organOf(db: Db, unitCode: string) {
  const u = await cachedUnit(db, unitCode, undefined);
  return { organId: u?.agencyId ?? unitCode, organName: u?.fullName ?? u?.name ?? unitCode };
}

/** Our type code from an edXML DocumentType (by Type, then by TypeName). */
export function typeCodeOf(t: { type: string; typeName: string }): DocumentTypeCode {
  const byCode = DOCUMENT_TYPES.find((x) => x.code === t.type);
  if (byCode) return byCode.code;
  const name = t.typeName.normalize('NFC').toLocaleLowerCase('vi');
  return DOCUMENT_TYPES.find((x) => x.name.toLocaleLowerCase('vi') === name)?.code ?? 'CV';
}

/** The transports configured for bodies outside the platform (HTTP first, else the folder). */
export function transportsFrom(cfg: {
  outboxDir?: string;
  httpUrl?: string;
  httpToken?: string;
}): EdxmlTransport[] {
  const out: EdxmlTransport[] = [];
  if (cfg.httpUrl) out.push(new HttpTransport({ endpoint: cfg.httpUrl, token: cfg.httpToken }));
  else if (cfg.outboxDir) out.push(new FolderDropTransport({ outbox: cfg.outboxDir }));
  return out;
}

/**
 * The package of a document. A document that came in as edXML gives back the package it came
 * in (every field kept, attachments from the stored files, byte for byte); an issued outgoing
 * document is written from its fields, its issued PDF and attachments.
 */
export async function packageOf(
  db: Db,
  store: FileStore,
  d: DocumentRow,
  now: Date,
): Promise<EdxmlPackageInput> {
  const files = (await repo.files(db, d.id)).filter(
    (f) => f.kind === 'main' || f.kind === 'attachment',
  );
  const kept = d.exchange?.package as
    | (Omit<EdxmlPackage, 'attachments'> & {
        attachments: {
          contentId: string;
          name: string;
          description: string;
          contentType: string;
          fileId: string;
        }[];
      })
    | undefined;
  if (kept) {
    const byId = new Map(files.map((f) => [f.id, f]));
    return {
      ...kept,
      attachments: kept.attachments.map((a) => ({
        ...a,
        fileId: undefined,
        data: new Uint8Array(store.get(byId.get(a.fileId)!.sha256)),
      })),
    } as EdxmlPackageInput;
  }
  if (d.direction !== 'outgoing' || d.status !== 'issued' || !d.content)
    throw new ValidationError(
      'Chỉ văn bản đã phát hành hoặc nhận qua edXML mới có gói tin edXML.',
      [],
      'edxml_not_available',
    );
  const from = await organOf(db, d.unit_code);
  const to = [
    ...(await Promise.all(d.content.recipients.units.map((u) => organOf(db, u)))),
    ...d.content.recipients.external.map((e) => ({ organId: e.organId, organName: e.name })),
  ];
  const type = DOCUMENT_TYPES.find((t) => t.code === d.type_code);
  const pkg: EdxmlPackageInput = {
    from,
    to: to.length > 0 ? to : [from],
    code: { number: d.code_number!, notation: d.code_notation },
    promulgation: { place: '', date: d.issued_on! },
    documentType: { type: d.type_code, typeDetail: '', typeName: type?.name ?? 'Công văn' },
    subject: d.summary,
    content: d.content.paragraphs.join('\n'),
    signer: {
      competence: d.content.signer.authority ?? '',
      position: d.content.signer.title,
      fullName: d.content.signer.name,
    },
    dueDate: d.deadline,
    other: {
      priority: PRIORITY[d.urgency],
      sphereOfPromulgation: '',
      typerNotation: '',
      promulgationAmount: 1,
      pageAmount: null,
      appendixes: [],
    },
    steeringType: '',
    toPlaces: d.content.recipients.places,
    trace: [{ organId: from.organId, timestamp: isoVietnam(now) }],
    business: { docType: '0', docReason: '', paper: false, staff: null },
    attachments: files.map((f, i) => ({
      contentId: `cid:${i + 1}`,
      name: f.name,
      description: f.kind === 'main' ? 'Văn bản' : 'Phụ lục',
      contentType: f.content_type,
      data: new Uint8Array(store.get(f.sha256)),
    })),
  };
  pkg.documentId = edxmlDocumentId(pkg as EdxmlPackage);
  return pkg;
}

/**
 * The package as XML (GET /documents/{id}/edxml). An issued document gives the package kept at
 * issue — the one sent, sealed with the unit's XML-DSig — so the download verifies like the
 * copy the recipients got; a received one gives back the package it came in.
 */
export async function packageXml(
  db: Db,
  store: FileStore,
  d: DocumentRow,
  now: Date,
): Promise<string> {
  if (!d.exchange?.package && d.direction === 'outgoing' && d.status === 'issued') {
    const kept = (await repo.files(db, d.id)).filter((f) => f.kind === 'edxml').pop();
    if (kept) return store.get(kept.sha256).toString('utf8');
  }
  return buildEdxml(await packageOf(db, store, d, now));
}

/**
 * The check of a package's signature as kept in `document_signature.result` (kind 'edxml'),
 * in the shape of the PDF signature checks (SignatureCheckSchema) plus the verdict.
 */
export function signatureRecord(c: EdxmlSignatureCheck) {
  return {
    signer: c.signer,
    signedAt: null,
    integrity: c.integrity ?? 'invalid',
    // Not evaluated when the signature itself does not hold: say so as 'invalid', never 'valid'.
    chain: c.chain ?? 'invalid',
    trusted: c.trusted,
    coversWholeDocument: c.coversWholePackage,
    verdict: c.status,
    problem: c.problem,
    message: c.message,
    certificate: c.certificate,
  };
}

/**
 * What an incoming document takes from a package: its fields for the register, its attachments
 * as files (the first PDF as the main file), and the package itself to give back on export.
 */
export function incomingOf(xml: string | Uint8Array) {
  const pkg = parseEdxml(xml);
  const firstPdf = pkg.attachments.findIndex((a) => a.contentType === 'application/pdf');
  const files = pkg.attachments.map((a, i) => ({
    name: a.name,
    contentType: a.contentType,
    bytes: Buffer.from(a.data),
    kind: (i === (firstPdf < 0 ? 0 : firstPdf) ? 'main' : 'attachment') as 'main' | 'attachment',
    contentId: a.contentId,
    description: a.description,
  }));
  const input = {
    source: 'edxml' as const,
    issuer: { name: pkg.from.organName || pkg.from.organId, organId: pkg.from.organId },
    codeNumber: pkg.code.number,
    codeNotation: pkg.code.notation,
    issuedOn: pkg.promulgation.date,
    typeCode: typeCodeOf(pkg.documentType),
    summary: pkg.subject.slice(0, 2000),
    signerName: pkg.signer.fullName || null,
    signerPosition: pkg.signer.position || null,
    urgency: URGENCY_OF[pkg.other.priority] ?? ('normal' as const),
    confidentiality: 'normal' as const,
    deadline: pkg.dueDate,
    replyToId: null,
    note: null,
  };
  return { pkg, input, files };
}

/** The package kept with a document, its attachments pointing at the stored files. */
export function keptPackage(pkg: EdxmlPackage, fileIds: string[]) {
  return {
    ...pkg,
    attachments: pkg.attachments.map((a, i) => ({
      contentId: a.contentId,
      name: a.name,
      description: a.description,
      contentType: a.contentType,
      fileId: fileIds[i]!,
    })),
  };
}

/** Which of our actions answer the sender with which status notice. */
export const NOTICE_OF: Partial<Record<string, EdxmlStatusName>> = {
  receive: 'received',
  register: 'accepted',
  direct: 'assigned',
  start: 'in_progress',
  complete: 'done',
  return: 'returned',
};

/** The status notice of a step of an edXML document's handling. */
export async function noticeXml(
  db: Db,
  d: DocumentRow,
  status: EdxmlStatusName,
  actor: Actor,
  now: Date,
  description = '',
): Promise<string | null> {
  const pkg = d.exchange?.package as EdxmlPackage | undefined;
  if (!pkg) return null;
  const from = await organOf(db, d.unit_code);
  return buildEdxmlStatus({
    responseFor: {
      organId: pkg.from.organId,
      code: `${pkg.code.number}/${pkg.code.notation}`,
      promulgationDate: pkg.promulgation.date,
      documentId: pkg.documentId || edxmlDocumentId(pkg),
    },
    from: { ...from },
    status,
    description,
    timestamp: isoVietnam(now),
    staff: { department: '', name: actor.name, email: '', mobile: '' },
    trace: [{ organId: from.organId, timestamp: isoVietnam(now) }],
  });
}

const SendPayload = z.object({
  documentId: z.string().uuid(),
  xml: z.string().min(1).max(60_000_000),
  to: z.array(z.string()).max(500),
});

/** The job that hands packages and notices to the configured transport (retried on failure). */
export function exchangeJobs(transports: EdxmlTransport[]) {
  return [
    defineJob({
      name: 'documents.edxml-send',
      payload: SendPayload,
      maxAttempts: 10,
      async handler(p) {
        for (const t of transports) await t.send(p.xml, { documentId: p.documentId, to: p.to });
      },
    }),
  ];
}

/** Who imports the packages of the gateway's folder (shown in the history and the audit). */
export const GATEWAY_ACTOR: Actor = {
  ...SYSTEM_ACTOR,
  name: 'Trục liên thông văn bản (thư mục nhận)',
};

/** What one pass over the gateway's folder did. */
export interface InboxPass {
  imported: number;
  /** Receivers that already held the package (same DocumentId). */
  duplicates: number;
  /** Packages moved to failed/. */
  failed: number;
  /** Packages left claimed after an error that may pass (retried later). */
  retry: number;
}

/**
 * The Vietnamese reason a package is refused for good (a bad package, nobody to receive it),
 * or null for an error that may pass (database, disk) and deserves another try.
 */
export function permanentReason(e: unknown): string | null {
  if (e instanceof EdxmlError) {
    if (e.status >= 500) return null;
    return `${e.code}\nGói tin không hợp lệ: ${e.detail}${e.path ? `\nVị trí: ${e.path}` : ''}`;
  }
  if (e instanceof AppError && e.status < 500) return `${e.code}\n${e.detail}`;
  return null;
}

/** edXML in and out of the documents service: imports, notices, sending issued documents. */
export class DocumentExchange {
  constructor(
    readonly svc: DocumentService,
    readonly jobs: { enqueue(db: Db, name: string, payload: unknown): Promise<void> },
    readonly transports: EdxmlTransport[],
  ) {}

  /**
   * Imports a package as an incoming document of the caller's unit (or of `unitCode`, or of the
   * unit whose agency identifier the package is addressed to): `received` for the inbox, or
   * `registered` at once. The package is kept to give back on export; a notice goes back.
   */
  async receivePackage(
    actor: Actor,
    bytes: Buffer,
    opts: { unitCode?: string; status: 'received' | 'registered' },
  ): Promise<DocumentRow> {
    const { pkg, input, files } = incomingOf(bytes);
    const clerkUnits = [
      ...new Set(
        actor.roles.filter((g) => g.role === 'secretariat' && g.unitCode).map((g) => g.unitCode!),
      ),
    ];
    let unit = opts.unitCode;
    if (!unit && clerkUnits.length === 1) unit = clerkUnits[0];
    if (!unit) {
      // A clerk of several units: the one the package is addressed to.
      const addressed = new Set(pkg.to.map((t) => t.organId));
      for (const u of clerkUnits)
        if (!unit && addressed.has((await organOf(this.svc.deps.db, u)).organId)) unit = u;
    }
    if (!unit || !clerkUnits.includes(unit))
      throw new ForbiddenError(
        'Chỉ văn thư (văn phòng) của đơn vị mới được nhận văn bản đến.',
        'document_forbidden',
      );
    const check = await this.verify(bytes, pkg);
    return this.svc.deps.db
      .transaction()
      .execute((trx) => this.#insert(trx, actor, unit!, { pkg, input, files }, check, opts.status));
  }

  /**
   * Checks the package's XML-DSig (interop.md: enveloped, over the header, by the sending
   * system) against the configured trust anchors (SIGNING_TRUST_ANCHORS, the demo CA).
   */
  async verify(bytes: string | Uint8Array, pkg?: EdxmlPackage): Promise<EdxmlSignatureCheck> {
    // Already parsed without a Signature: no second pass over a package of tens of MB.
    if (pkg && pkg.signature === null) return notSignedCheck(this.svc.deps.clock.now());
    const anchors = (await this.svc.outgoing?.signing.trustAnchors()) ?? [];
    return verifyEdxmlSignature(bytes, anchors, this.svc.deps.clock.now());
  }

  /**
   * Writes an imported package into `unit`'s books, in the caller's transaction: the document
   * (its event and audit row), the package kept for export, the signature check (beside the
   * PDF signatures, and audited), and the notices back to the sender.
   */
  async #insert(
    trx: Db,
    actor: Actor,
    unit: string,
    { pkg, input, files }: ReturnType<typeof incomingOf>,
    check: EdxmlSignatureCheck,
    status: 'received' | 'registered',
  ): Promise<DocumentRow> {
    const d = await this.svc.insertIncoming(trx, actor, unit, input, files, {
      status,
      source: 'edxml',
    });
    const stored = (await repo.files(trx, d.id)).map((f) => f.id);
    await repo.setExchange(trx, d.id, { package: keptPackage(pkg, stored), signature: check });
    if (check.status !== 'not_signed')
      await repo.insertEdxmlSignature(trx, {
        id: randomUUID(),
        document_id: d.id,
        signer: check.signer,
        result: JSON.stringify(signatureRecord(check)),
        checked_at: new Date(check.checkedAt),
      });
    await recordAudit(trx, actor, {
      action: 'document.edxml_signature',
      entityType: 'document',
      entityId: d.id,
      unitCode: d.unit_code,
      after: {
        verdict: check.status,
        signer: check.signer,
        problem: check.problem,
        fingerprint256: check.certificate?.fingerprint256 ?? null,
      },
    });
    const row = (await repo.get(trx, d.id))!;
    await this.#notice(trx, actor, row, 'received');
    if (status === 'registered') await this.#notice(trx, actor, row, 'accepted');
    return row;
  }

  /**
   * The issued document's package, sealed: the enveloped XML-DSig by the issuing unit's seal
   * (SIGNING_SEAL_P12, or the unit's demo seal), as interop.md asks of the sending system.
   */
  async signedPackageXml(trx: Db, d: DocumentRow, now: Date): Promise<string> {
    const input = await packageOf(trx, this.svc.deps.store, d, now);
    const signing = this.svc.outgoing?.signing;
    if (!signing) return buildEdxml(input);
    const u = await cachedUnit(trx, d.unit_code, undefined);
    const key = await signing.sealKey({
      code: d.unit_code,
      name: u?.fullName ?? u?.name ?? d.unit_code,
    });
    return buildSignedEdxml({ ...input, signature: null }, key);
  }

  /**
   * One pass over the gateway's inbound folder (EDXML_INBOX_DIR, edxml/edxml.inbox.ts): each
   * claimed package is imported, as POST /edxml/inbox does (status `received`, the signature
   * checked, a notice back), into every unit of ours its `To` OrganIds name — unless that unit
   * already holds the package of that DocumentId. A package nobody here is addressed by, or
   * that is not a valid package, goes to failed/ with the reason; any other error (database
   * down…) leaves it claimed, to be retried once the claim is stale, and fails the job.
   */
  async importFromInbox(inbox: FolderInbox): Promise<InboxPass> {
    const pass: InboxPass = { imported: 0, duplicates: 0, failed: 0, retry: 0 };
    const claimed = await inbox.claim();
    if (claimed.length === 0) return pass;
    const units = await this.#unitsByOrganId();
    const errors: unknown[] = [];
    for (const c of claimed) {
      try {
        const r = await this.#importClaimed(inbox, c, units);
        pass.imported += r.imported;
        pass.duplicates += r.duplicates;
        await inbox.done(c);
      } catch (e) {
        const reason = permanentReason(e);
        if (reason === null) {
          pass.retry += 1;
          errors.push(e);
          continue;
        }
        pass.failed += 1;
        await inbox.fail(c, reason);
      }
    }
    if (errors.length > 0)
      throw new AggregateError(errors, `edXML inbox: ${errors.length} package(s) left to retry`);
    return pass;
  }

  async #importClaimed(inbox: FolderInbox, c: ClaimedPackage, units: Map<string, string[]>) {
    const oversize = inbox.oversize(c);
    if (oversize) throw oversize;
    const incoming = incomingOf(c.bytes);
    const { pkg } = incoming;
    const targets = [...new Set(pkg.to.flatMap((t) => units.get(t.organId) ?? []))];
    if (targets.length === 0)
      throw new AppError(
        'edxml_unknown_receiver',
        422,
        `Không có đơn vị nhận trên hệ thống: gói tin gửi tới mã định danh ${pkg.to
          .map((t) => t.organId)
          .join(', ')}, không đơn vị nào đang hoạt động mang mã này.`,
      );
    const check = await this.verify(c.bytes, pkg);
    let imported = 0;
    let duplicates = 0;
    for (const unit of targets) {
      // One transaction per receiving unit: the lock orders two processes holding copies of
      // one package, the second finds the first's document and writes nothing.
      await this.svc.deps.db.transaction().execute(async (trx) => {
        await repo.lockEdxmlImport(trx, unit, pkg.documentId);
        if (await repo.findEdxmlImport(trx, unit, pkg.documentId)) {
          duplicates += 1;
          return;
        }
        await this.#insert(trx, GATEWAY_ACTOR, unit, incoming, check, 'received');
        imported += 1;
      });
    }
    return { imported, duplicates };
  }

  /** Our units in force by the OrganId they exchange under (organOf: agency id, else code). */
  async #unitsByOrganId(): Promise<Map<string, string[]>> {
    const org = new OrgService(this.svc.deps.db, this.svc.deps.clock);
    const out = new Map<string, string[]>();
    for (const u of (await org.list({ includeClosed: false })).items) {
      const id = u.agencyId ?? u.code;
      out.set(id, [...(out.get(id) ?? []), u.code]);
    }
    return out;
  }

  async #notice(trx: Db, actor: Actor, d: DocumentRow, status: EdxmlStatusName, description = '') {
    const xml = await noticeXml(trx, d, status, actor, this.svc.deps.clock.now(), description);
    if (!xml || this.transports.length === 0) return;
    const pkg = d.exchange?.package as EdxmlPackage;
    await this.jobs.enqueue(trx, 'documents.edxml-send', {
      documentId: d.id,
      xml,
      to: [pkg.from.organId],
    });
  }

  /** After an action: the status notice of an edXML document; the package of an issued one. */
  hooks(): Pick<ActionHooks, 'after'> {
    return {
      after: async (trx, actor, before, after, action) => {
        const status = NOTICE_OF[action];
        if (status && after.exchange?.package) {
          const note =
            action === 'return' ? ((await repo.events(trx, after.id)).pop()?.note ?? '') : '';
          await this.#notice(trx, actor, after, status, note);
        }
        if (action === 'issue' && before.status !== 'issued') {
          const xml = await this.signedPackageXml(trx, after, this.svc.deps.clock.now());
          await this.svc.saveFiles(trx, actor, after.id, [
            {
              name: `${edxmlFileName(`${after.code_number}-${after.code_notation}`)}.edxml`,
              contentType: 'application/xml',
              bytes: Buffer.from(xml, 'utf8'),
              kind: 'edxml',
            },
          ]);
          const external = after.content?.recipients.external.map((e) => e.organId) ?? [];
          if (external.length > 0 && this.transports.length > 0)
            await this.jobs.enqueue(trx, 'documents.edxml-send', {
              documentId: after.id,
              xml,
              to: external,
            });
        }
      },
    };
  }
}
