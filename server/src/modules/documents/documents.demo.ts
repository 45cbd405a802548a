// Demo documents of Long Xuyên (issue 13): what each demo account finds in "văn bản cần xử
// lý" at first start — the city office has a document to present and a draft to check, the
// city leader one to direct, the Phòng VH-TT specialist one to handle, and Mỹ Bình's clerk an
// issued plan of the city (signed and sealed with the demo CA) waiting to be registered; the
// specialist keeps a work file (hồ sơ công việc) of the report they handle, and one document is
// past its deadline (the dashboard's overdue list). The dashboard's document indicators have
// their first values. Idempotent: nothing is added once
// the city has documents.
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/schema.js';
import { FileStore } from '../../platform/files/file-store.js';
import { renderOfficialPdf } from '../../platform/pdf/index.js';
import { findAccount } from '../identity/index.js';
import { TaskService } from '../tasks/index.js';
import { OutgoingDocuments } from './documents.outgoing.js';
import { documentsRepository as repo } from './documents.repository.js';
import { DocumentService } from './documents.service.js';
import { SigningSetup } from './documents.signing.js';
import { WorkFiles } from './documents.work-files.js';

const CITY = '883';
const WARD = '30280';
const DEPT = '883.VHTT';

/** A PDF standing in for a scanned letter from outside. */
async function letter(
  issuer: string,
  symbol: string,
  summary: string,
  date: string,
): Promise<Buffer> {
  const { pdf } = await renderOfficialPdf({
    parentBody: 'UBND TỈNH AN GIANG',
    issuingBody: issuer,
    number: '125',
    symbol,
    place: 'An Giang',
    date,
    typeTitle: null,
    summary,
    body: {
      paragraphs: [
        'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, đề nghị các đơn vị triển khai và báo cáo kết quả đúng thời hạn.',
      ],
    },
    signature: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Văn Ký' },
    recipients: ['UBND các huyện, thị xã, thành phố'],
    archive: 'VT',
  });
  return pdf;
}

