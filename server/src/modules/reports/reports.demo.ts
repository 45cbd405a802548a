/**
 * Demo field reports (phản ánh mẫu) for `npm start`: a handful of reports in Mỹ Bình ward
 * and Long Xuyên city, in every stage, filed and handled through the service as a citizen
 * and the demo staff would — so the public map, the staff queue and the statistics show
 * something on first start. Loaded only when the report table is empty. No real people:
 * the reporters are anonymous or fictitious.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { FixedClock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { findAccount } from '../identity/index.js';
import type { ActionInput, CreateReportInput } from './reports.schemas.js';
import { ReportService } from './reports.service.js';

const DAY = 86_400_000;
const WARD = '30280'; // Phường Mỹ Bình

/** One demo report: when it came in (days ago, at 09:00), what it says, what happened to it. */
interface DemoReport {
  daysAgo: number;
  input: Omit<CreateReportInput, 'anonymous' | 'contact'> & {
    anonymous?: boolean;
    contact?: CreateReportInput['contact'];
  };
  /** Staff steps: who, what, days after receipt. */
  steps: { who: string; action: Omit<ActionInput, 'version'>; after: number }[];
  rating?: number;
}

const at = (lat: number, long: number, address: string) => ({
  lat,
  long,
  unitCode: WARD,
  address,
});

const DEMO_REPORTS: DemoReport[] = [
  {
    daysAgo: 20,
    input: {
      categoryCode: 'road',
      description: 'Ổ gà lớn giữa đường Lý Thái Tổ, xe máy đi qua rất nguy hiểm, nhất là ban đêm.',
      attributes: { damage: 'pothole', size_m: '0.8', hazards: ['traffic', 'night'] },
      location: at(10.3812, 105.4398, 'Trước số 18 Lý Thái Tổ'),
    },
    steps: [
      { who: 'motcua.mybinh', action: { action: 'accept' }, after: 0 },
      {
        who: 'lanhdao.mybinh',
        action: { action: 'assign', assigneeUsername: 'chuyenvien.mybinh' },
        after: 1,
      },
      { who: 'chuyenvien.mybinh', action: { action: 'start' }, after: 1 },
      {
        who: 'chuyenvien.mybinh',
        action: {
          action: 'resolve',
          reply:
            'Phường đã phối hợp đơn vị duy tu vá ổ gà và hoàn trả mặt đường ngày hôm nay. Cảm ơn bạn đã phản ánh.',
        },
        after: 5,
      },
    ],
    rating: 5,
  },
  {
    daysAgo: 6,
    input: {
      categoryCode: 'lighting',
      description: 'Ba cột đèn đường liên tiếp trên đường Trần Hưng Đạo không sáng mấy đêm nay.',
      location: at(10.3795, 105.4411, 'Đường Trần Hưng Đạo, đoạn gần chợ Mỹ Bình'),
    },
    steps: [
      { who: 'motcua.mybinh', action: { action: 'accept' }, after: 0 },
      {
        who: 'lanhdao.mybinh',
        action: { action: 'assign', assigneeUsername: 'chuyenvien.mybinh' },
        after: 1,
      },
      { who: 'chuyenvien.mybinh', action: { action: 'start' }, after: 2 },
    ],
  },
  {
    daysAgo: 1,
    input: {
      categoryCode: 'waste',
      description: 'Rác tồn đọng ở góc hẻm 12, bốc mùi, chưa được thu gom hai ngày.',
      location: at(10.3823, 105.4385, 'Đầu hẻm 12 Nguyễn Trãi'),
      anonymous: true,
    },
    steps: [],
  },
  {
    daysAgo: 10,
    input: {
      categoryCode: 'drainage',
      description: 'Nắp cống bị vỡ trên vỉa hè, người đi bộ dễ sụp chân.',
      location: at(10.3806, 105.4425, 'Vỉa hè trước trường tiểu học'),
    },
    // Nobody acted: it is overdue and the sweep reports it to the city.
    steps: [],
  },
  {
    daysAgo: 8,
    input: {
      categoryCode: 'trees',
      description: 'Nhà bên cạnh trồng cây che hết cửa sổ nhà tôi.',
      location: at(10.3817, 105.4406, 'Hẻm 5 Hai Bà Trưng'),
    },
    steps: [
      {
        who: 'motcua.mybinh',
        action: {
          action: 'reject',
          reason:
            'Tranh chấp giữa các hộ gia đình không thuộc phạm vi phản ánh hiện trường; đề nghị liên hệ tổ hòa giải khu vực.',
        },
        after: 1,
      },
    ],
  },
  {
    daysAgo: 4,
    input: {
      categoryCode: 'order',
      description: 'Quán nước lấn chiếm toàn bộ vỉa hè, người đi bộ phải xuống lòng đường.',
      location: at(10.3801, 105.4402, 'Vỉa hè đường Lê Lợi'),
      anonymous: true,
    },
    steps: [
      { who: 'motcua.mybinh', action: { action: 'accept' }, after: 0 },
      {
        who: 'lanhdao.mybinh',
        action: { action: 'assign', assigneeUsername: 'chuyenvien.mybinh' },
        after: 1,
      },
    ],
  },
  {
    daysAgo: 5,
    input: {
      categoryCode: 'lighting',
      description: 'Đèn công viên sáng cả ban ngày, lãng phí điện.',
      location: at(10.3829, 105.4419, 'Công viên phường Mỹ Bình'),
    },
    steps: [
      { who: 'motcua.mybinh', action: { action: 'accept' }, after: 0 },
      {
        who: 'lanhdao.mybinh',
        action: { action: 'assign', assigneeUsername: 'chuyenvien.mybinh' },
        after: 0,
      },
      { who: 'chuyenvien.mybinh', action: { action: 'start' }, after: 1 },
      {
        who: 'chuyenvien.mybinh',
        action: {
          action: 'resolve',
          reply: 'Đã chỉnh lại bộ hẹn giờ của tủ điện chiếu sáng công viên.',
        },
        after: 3,
      },
    ],
    rating: 4,
  },
  {
    daysAgo: 2,
    input: {
      categoryCode: 'other',
      description: 'Biển chỉ dẫn đến bệnh viện bị gió làm xoay sai hướng.',
      // A point alone: it goes to the city's desk (dieuphoi.longxuyen), who may transfer it.
      location: { lat: 10.3745, long: 105.4262, address: 'Ngã tư Trần Hưng Đạo – Hà Hoàng Hổ' },
    },
    steps: [],
  },
];

