// Transports: the folder drop writes atomically without clobbering, reads an inbox moving
// files to processed/ or rejected/ (with the reason); the HTTP transport against a local
// node:http server: success with the gateway's reference, a 500, a timeout, no server.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildEdxml, buildEdxmlStatus } from './edxml.build.js';
import { EdxmlError } from './edxml.errors.js';
import { fullPackage, fullStatus } from './edxml.test-support.js';
import {
  edxmlFileName,
  type FolderDropItem,
  FolderDropTransport,
  HttpTransport,
} from './edxml.transport.js';

const PKG = fullPackage();
const XML = buildEdxml(PKG);
const META = { documentId: PKG.documentId, to: PKG.to.map((t) => t.organId) };

async function failure(p: Promise<unknown>): Promise<EdxmlError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof EdxmlError) return e;
    throw e;
  }
  throw new Error('expected an EdxmlError');
}

describe('FolderDropTransport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'edxml-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('names files after the DocumentId, safely', () => {
    expect(edxmlFileName('000.00.00.H45,2024/03/05,05/KH-UBND')).toBe(
      '000.00.00.H45_2024_03_05_05_KH-UBND',
    );
    expect(edxmlFileName('000.00.00.G22,2024/04/12,1520/BNV-CQĐP')).toBe(
      '000.00.00.G22_2024_04_12_1520_BNV-CQDP',
    );
    expect(edxmlFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(edxmlFileName('///')).toBe('edxml');
  });

  it('sends atomically into the outbox, never overwriting', async () => {
    const t = new FolderDropTransport({ outbox: path.join(dir, 'outbox') });
    expect(t.kind).toBe('folder');
    const first = await t.send(XML, META);
    expect(first.reference).toBe('000.00.00.H45_2024_03_05_05_KH-UBND.edxml');
    const second = await t.send(`${XML}<!-- lần 2 -->`, META);
    expect(second.reference).toBe('000.00.00.H45_2024_03_05_05_KH-UBND-2.edxml');
    // No temp file is left behind; contents are exact UTF-8.
    expect((await readdir(path.join(dir, 'outbox'))).sort()).toEqual(
      [first.reference, second.reference].sort(),
    );
    expect(await readFile(path.join(dir, 'outbox', first.reference), 'utf8')).toBe(XML);
  });

  it('receives: good files to processed/, bad ones to rejected/ with the reason', async () => {
    const inbox = path.join(dir, 'inbox');
    const gateway = new FolderDropTransport({ outbox: inbox });
    await gateway.send(XML, META); // a gateway drops what it received: the same file format
    await writeFile(path.join(inbox, 'b-status.edxml'), buildEdxmlStatus(fullStatus('accepted')));
    await writeFile(path.join(inbox, 'c-garbage.edxml'), 'không phải XML');
    await writeFile(path.join(inbox, 'd-notes.txt'), 'ignored');
    await writeFile(path.join(inbox, '.e-partial.edxml'), 'being written');

    const t = new FolderDropTransport({ outbox: path.join(dir, 'out'), inbox });
    const got: FolderDropItem[] = [];
    for await (const item of t.receive()) got.push(item);

    expect(got.map((g) => [g.reference, g.message.kind])).toEqual([
      ['000.00.00.H45_2024_03_05_05_KH-UBND.edxml', 'package'],
      ['b-status.edxml', 'status'],
    ]);
    const first = got[0]!;
    expect(first.xml).toBe(XML);
    if (first.message.kind !== 'package') throw new Error('package expected');
    expect(first.message.package).toEqual(PKG);
    expect((await readdir(inbox)).sort()).toEqual([
      '.e-partial.edxml',
      'd-notes.txt',
      'processed',
      'rejected',
    ]);
    expect((await readdir(path.join(inbox, 'processed'))).sort()).toEqual([
      '000.00.00.H45_2024_03_05_05_KH-UBND.edxml',
      'b-status.edxml',
    ]);
    expect((await readdir(path.join(inbox, 'rejected'))).sort()).toEqual([
      'c-garbage.edxml',
      'c-garbage.edxml.error.txt',
    ]);
    const why = await readFile(path.join(inbox, 'rejected', 'c-garbage.edxml.error.txt'), 'utf8');
    expect(why).toMatch(/^\d{4}-\d{2}-\d{2}T.*\nedxml_malformed\nGói tin không phải XML hợp lệ/);
  });

  it('lets the consumer reject a file, and keeps a file whose handling did not finish', async () => {
    const inbox = path.join(dir, 'inbox');
    const gateway = new FolderDropTransport({ outbox: inbox });
    await gateway.send(XML, META);
    await gateway.send(XML, { ...META, documentId: 'zz-second' });
    const t = new FolderDropTransport({ outbox: path.join(dir, 'out'), inbox });

    // Handling stops (break) at the first file: it stays in the inbox, delivered next time.
    for await (const _ of t.receive()) break;
    expect(await readdir(inbox)).toContain('000.00.00.H45_2024_03_05_05_KH-UBND.edxml');

    for await (const item of t.receive()) {
      if (item.reference.startsWith('000'))
        await item.reject('Sai đơn vị nhận: không phải của UBND xã.');
    }
    expect((await readdir(path.join(inbox, 'rejected'))).sort()).toEqual([
      '000.00.00.H45_2024_03_05_05_KH-UBND.edxml',
      '000.00.00.H45_2024_03_05_05_KH-UBND.edxml.error.txt',
    ]);
    const why = await readFile(
      path.join(inbox, 'rejected', '000.00.00.H45_2024_03_05_05_KH-UBND.edxml.error.txt'),
      'utf8',
    );
    expect(why).toContain('Sai đơn vị nhận: không phải của UBND xã.');
    expect(await readdir(path.join(inbox, 'processed'))).toEqual(['zz-second.edxml']);
    expect((await readdir(inbox)).filter((n) => n.endsWith('.edxml'))).toEqual([]);
  });

  it('rejects a file over the size limit without reading it', async () => {
    const inbox = path.join(dir, 'inbox');
    await new FolderDropTransport({ outbox: inbox }).send(XML, META);
    const t = new FolderDropTransport({ outbox: dir, inbox, maxBytes: 100 });
    const got = [];
    for await (const item of t.receive()) got.push(item);
    expect(got).toEqual([]);
    const why = await readFile(
      path.join(inbox, 'rejected', '000.00.00.H45_2024_03_05_05_KH-UBND.edxml.error.txt'),
      'utf8',
    );
    expect(why).toContain('edxml_too_large');
  });
});

