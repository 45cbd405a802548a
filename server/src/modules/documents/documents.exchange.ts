// Exchange of documents in edXML (QCVN 102:2016; issue 13 deliver 4): an issued document as a
// package for bodies outside the platform, a package imported as an incoming document, and the
// status notices sent back to the sender for each step of its handling. Sending goes through
// the background queue (documents.edxml-send), so a gateway that is down loses nothing; the
// package is also kept with the document (file kind 'edxml') for download.
import { DOCUMENT_TYPES, type DocumentTypeCode } from '@cqs/shared/documents/index';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { isoVietnam } from '../../platform/signatures/index.js';
import { cachedUnit } from '../org/index.js';
import { type DocumentRow, documentsRepository as repo } from './documents.repository.js';
import type { ActionHooks, DocumentService } from './documents.service.js';
import {
  buildEdxml,
  buildEdxmlStatus,
  type EdxmlPackage,
  type EdxmlPackageInput,
  type EdxmlStatusName,
  type EdxmlTransport,
  edxmlDocumentId,
  edxmlFileName,
  FolderDropTransport,
  HttpTransport,
  parseEdxml,
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

/** The package as XML. */
export async function packageXml(
  db: Db,
  store: FileStore,
  d: DocumentRow,
  now: Date,
): Promise<string> {
  return buildEdxml(await packageOf(db, store, d, now));
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
    const db = this.svc.deps.db;
    return db.transaction().execute(async (trx) => {
      const d = await this.svc.insertIncoming(trx, actor, unit!, input, files, {
        status: opts.status,
        source: 'edxml',
      });
      const stored = (await repo.files(trx, d.id)).map((f) => f.id);
      const exchange = { package: keptPackage(pkg, stored) };
      await repo.setExchange(trx, d.id, exchange);
      const row = (await repo.get(trx, d.id))!;
      await this.#notice(trx, actor, row, 'received');
      if (opts.status === 'registered') await this.#notice(trx, actor, row, 'accepted');
      return row;
    });
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
          const xml = await packageXml(trx, this.svc.deps.store, after, this.svc.deps.clock.now());
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
