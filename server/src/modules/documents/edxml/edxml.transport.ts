// How edXML packages and notices leave and enter the platform. Agencies reach the national
// document exchange (trục liên thông văn bản) through different gateways, so the documents
// service talks to one interface and a deployment picks the adapter:
// - FolderDropTransport: files in an outbox/inbox shared with a gateway program;
// - HttpTransport: a POST to a gateway's endpoint;
// - (elsewhere, in the documents service) delivery between units of this platform directly.
import { randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import {
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { EdxmlError } from './edxml.errors.js';
import { type EdxmlMessage, parseEdxmlMessage } from './edxml.parse.js';
import { DEFAULT_MAX_BYTES, inputText, tooLarge } from './edxml.xml.js';

/** What is known of an outgoing package besides its XML. */
export interface EdxmlSendMeta {
  /** The package's DocumentId (or, for a notice, the DocumentId it is about). */
  documentId: string;
  /** OrganIds of the receiving agencies. */
  to: string[];
}

/** A received package or notice, as the transport got it. */
export interface EdxmlReceived {
  xml: string;
  /** The transport's own name of it (a file name, a gateway message id…). */
  reference: string;
}

/** A way to send edXML out and, for some, to take received edXML in. */
export interface EdxmlTransport {
  /** Which adapter this is, for logs and settings ('folder', 'http', …). */
  readonly kind: string;
  /** Hands the XML over; resolves with the transport's reference of it, or an EdxmlError. */
  send(xml: string, meta: EdxmlSendMeta): Promise<{ reference: string }>;
  /** Received packages and notices, for adapters that can pull them. */
  receive?(): AsyncIterable<EdxmlReceived>;
}

/** Settings of a FolderDropTransport. */
export interface FolderDropOptions {
  /** Where outgoing `.edxml` files are written for the gateway. */
  outbox: string;
  /** Where the gateway leaves received `.edxml` files; `processed/` and `rejected/` go inside. */
  inbox?: string;
  /** Largest accepted received file (default 50 MiB). */
  maxBytes?: number;
}

/** A received file: its parsed content, and a way for the consumer to refuse it. */
export interface FolderDropItem extends EdxmlReceived {
  message: EdxmlMessage;
  /** Moves the file to `rejected/` with the reason, instead of `processed/`. */
  reject(reason: string): Promise<void>;
}

const FS_NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP']);

/**
 * A DocumentId made a safe file name (ASCII, no separators, no leading dot):
 * `000.00.00.G22,2024/03/05,05/KH-UBND` → `000.00.00.G22_2024_03_05_05_KH-UBND`.
 */
export function edxmlFileName(documentId: string): string {
  const ascii = documentId
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const safe = ascii
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 150);
  return safe || 'edxml';
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

/**
 * Files in folders shared with a gateway. Sending writes `<documentId>.edxml` atomically (a
 * hidden temp file, synced, then linked or renamed into place), so the gateway never picks up
 * half a file; an existing name is never overwritten (`-2`, `-3`… are added). Receiving
 * parses each `*.edxml` of the inbox: bad ones go to `rejected/` with `<name>.error.txt`, good
 * ones are yielded and moved to `processed/` when the consumer asks for the next one. A file
 * whose handling ends with `break` or an exception stays in the inbox and comes again next
 * time: delivery is at least once, so consumers dedupe by DocumentId.
 */
export class FolderDropTransport implements EdxmlTransport {
  /** Adapter name. */
  readonly kind = 'folder';

  constructor(private readonly opts: FolderDropOptions) {}

  /** Writes the XML into the outbox; the reference is the file name. */
  async send(xml: string, meta: EdxmlSendMeta): Promise<{ reference: string }> {
    const dir = this.opts.outbox;
    const base = edxmlFileName(meta.documentId);
    const tmp = path.join(dir, `.${base}.${randomUUID()}.tmp`);
    try {
      await mkdir(dir, { recursive: true });
      const fh = await open(tmp, 'wx');
      try {
        await fh.writeFile(xml, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      for (let n = 1; n <= 1000; n++) {
        const name = n === 1 ? `${base}.edxml` : `${base}-${n}.edxml`;
        const target = path.join(dir, name);
        try {
          // link, not rename: it fails when the name exists instead of replacing that file.
          await link(tmp, target);
          return { reference: name };
        } catch (e) {
          if (errno(e) === 'EEXIST') continue;
          if (!FS_NO_LINKS.has(errno(e) ?? '')) throw e;
          // A file system without hard links: rename, after a (racy) existence check.
          if (await exists(target)) continue;
          await rename(tmp, target);
          return { reference: name };
        }
      }
      throw new Error('too many files of one DocumentId');
    } catch (e) {
      throw new EdxmlError('edxml_transport_failed', `Không ghi được gói tin vào thư mục ${dir}.`, {
        cause: e,
      });
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /** The inbox's `*.edxml` files, oldest name first, parsed; see the class comment. */
  async *receive(): AsyncGenerator<FolderDropItem> {
    const inbox = this.opts.inbox;
    if (!inbox) {
      throw new EdxmlError('edxml_transport_failed', 'Chưa cấu hình thư mục nhận gói tin.');
    }
    const maxBytes = this.opts.maxBytes ?? DEFAULT_MAX_BYTES;
    let entries: Dirent[];
    try {
      await mkdir(inbox, { recursive: true });
      entries = await readdir(inbox, { withFileTypes: true });
    } catch (e) {
      throw new EdxmlError('edxml_transport_failed', `Không đọc được thư mục nhận ${inbox}.`, {
        cause: e,
      });
    }
    const names = entries
      .filter((d) => d.isFile() && d.name.endsWith('.edxml') && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
    for (const name of names) {
      const file = path.join(inbox, name);
      let bytes: Buffer;
      try {
        if ((await stat(file)).size > maxBytes) {
          await this.rejectFile(name, tooLarge(maxBytes));
          continue;
        }
        bytes = await readFile(file);
      } catch (e) {
        if (errno(e) === 'ENOENT') continue; // taken meanwhile by another reader
        throw e;
      }
      let xml: string;
      let message: EdxmlMessage;
      try {
        xml = inputText(bytes, maxBytes);
        message = parseEdxmlMessage(xml, { maxBytes });
      } catch (e) {
        await this.rejectFile(name, e);
        continue;
      }
      let rejected = false;
      yield {
        xml,
        reference: name,
        message,
        reject: async (reason: string) => {
          rejected = true;
          await this.rejectFile(name, reason);
        },
      };
      if (!rejected) await moveInto(inbox, name, 'processed');
    }
  }

  private async rejectFile(name: string, why: unknown): Promise<void> {
    const inbox = this.opts.inbox!;
    const moved = await moveInto(inbox, name, 'rejected');
    if (moved === null) return;
    const text =
      why instanceof EdxmlError
        ? `${why.code}\n${why.detail}\n${why.path ? `${why.path}\n` : ''}`
        : `${String(why instanceof Error ? why.message : why)}\n`;
    await writeFile(
      path.join(inbox, 'rejected', `${moved}.error.txt`),
      `${new Date().toISOString()}\n${text}`,
      'utf8',
    );
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Moves inbox/name into inbox/sub/, keeping an older file of that name; null if it vanished. */
async function moveInto(inbox: string, name: string, sub: string): Promise<string | null> {
  const dir = path.join(inbox, sub);
  await mkdir(dir, { recursive: true });
  let target = name;
  if (await exists(path.join(dir, target))) {
    target = `${name.replace(/\.edxml$/, '')}.${Date.now()}-${randomUUID().slice(0, 8)}.edxml`;
  }
  try {
    await rename(path.join(inbox, name), path.join(dir, target));
    return target;
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
}

/** Settings of an HttpTransport. */
export interface HttpTransportOptions {
  /** The gateway's URL that takes a POSTed package. */
  endpoint: string | URL;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  /** Whole request, body included (default 30 s). */
  timeoutMs?: number;
  /** Extra request headers a gateway may need. */
  headers?: Record<string, string>;
}

/**
 * A POST of the XML (`application/xml`) to a gateway. A 2xx answer is success; its reference
 * is the answer's `reference`, `id` or `messageId` (JSON), an `X-Reference` or `Location`
 * header, or a short plain-text body, else the DocumentId. The DocumentId and the receivers go
 * along in `X-Edxml-Document-Id` / `X-Edxml-To` (URI-encoded) so a gateway can route without
 * parsing. Any other status is an `edxml_transport_status` error with the status.
 */
export class HttpTransport implements EdxmlTransport {
  /** Adapter name. */
  readonly kind = 'http';

  constructor(private readonly opts: HttpTransportOptions) {}

  /** POSTs the XML; resolves with the gateway's reference. */
  async send(xml: string, meta: EdxmlSendMeta): Promise<{ reference: string }> {
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    const headers: Record<string, string> = {
      ...this.opts.headers,
      'content-type': 'application/xml; charset=utf-8',
      accept: 'application/json, text/plain;q=0.9, */*;q=0.5',
      'x-edxml-document-id': encodeURIComponent(meta.documentId),
      'x-edxml-to': meta.to.map(encodeURIComponent).join(','),
    };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    let res: Response;
    let body: string;
    try {
      res = await fetch(this.opts.endpoint, {
        method: 'POST',
        headers,
        body: xml,
        // A redirected POST would be replayed as a GET without the package: report it instead.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await res.text();
    } catch (e) {
      const name = (e as Error | undefined)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new EdxmlError(
          'edxml_transport_timeout',
          `Hệ thống nhận không trả lời trong ${Math.round(timeoutMs / 1000)} giây.`,
          { cause: e },
        );
      }
      throw new EdxmlError('edxml_transport_failed', 'Không kết nối được hệ thống nhận.', {
        cause: e,
      });
    }
    if (res.status < 200 || res.status > 299) {
      throw new EdxmlError(
        'edxml_transport_status',
        `Hệ thống nhận trả lời lỗi HTTP ${res.status}.`,
        {
          httpStatus: res.status,
          cause: body.slice(0, 500),
        },
      );
    }
    return { reference: referenceOf(res, body) ?? meta.documentId };
  }
}

function referenceOf(res: Response, body: string): string | undefined {
  const type = res.headers.get('content-type') ?? '';
  if (/json/i.test(type)) {
    try {
      const j = JSON.parse(body) as Record<string, unknown>;
      for (const k of ['reference', 'id', 'messageId']) {
        const v = j?.[k];
        if (typeof v === 'string' && v !== '') return v;
        if (typeof v === 'number') return String(v);
      }
    } catch {
      // not JSON after all: fall through to the headers
    }
  }
  const header = res.headers.get('x-reference') ?? res.headers.get('location');
  if (header) return header;
  const text = body.trim();
  if (/^text\/plain/i.test(type) && text !== '' && text.length <= 200 && !/\s/.test(text)) {
    return text;
  }
  return undefined;
}
