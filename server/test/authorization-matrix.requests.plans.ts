// The requests of the plans operations (issue 12) in the authorization matrix: a plan of
// ward A (read by the staff of its line, written by its administrator, leader and
// secretariat); a write acts on a fresh plan of ward A made by the system administrator.
import { DEFAULT_INDEX766 } from '@cqs/shared/indicators/index766';
import type { World } from './authorization-matrix.fixtures.js';
import { type Builder, listed, V } from './authorization-matrix.kit.js';
import { uniqueUnitCode } from './factories/org.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A small plan document of ward A. */
const planBody = (w: World) => ({
  unitCode: w.units.A,
  year: 2027,
  title: `Kế hoạch chuyển đổi số phường A năm 2027 (${w.next()})`,
  status: 'draft',
  targets: [
    {
      sectionCode: 'chinh_quyen_so',
      text: '50% hồ sơ thủ tục hành chính được thực hiện trực tuyến, phấn đấu 100%.',
      indicatorCode: 'dossiers.online',
      comparator: '=',
      targetValue: 50,
      stretchValue: 100,
      unitOfMeasure: '%',
    },
  ],
  tasks: [{ name: 'Tuyên truyền về chuyển đổi số', kind: 'Mới' }],
  budget: [],
});

/** A fresh plan of ward A: its id and its first target's id. */
async function freshPlan(w: World): Promise<{ id: string; targetId: string }> {
  const p = (await w.setup('sys', 'POST', `${V}/plans`, planBody(w))).json();
  return { id: p.id, targetId: p.targets[0].id };
}

// The plan the reads name, made once per world.
const shared = new WeakMap<World, Promise<{ id: string; targetId: string }>>();
const planOfA = (w: World) => {
  if (!shared.has(w)) shared.set(w, freshPlan(w));
  return shared.get(w)!;
};

/** Plans: create, list, read, export, import, target edits and assignments down. */
export const PLANS_REQUESTS: Record<string, Builder> = {
  'POST /api/v1/plans': (w) => ({ url: `${V}/plans`, payload: planBody(w) }),
  'GET /api/v1/plans': async (w, role) =>
    listed(w, role, `${V}/plans`, [(await planOfA(w)).id], []),
  'POST /api/v1/plans/import.xlsx': async (w) => {
    const { id } = await freshPlan(w);
    const xlsx = (await w.setup('sys', 'GET', `${V}/plans/${id}/export.xlsx`)).rawPayload;
    return { url: `${V}/plans/import.xlsx`, payload: xlsx, headers: { 'content-type': XLSX } };
  },
  'GET /api/v1/plans/{id}': async (w) => ({ url: `${V}/plans/${(await planOfA(w)).id}` }),
  'GET /api/v1/plans/{id}/export.json': async (w) => ({
    url: `${V}/plans/${(await planOfA(w)).id}/export.json`,
  }),
  'GET /api/v1/plans/{id}/export.xlsx': async (w) => ({
    url: `${V}/plans/${(await planOfA(w)).id}/export.xlsx`,
  }),
  'PATCH /api/v1/plans/{id}/targets/{targetId}': async (w) => {
    const p = await freshPlan(w);
    return {
      url: `${V}/plans/${p.id}/targets/${p.targetId}`,
      payload: { indicatorCode: 'dossiers.on_time', targetValue: 60 },
    };
  },
  // Assigned down to a fresh khóm of ward A (a direct child of the plan's unit).
  'PUT /api/v1/plans/{id}/targets/{targetId}/assignments': async (w) => {
    const p = await freshPlan(w);
    const code = uniqueUnitCode('K');
    await w.setup('sys', 'POST', `${V}/units`, {
      code,
      name: `Khóm thử ${code}`,
      kind: 'hamlet',
      category: 'khom',
      parentCode: w.units.A,
      validFrom: '2027-01-01',
    });
    return {
      url: `${V}/plans/${p.id}/targets/${p.targetId}/assignments`,
      payload: { items: [{ unitCode: code, value: 80 }] },
    };
  },
  // Each writer withdraws a fresh plan (a withdrawn one answers 409 to the next).
  'POST /api/v1/plans/{id}/withdraw': async (w) => ({
    url: `${V}/plans/${(await freshPlan(w)).id}/withdraw`,
    payload: { reason: 'Nhập nhầm, thay bằng kế hoạch đã ban hành' },
  }),

  // Grades of ward A's plan (issue 12): read by the staff of the plan's line.
  'GET /api/v1/plans/{id}/grades': async (w) => ({
    url: `${V}/plans/${(await planOfA(w)).id}/grades?period=2027`,
  }),
};

/** Scoring (issue 12): the 766 index, rankings and trends of ward A; settings and sets. */
export const SCORING_REQUESTS: Record<string, Builder> = {
  'GET /api/v1/units/{code}/index-766': (w) => ({
    url: `${V}/units/${w.units.A}/index-766?period=2026`,
  }),
  'GET /api/v1/index-766/settings': () => ({ url: `${V}/index-766/settings` }),
  'PUT /api/v1/index-766/settings': () => ({
    url: `${V}/index-766/settings`,
    payload: DEFAULT_INDEX766,
  }),
  'GET /api/v1/indicators/{code}/ranking': (w) => ({
    url: `${V}/indicators/dossiers.on_time/ranking?unit=${w.units.A}&period=2026`,
  }),
  'GET /api/v1/rankings/{set}': (w) => ({
    url: `${V}/rankings/mac-dinh?unit=${w.units.A}&period=2026`,
  }),
  'GET /api/v1/ranking-sets': () => ({ url: `${V}/ranking-sets` }),
  'POST /api/v1/ranking-sets': (w) => ({
    url: `${V}/ranking-sets`,
    payload: {
      code: `bo-${w.next()}`,
      name: 'Bộ chỉ số thử',
      items: [{ indicator: 'dossiers.on_time', weight: 1, direction: 'higher' }],
    },
  }),
  'GET /api/v1/indicators/{code}/trend': (w) => ({
    url: `${V}/indicators/dossiers.on_time/trend?unit=${w.units.A}&year=2026`,
  }),
};