/** Files and handles the demo reports when there are none yet. */
export async function seedDemoReports(
  db: Kysely<Database>,
  publicUrl: string,
  now = new Date(),
): Promise<void> {
  const any = await db.selectFrom('report').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const clock = new FixedClock(now);
  const svc = new ReportService({ db, clock, publicUrl });
  const actors = new Map<string, Actor>();
  const actorOf = async (username: string): Promise<Actor> => {
    let a = actors.get(username);
    if (!a) {
      const acc = await findAccount(db, username);
      if (!acc) throw new Error(`demo account ${username} is missing`);
      a = { id: acc.id, name: acc.username, roles: acc.roles };
      actors.set(username, a);
    }
    return a;
  };
  // 09:00 in Vietnam (02:00 UTC) on the day `daysAgo` before today.
  const morning = (daysAgo: number) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    d.setUTCHours(2, 0, 0, 0);
    return d;
  };
  for (const r of DEMO_REPORTS) {
    const start = morning(r.daysAgo);
    clock.set(start);
    const { row, followToken } = await svc.create(null, {
      anonymous: false,
      contact: {},
      ...r.input,
    } as CreateReportInput);
    let version = row.version;
    for (const s of r.steps) {
      clock.set(new Date(start.getTime() + s.after * DAY + 3_600_000 * (1 + version)));
      const view = await svc.act(await actorOf(s.who), row.id, {
        ...s.action,
        version,
      } as ActionInput);
      version = view.version;
    }
    if (r.rating) await svc.actAsReporter(row.code, followToken, 'rate', { rating: r.rating });
  }
}