describe('HttpTransport', () => {
  let server: Server;
  let base: string;
  const seen: { req: IncomingMessage; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ req, body: Buffer.concat(chunks).toString('utf8') });
        if (req.url === '/json') {
          res.writeHead(202, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: 'GW-2024-000123', status: 'queued' }));
        } else if (req.url === '/plain') {
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('REF-9\n');
        } else if (req.url === '/empty') {
          res.writeHead(204).end();
        } else if (req.url === '/fail') {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('Lỗi hệ thống trục');
        } else if (req.url === '/slow') {
          // never answers: the client's timeout must end it
        } else res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('POSTs the XML with the token and returns the gateway reference', async () => {
    const t = new HttpTransport({ endpoint: `${base}/json`, token: 'tok.en-123' });
    expect(t.kind).toBe('http');
    expect(await t.send(XML, META)).toEqual({ reference: 'GW-2024-000123' });
    const { req, body } = seen.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(req.headers.authorization).toBe('Bearer tok.en-123');
    expect(decodeURIComponent(req.headers['x-edxml-document-id'] as string)).toBe(PKG.documentId);
    expect((req.headers['x-edxml-to'] as string).split(',')).toEqual(META.to);
    expect(body).toBe(XML);
  });

  it('takes a plain-text reference, else falls back to the DocumentId; no token, no header', async () => {
    expect(await new HttpTransport({ endpoint: `${base}/plain` }).send(XML, META)).toEqual({
      reference: 'REF-9',
    });
    expect(seen.at(-1)!.req.headers.authorization).toBeUndefined();
    expect(await new HttpTransport({ endpoint: `${base}/empty` }).send(XML, META)).toEqual({
      reference: PKG.documentId,
    });
  });

  it('turns a 500 into edxml_transport_status with the status', async () => {
    const e = await failure(new HttpTransport({ endpoint: `${base}/fail` }).send(XML, META));
    expect([e.code, e.httpStatus, e.detail]).toEqual([
      'edxml_transport_status',
      500,
      'Hệ thống nhận trả lời lỗi HTTP 500.',
    ]);
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    const e = await failure(
      new HttpTransport({ endpoint: `${base}/slow`, timeoutMs: 300 }).send(XML, META),
    );
    expect(e.code).toBe('edxml_transport_timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports an unreachable gateway', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const e = await failure(
      new HttpTransport({ endpoint: `http://127.0.0.1:${port}/` }).send(XML, META),
    );
    expect(e.code).toBe('edxml_transport_failed');
  });
});