/** Seeds the demo documents once (DEMO_DATA). */
export async function seedDemoDocuments(
  db: Kysely<Database>,
  config: Pick<Config, 'dataDir' | 'signing'>,
  clock: Clock,
): Promise<void> {
  if (await repo.unitHasDocuments(db, CITY)) return;
  const as = async (username: string): Promise<Actor> => {
    const a = await findAccount(db, username);
    if (!a) throw new Error(`demo documents: no account ${username}`);
    return { id: a.id, name: a.fullName, roles: a.roles };
  };
  const [office, leader, specialist] = await Promise.all([
    as('vanphong.longxuyen'),
    as('lanhdao.longxuyen'),
    as('chuyenvien.vhtt'),
  ]);
  const svc = new DocumentService({
    db,
    clock,
    store: new FileStore(path.join(config.dataDir, 'files')),
    tasks: new TaskService({ db, clock }),
  });
  svc.outgoing = new OutgoingDocuments(
    svc,
    new SigningSetup({ dataDir: config.dataDir, ...config.signing }),
  );
  svc.hooks = svc.outgoing.hooks();
  const today = clock.now();
  const iso = (daysFromToday: number) =>
    new Date(today.getTime() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
  const step = async (who: Actor, id: string, body: Record<string, unknown>) => {
    const d = await repo.get(svc.deps.db, id);
    return svc.act(who, id, { version: d!.version, ...body } as never, svc.hooks);
  };
  const incoming = async (summary: string, symbol: string, deadline: string | null) =>
    svc.registerIncoming(
      office,
      {
        unitCode: CITY,
        source: 'paper',
        issuer: { name: 'Sở Thông tin và Truyền thông tỉnh An Giang', organId: null },
        codeNumber: String(100 + summary.length),
        codeNotation: symbol,
        issuedOn: iso(-3),
        typeCode: 'CV',
        summary,
        signerName: 'Trần Văn Ký',
        signerPosition: 'Phó Giám đốc',
        urgency: 'normal',
        confidentiality: 'normal',
        deadline,
        replyToId: null,
        note: null,
        files: [],
      },
      [
        {
          name: 'cong-van.pdf',
          contentType: 'application/pdf',
          bytes: await letter('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', symbol, summary, iso(-3)),
          kind: 'scan',
        },
      ],
    );

  // 1. Presented by the office, waiting for the city leader's direction.
  const a = await incoming(
    'Về việc triển khai chữ ký số chuyên dùng công vụ cho cán bộ, công chức',
    'STTTT-CĐS',
    iso(10),
  );
  await step(office, a.id, {
    action: 'propose',
    note: 'Kính trình lãnh đạo UBND thành phố cho ý kiến chỉ đạo.',
  });
  // 2. Directed to Phòng VH-TT, in its specialist's "cần xử lý" with a deadline.
  const b = await incoming('Về việc báo cáo kết quả chuyển đổi số năm 2026', 'STTTT-BC', iso(7));
  await step(leader, b.id, {
    action: 'direct',
    direction: 'Giao Phòng Văn hóa và Thông tin chủ trì tham mưu báo cáo, trình trước hạn.',
    assignments: [{ role: 'lead', unitCode: DEPT, userId: specialist.id }],
    deadline: iso(7),
  });
  // 3. A city plan drafted by the department, approved, signed and issued to Mỹ Bình.
  const plan = await svc.createOutgoing(
    specialist,
    {
      unitCode: CITY,
      typeCode: 'KH',
      summary: 'Kế hoạch tuyên truyền chuyển đổi số năm 2027',
      paragraphs: [
        'Thực hiện Kế hoạch chuyển đổi số của Ủy ban nhân dân tỉnh An Giang năm 2027.',
        'Ủy ban nhân dân thành phố ban hành Kế hoạch tuyên truyền chuyển đổi số năm 2027 như sau.',
      ],
      signer: {
        authority: 'TM. ỦY BAN NHÂN DÂN',
        title: 'CHỦ TỊCH',
        name: leader.name,
        userId: leader.id,
      },
      recipients: { units: [WARD], external: [], places: ['UBND các phường, xã'] },
      urgency: 'normal',
      deadline: null,
      replyToId: null,
      files: [],
    },
    [],
  );
  await step(specialist, plan.id, { action: 'submit' });
  await step(office, plan.id, { action: 'approve', comment: 'Đúng thể thức.' });
  await step(leader, plan.id, { action: 'approve' });
  await step(leader, plan.id, { action: 'sign' });
  await step(office, plan.id, { action: 'issue' });
  // 4. A draft reply waiting at the office's check.
  const reply = await svc.createOutgoing(
    specialist,
    {
      unitCode: CITY,
      typeCode: 'CV',
      summary: 'Về việc đăng ký nhu cầu chứng thư số chuyên dùng',
      paragraphs: [
        'Ủy ban nhân dân thành phố đăng ký nhu cầu cấp chứng thư số chuyên dùng công vụ như phụ lục kèm theo.',
      ],
      signer: {
        authority: 'KT. CHỦ TỊCH',
        title: 'PHÓ CHỦ TỊCH',
        name: leader.name,
        userId: leader.id,
      },
      recipients: {
        units: [],
        external: [
          { organId: '000.00.12.H01', name: 'Sở Thông tin và Truyền thông tỉnh An Giang' },
        ],
        places: ['Sở Thông tin và Truyền thông'],
      },
      urgency: 'urgent',
      deadline: null,
      replyToId: null,
      files: [],
    },
    [],
  );
  await step(specialist, reply.id, { action: 'submit' });
  // 5. The specialist's work file for the report (mở hồ sơ), holding the directed document.
  await new WorkFiles({ db, clock }).create(specialist, {
    title: 'Hồ sơ báo cáo kết quả chuyển đổi số năm 2026',
    retention: '10',
    documentIds: [b.id],
  });
  // 6. A document registered with a deadline already past, not yet presented: overdue.
  await incoming('Về việc rà soát, cập nhật danh mục dữ liệu mở', 'STTTT-DL', iso(-2));
}
