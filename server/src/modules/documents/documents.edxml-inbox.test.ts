// The gateway's inbound folder (EDXML_INBOX_DIR) on a real database and a real temporary
// folder: the scheduled job claims each *.xml into processing/, imports it as an incoming
// document of the unit its To OrganId names (as POST /edxml/inbox does), and moves it to
// processed/, or to failed/ with the Vietnamese reason beside it; a package already imported
// is not imported twice; a file left in processing/ by a crash is taken over once stale; two
// readers racing over one folder import each package exactly once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildUnit } from '../../../test/factories/org.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { documentsJobs, everySeconds } from './documents.jobs.js';
import { buildDocumentWorld, type DocumentWorld } from './documents.test-support.js';
import { buildEdxml, type EdxmlPackageInput, FolderInbox } from './edxml/index.js';

vi.setConfig({ testTimeout: 240_000 });

const clock = new FixedClock(new Date('2027-01-25T09:00:00+07:00'));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-edxml-in-'));
const inboxDir = path.join(root, 'inbox');
const outbox = path.join(root, 'outbox');
let t: TestApp;
let w: DocumentWorld;
/** A ward that exchanges under an agency identifier (mã định danh), not its unit code. */
let agencyUnit: { code: string; organId: string };

beforeAll(async () => {
  t = await createTestApp({
    clock,
    config: { edxml: { inboxDir, outboxDir: outbox, inboxPollSeconds: 30 } },
  });
  w = await buildDocumentWorld(t);
  const organId = `000.00.${Math.floor(Math.random() * 90 + 10)}.X${Date.now() % 100000}`;
  const u = await buildUnit(t.db.kysely, {
    kind: 'commune',
    parentCode: w.units.city,
    name: 'Phường Thử C',
    agencyId: organId,
  });
  agencyUnit = { code: u.code, organId };
}, 120_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

let seq = 0;
/** A package from the province's department to the given OrganIds. */
function pkg(to: string[], subject: string, number = String(100 + ++seq)): string {
  const input: EdxmlPackageInput = {
    from: { organId: '000.00.12.H01', organName: 'Sở Thông tin và Truyền thông tỉnh An Giang' },
    to: to.map((organId) => ({ organId, organName: `Cơ quan ${organId}` })),
    code: { number, notation: 'STTTT-CĐS' },
    promulgation: { place: 'An Giang', date: '2027-01-20' },
    documentType: { type: '1', typeDetail: '', typeName: 'Công văn' },
    subject,
    attachments: [
      {
        contentId: 'cid:1',
        name: 'cong-van.pdf',
        contentType: 'application/pdf',
        data: new TextEncoder().encode(`%PDF-1.4 ${subject}`),
      },
    ],
  };
  return buildEdxml(input);
}

const drop = (name: string, xml: string) => fs.writeFileSync(path.join(inboxDir, name), xml);
const ls = (sub = '') =>
  fs.existsSync(path.join(inboxDir, sub)) ? fs.readdirSync(path.join(inboxDir, sub)).sort() : [];

async function documentsWith(subject: string) {
  const r = await sql<{ unit_code: string; status: string; source: string; created_by: string }>`
    select unit_code, status, source, created_by from document where summary = ${subject}`.execute(
    t.db.kysely,
  );
  return r.rows;
}

/** Makes the job's schedule slot due and lets the app's job runner take it (the real path). */
async function runScheduledPass() {
  const jobs = t.ctx.jobs;
  await jobs.prepare();
  await sql`update job_schedule set next_run_at = now() - interval '1 second'
    where name = 'documents.edxml-inbox'`.execute(t.db.kysely);
  await jobs.tick();
  const last = await sql<{ status: string; last_error: string | null }>`
    select status, last_error from job where name = 'documents.edxml-inbox' order by id desc limit 1`.execute(
    t.db.kysely,
  );
  return last.rows[0];
}

describe('the gateway inbound folder (EDXML_INBOX_DIR)', () => {
  it('is a scheduled job in the database, every EDXML_INBOX_POLL_SECONDS', async () => {
    expect(everySeconds(30)).toBe('*/30 * * * * *');
    expect(everySeconds(300)).toBe('0 */5 * * * *');
    const job = documentsJobs({
      edxml: { inboxDir, inboxPollSeconds: 10 },
      dataDir: t.ctx.config.dataDir,
    }).find((j) => j.name === 'documents.edxml-inbox');
    expect(job?.schedule).toBe('*/10 * * * * *');
    // Without the folder configured, no such job.
    expect(documentsJobs({ edxml: {} }).map((j) => j.name)).toEqual(['documents.edxml-send']);
    // Never the outbox: our own packages would come back as incoming ones.
    expect(() =>
      documentsJobs({ edxml: { inboxDir, outboxDir: `${inboxDir}/` }, dataDir: '/tmp' }),
    ).toThrow(/EDXML_INBOX_DIR/);
    await t.ctx.jobs.prepare();
    const s = await sql<{ cron: string }>`
      select cron from job_schedule where name = 'documents.edxml-inbox'`.execute(t.db.kysely);
    expect(s.rows[0]?.cron).toBe('*/30 * * * * *');
  });

  it('imports a dropped package into the addressed unit; bad ones go to failed/ with the reason', async () => {
    fs.mkdirSync(inboxDir, { recursive: true });
    drop('a-cong-van.xml', pkg([w.units.A], 'Về việc thử nghiệm thư mục nhận'));
    drop('b-agency.xml', pkg([agencyUnit.organId], 'Gửi phường theo mã định danh'));
    drop('c-nobody.xml', pkg(['000.00.99.Z99'], 'Gửi nhầm nơi'));
    drop(
      'd-garbage.xml',
      '<edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><oops',
    );
    drop('e-notes.txt', 'không phải gói tin');
    drop('.f-partial.xml', 'gateway still writing');
    const job = await runScheduledPass();
    expect(job).toEqual({ status: 'done', last_error: null });

    expect(await documentsWith('Về việc thử nghiệm thư mục nhận')).toEqual([
      { unit_code: w.units.A, status: 'received', source: 'edxml', created_by: null },
    ]);
    expect((await documentsWith('Gửi phường theo mã định danh')).map((d) => d.unit_code)).toEqual([
      agencyUnit.code,
    ]);
    expect(await documentsWith('Gửi nhầm nơi')).toEqual([]);
    expect(ls()).toEqual(['.f-partial.xml', 'e-notes.txt', 'failed', 'processed', 'processing']);
    expect(ls('processing')).toEqual([]);
    expect(ls('processed')).toEqual(['a-cong-van.xml', 'b-agency.xml']);
    expect(ls('failed')).toEqual([
      'c-nobody.xml',
      'c-nobody.xml.error.txt',
      'd-garbage.xml',
      'd-garbage.xml.error.txt',
    ]);
    const nobody = fs.readFileSync(path.join(inboxDir, 'failed', 'c-nobody.xml.error.txt'), 'utf8');
    expect(nobody).toContain('Không có đơn vị nhận trên hệ thống');
    expect(nobody).toContain('000.00.99.Z99');
    const garbage = fs.readFileSync(
      path.join(inboxDir, 'failed', 'd-garbage.xml.error.txt'),
      'utf8',
    );
    expect(garbage).toContain('edxml_malformed');
    expect(garbage).toContain('Gói tin không hợp lệ: Gói tin không phải XML hợp lệ');
    // Written like the HTTP import: the event, the audit rows, the signature verdict.
    const audit = await sql<{ action: string; actor_name: string }>`
      select a.action, a.actor_name from audit_log a join document d on d.id::text = a.entity_id
      where d.summary = 'Về việc thử nghiệm thư mục nhận' order by a.seq`.execute(t.db.kysely);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'document.receive',
      'document.edxml_signature',
    ]);
    expect(audit.rows[0]!.actor_name).toBe('Trục liên thông văn bản (thư mục nhận)');
  });

  it('does not import a package twice (same DocumentId, same receiver); one to two units gives each a copy', async () => {
    const again = pkg([w.units.A], 'Gói tin gửi lại hai lần', '777');
    drop('g-first.xml', again);
    await runScheduledPass();
    drop('g-first.xml', again); // the gateway delivers it again, under the same name
    drop('g-second.xml', again);
    drop('h-two-units.xml', pkg([w.units.A, w.units.B], 'Gửi hai phường cùng lúc'));
    await runScheduledPass();
    expect(await documentsWith('Gói tin gửi lại hai lần')).toHaveLength(1);
    expect((await documentsWith('Gửi hai phường cùng lúc')).map((d) => d.unit_code).sort()).toEqual(
      [w.units.A, w.units.B].sort(),
    );
    // Nothing is lost: both deliveries are kept in processed/.
    expect(ls('processed')).toEqual(
      expect.arrayContaining(['g-first.xml', 'g-first-2.xml', 'g-second.xml', 'h-two-units.xml']),
    );
  });

  it('takes over a file a crashed reader left in processing/, once its claim is stale', async () => {
    const processing = path.join(inboxDir, 'processing');
    const old = Date.now() - 60 * 60_000;
    fs.writeFileSync(
      path.join(processing, `${old}.0badf00d--i-crashed.xml`),
      pkg([w.units.B], 'Gói tin kẹt sau sự cố'),
    );
    const fresh = `${Date.now()}.0000beef--j-in-flight.xml`;
    fs.writeFileSync(path.join(processing, fresh), pkg([w.units.B], 'Gói tin đang được xử lý'));
    await runScheduledPass();
    expect((await documentsWith('Gói tin kẹt sau sự cố')).map((d) => d.unit_code)).toEqual([
      w.units.B,
    ]);
    expect(ls('processed')).toContain('i-crashed.xml');
    // A claim of a living reader is left alone.
    expect(ls('processing')).toEqual([fresh]);
    expect(await documentsWith('Gói tin đang được xử lý')).toEqual([]);
    fs.rmSync(path.join(processing, fresh));
  });

  it('two readers (two server processes) racing over one folder import each package once', async () => {
    const subjects = Array.from({ length: 6 }, (_, i) => `Gói tin tranh chấp số ${i + 1}`);
    for (const [i, s] of subjects.entries()) drop(`race-${i}.xml`, pkg([w.units.A], s));
    // The same package twice under two names: the database lock decides, not the file name.
    drop('race-dup-a.xml', pkg([w.units.B], 'Bản sao tranh chấp', '999'));
    drop('race-dup-b.xml', pkg([w.units.B], 'Bản sao tranh chấp', '999'));
    const [job] = documentsJobs({
      edxml: { inboxDir },
      dataDir: t.ctx.config.dataDir,
    }).filter((j) => j.name === 'documents.edxml-inbox');
    const [job2] = documentsJobs({
      edxml: { inboxDir },
      dataDir: t.ctx.config.dataDir,
    }).filter((j) => j.name === 'documents.edxml-inbox');
    const ctx = { db: t.db.kysely } as never;
    await Promise.all([
      job!.handler({} as never, ctx),
      job2!.handler({} as never, ctx),
      job!.handler({} as never, ctx),
    ]);
    for (const s of subjects) expect(await documentsWith(s)).toHaveLength(1);
    expect(await documentsWith('Bản sao tranh chấp')).toHaveLength(1);
    expect(ls().filter((n) => n.startsWith('race'))).toEqual([]);
    expect(ls('processing')).toEqual([]);
  });

  it('a claim is atomic: of two readers, one gets each file', async () => {
    drop('k-one.xml', pkg([w.units.A], 'Một tệp, hai người đọc'));
    const a = new FolderInbox({ dir: inboxDir });
    const b = new FolderInbox({ dir: inboxDir });
    const [ca, cb] = await Promise.all([a.claim(), b.claim()]);
    const names = [...ca, ...cb].map((c) => c.name);
    expect(names).toEqual(['k-one.xml']);
    const mine = [...ca, ...cb][0]!;
    expect(fs.existsSync(mine.file)).toBe(true);
    await (ca.length ? a : b).done(mine);
    expect(ls('processed')).toContain('k-one.xml');
  });
});
