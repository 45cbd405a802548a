import type { Kysely } from 'kysely';
import { CitizenService, type DataKeyRing } from './modules/citizens/index.js';
import { DEMO_WARDS, seedDemoDossierHistory } from './modules/dossiers/index.js';
import { seedDemoFeedbackHistory } from './modules/feedback/index.js';
import type { IdentityService } from './modules/identity/index.js';
import { seedDemoOrg } from './modules/org/index.js';
import { seedDemoPaymentAccount, seedDemoPaymentHistory } from './modules/payments/index.js';
import { seedDemoPlans } from './modules/plans/index.js';
import { seedDemoProcedures } from './modules/procedures/index.js';
import {
  seedDemoReportHistory,
  seedDemoReports,
  seedReplyTemplates,
  seedReportCategories,
} from './modules/reports/index.js';
import { seedDemoTaskHistory } from './modules/tasks/index.js';
import { SYSTEM_ACTOR } from './platform/actor.js';
import { systemClock } from './platform/clock.js';
import type { Database } from './platform/db/schema.js';

/** The demo password of every demo account (printed at start; demo mode only). */
export const DEMO_PASSWORD = 'demo@2026';

/** Demo staff, one per role, on Long Xuyên (An Giang, district 883) and its ward Mỹ Bình (30280). */
export const DEMO_ACCOUNTS = [
  {
    username: 'quantri.longxuyen',
    fullName: 'Trần Văn Quản',
    role: 'admin',
    unitCode: '883',
    note: 'Quản trị thành phố',
  },
  {
    username: 'motcua.mybinh',
    fullName: 'Nguyễn Thị Tiếp',
    role: 'desk_officer',
    unitCode: '30280',
    note: 'Cán bộ Một cửa phường Mỹ Bình',
  },
  {
    username: 'chuyenvien.mybinh',
    fullName: 'Lê Văn Xử',
    role: 'specialist',
    unitCode: '30280',
    note: 'Chuyên viên phường Mỹ Bình',
  },
  {
    username: 'lanhdao.mybinh',
    fullName: 'Phạm Thị Duyệt',
    role: 'leader',
    unitCode: '30280',
    note: 'Lãnh đạo UBND phường Mỹ Bình',
  },
  {
    // The city's operations centre (IOC) receives field reports that only the city's boundary
    // locates and passes them to the ward (transfer); also a city-level one-stop desk.
    username: 'dieuphoi.longxuyen',
    fullName: 'Đặng Văn Điều',
    role: 'desk_officer',
    unitCode: '883',
    note: 'Điều phối phản ánh hiện trường (IOC) thành phố',
  },
  {
    username: 'vanphong.longxuyen',
    fullName: 'Võ Văn Báo',
    role: 'secretariat',
    unitCode: '883',
    note: 'Văn phòng, Ban Chỉ đạo CĐS thành phố',
  },
  {
    // The city's leader: the leaders' dashboard (IOC) over the whole city (issue 12 deliver 7).
    username: 'lanhdao.longxuyen',
    fullName: 'Trương Văn Chỉ',
    role: 'leader',
    unitCode: '883',
    note: 'Lãnh đạo UBND thành phố',
  },
  {
    // Official documents (issue 13): the ward's clerical office (văn thư) registers incoming
    // documents and issues outgoing ones; the city's Phòng VH-TT drafts replies.
    username: 'vanthu.mybinh',
    fullName: 'Trần Thị Thư',
    role: 'secretariat',
    unitCode: '30280',
    note: 'Văn thư UBND phường Mỹ Bình',
  },
  {
    username: 'chuyenvien.vhtt',
    fullName: 'Ngô Văn Thảo',
    role: 'specialist',
    unitCode: '883.VHTT',
    note: 'Chuyên viên Phòng Văn hóa và Thông tin thành phố',
  },
  {
    username: 'congdan.demo',
    fullName: 'Huỳnh Thị Dân',
    role: 'citizen',
    unitCode: null,
    note: 'Công dân',
  },
] as const;

/**
 * Loads the Long Xuyên demo: units and agencies, procedures, one account per role, report
 * categories, reply templates and a few field reports in every stage. Idempotent.
 */
export async function seedDemo(
  db: Kysely<Database>,
  identity: IdentityService,
  publicUrl: string,
  /** The citizen-data keys; given, the demo citizen gets a profile (with its ID sealed). */
  citizenKeys?: DataKeyRing,
  /** The year of history (npm start passes it; tests and benchmarks that leave it out get none). */
  history?: DemoHistoryOptions,
): Promise<void> {
  await seedDemoOrg(db, SYSTEM_ACTOR);
  await seedDemoProcedures(db, SYSTEM_ACTOR);
  await seedReportCategories(db);
  await seedReplyTemplates(db, new Date());
  const existing = await identity.listUsers({ q: '', limit: 200 });
  const names = new Set(existing.items.map((u) => u.username));
  for (const a of DEMO_ACCOUNTS) {
    if (names.has(a.username)) continue;
    await identity.createUser(SYSTEM_ACTOR, {
      username: a.username,
      password: DEMO_PASSWORD,
      fullName: a.fullName,
      kind: a.role === 'citizen' ? 'citizen' : 'staff',
      roles: [{ role: a.role, unitCode: a.unitCode }],
    });
  }
  await seedDemoReports(db, publicUrl);
  await seedDemoPaymentAccount(db);
  await seedDemoPlans(db, SYSTEM_ACTOR);
  if (history) await seedDemoHistory(db, history);
  if (citizenKeys) await seedDemoCitizenProfile(db, identity, citizenKeys);
}

/** Options of the demo's year of history (tests pass a fixed `now` and a smaller volume). */
export interface DemoHistoryOptions {
  now: Date;
  dossiers?: number;
  reports?: number;
}

/**
 * A year of activity for Long Xuyên's 12 wards up to yesterday (issue 12 deliver 7), so the
 * leaders' dashboard shows real shapes: each module generates its own rows and publishes their
 * facts (the indicators rebuild or follow them as live work), in one transaction. Idempotent:
 * each module skips when its history is there.
 */
export async function seedDemoHistory(db: Kysely<Database>, opts: DemoHistoryOptions) {
  return db.transaction().execute(async (trx) => {
    const d = await seedDemoDossierHistory(trx, { now: opts.now, dossiers: opts.dossiers });
    const p = await seedDemoPaymentHistory(trx, { dossiers: d.feeDossiers });
    const f = await seedDemoFeedbackHistory(trx, { dossiers: d.returned });
    const r = await seedDemoReportHistory(trx, {
      now: opts.now,
      wards: DEMO_WARDS,
      reports: opts.reports,
    });
    const t = await seedDemoTaskHistory(trx, { now: opts.now });
    return { dossiers: d.added, ...p, ...f, ...r, ...t };
  });
}

/**
 * The demo citizen's profile (a fictional person and ID number) and consent to prefill, so the
 * portal's online submission shows the prefill at once. Kept as is when already filled in.
 */
async function seedDemoCitizenProfile(
  db: Kysely<Database>,
  identity: IdentityService,
  keys: DataKeyRing,
): Promise<void> {
  const found = await identity.listUsers({ q: 'congdan.demo', limit: 5 });
  const user = found.items.find((u) => u.username === 'congdan.demo');
  if (!user) return;
  const citizens = new CitizenService({ db, clock: systemClock, keys });
  const actor = {
    id: user.id,
    name: user.fullName,
    roles: [{ role: 'citizen' as const, unitCode: null }],
  };
  if ((await citizens.ownProfile(actor)).citizenId) return;
  await citizens.updateOwnProfile(actor, {
    fullName: user.fullName,
    citizenId: '089190000001',
    dateOfBirth: '1990-04-15',
    phone: '0900000001',
    email: 'congdan.demo@example.vn',
    address: { line: '15 Trần Hưng Đạo, khóm Bình Khánh 1', unitCode: '30280' },
  });
  await citizens.setConsent(actor, 'profile_prefill', true);
}
