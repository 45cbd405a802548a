// One request per operation of the OpenAPI document, as a caller sends it in the
// authorization matrix: path parameters name unit A's objects (and citizen A's), bodies are
// valid so that a caller who may do it gets a 2xx, and a write that a caller may make acts on
// a fresh object of its own (see the fixtures), so no cell depends on another.

import type { World } from './authorization-matrix.fixtures.js';
import { type Builder, hidden, listed, onB, V } from './authorization-matrix.kit.js';
import { DOCUMENT_REQUESTS } from './authorization-matrix.requests.documents.js';
import { PLANS_REQUESTS, SCORING_REQUESTS } from './authorization-matrix.requests.plans.js';
import { SERVICE_REQUESTS } from './authorization-matrix.requests.services.js';
import { SIGNATURE_IMAGE_REQUESTS } from './authorization-matrix.requests.signatures.js';
import { TASK_REQUESTS } from './authorization-matrix.requests.tasks.js';
import { uniqueUnitCode } from './factories/org.js';
import { buildProcedureInput } from './factories/procedures.js';

export type { Req } from './authorization-matrix.kit.js';

/** A procedure of the system administrator's, for the writes that change or archive one. */
async function freshProcedure(w: World) {
  const input = buildProcedureInput();
  const id = (await w.setup('sys', 'POST', `${V}/procedures`, input)).json().id as string;
  return { id, input };
}

/** A hamlet (khóm) of ward A, for the writes that close a unit. */
async function freshHamlet(w: World): Promise<string> {
  const code = uniqueUnitCode('K');
  await w.setup('sys', 'POST', `${V}/units`, {
    code,
    name: `Khóm thử ${code}`,
    kind: 'hamlet',
    category: 'khom',
    parentCode: w.units.A,
    validFrom: '2027-01-01',
  });
  return code;
}

async function freshTemplate(w: World): Promise<string> {
  const r = await w.setup('sys', 'POST', `${V}/report-reply-templates`, {
    categoryCode: null,
    kind: 'info',
    title: `Mẫu thử ${w.next()}`,
    body: 'Đề nghị bổ sung vị trí cụ thể.',
  });
  return r.json().id;
}

const templateBody = (w: World) => ({
  categoryCode: 'lighting',
  kind: 'resolve',
  title: `Mẫu trả lời ${w.next()}`,
  body: 'Đơn vị đã khắc phục xong.',
});

/** Sign-in, accounts, units, procedures, calendar, report settings, Open311 keys, operators. */
const ADMIN_REQUESTS: Record<string, Builder> = {
  // ── Platform, sign-in, accounts ──────────────────────────────────────────────────────
  'GET /api/health': () => ({ url: '/api/health' }),
  'POST /api/v1/auth/login': (w, role) => {
    // Anyone may sign in; the anonymous caller signs in as citizen B.
    const c = w.callers[role === 'anon' ? 'citB' : role];
    return { url: `${V}/auth/login`, payload: { username: c.username, password: c.password } };
  },
  'POST /api/v1/auth/logout': async (w, role) => ({
    url: `${V}/auth/logout`,
    headers: await w.freshSession(role),
  }),
  'GET /api/v1/auth/me': () => ({ url: `${V}/auth/me` }),
  'GET /api/v1/users': () => ({ url: `${V}/users` }),
  'POST /api/v1/users': (w) => ({
    url: `${V}/users`,
    payload: {
      username: `moi.${w.next()}`,
      password: 'mat-khau-can-bo-1',
      fullName: 'Cán bộ mới',
      roles: [{ role: 'desk_officer', unitCode: w.units.A }],
    },
  }),
  'PATCH /api/v1/users/{id}': (w) => ({
    url: `${V}/users/${w.targetUserId}`,
    payload: { fullName: 'Cán bộ được sửa' },
  }),

  // ── Units ────────────────────────────────────────────────────────────────────────────
  'GET /api/v1/units': () => ({ url: `${V}/units` }),
  'POST /api/v1/units': (w) => {
    const code = uniqueUnitCode('K');
    return {
      url: `${V}/units`,
      payload: {
        code,
        name: `Khóm mới ${code}`,
        kind: 'hamlet',
        category: 'khom',
        parentCode: w.units.A,
        validFrom: '2027-01-01',
      },
    };
  },
  'GET /api/v1/units/{code}': (w) => ({ url: `${V}/units/${w.units.A}` }),
  'PATCH /api/v1/units/{code}': (w) => ({
    url: `${V}/units/${w.units.A}`,
    payload: { nameEn: 'Ward A' },
  }),
  'GET /api/v1/units/{code}/boundary': (w) => ({ url: `${V}/units/${w.units.A}/boundary` }),
  'GET /api/v1/units/{code}/staff': (w) => ({ url: `${V}/units/${w.units.A}/staff` }),
  'GET /api/v1/public/units': (w) => ({ url: `${V}/public/units?within=${w.units.city}` }),
  'GET /api/v1/public/units/{code}/boundary': (w) => ({
    url: `${V}/public/units/${w.units.A}/boundary`,
  }),
  'POST /api/v1/units/{code}/close': async (w) => ({
    url: `${V}/units/${await freshHamlet(w)}/close`,
    payload: { date: '2027-03-01', reason: 'Sáp nhập khóm.' },
  }),

  // ── Procedures ───────────────────────────────────────────────────────────────────────
  'GET /api/v1/public/procedures': () => ({ url: `${V}/public/procedures?q=khai%20sinh` }),
  'GET /api/v1/public/procedures/{code}': (w) => ({
    url: `${V}/public/procedures/${w.procedure.code}`,
  }),
  'GET /api/v1/public/procedures/{code}/forms/{file}': (w) => ({
    url: `${V}/public/procedures/${w.procedure.code}/forms/to_khai.pdf`,
  }),
  'GET /api/v1/procedures/agencies': () => ({ url: `${V}/procedures/agencies` }),
  'GET /api/v1/procedure-synonyms': () => ({ url: `${V}/procedure-synonyms` }),
  'PUT /api/v1/procedure-synonyms': (w) => ({
    url: `${V}/procedure-synonyms`,
    payload: w.synonyms,
  }),
  'GET /api/v1/procedures': () => ({ url: `${V}/procedures` }),
  'POST /api/v1/procedures': () => ({ url: `${V}/procedures`, payload: buildProcedureInput() }),
  'GET /api/v1/procedures/fields': () => ({ url: `${V}/procedures/fields` }),
  'GET /api/v1/procedures/export': () => ({ url: `${V}/procedures/export?format=json` }),
  'GET /api/v1/procedures/{id}': (w) => ({ url: `${V}/procedures/${w.procedure.id}` }),
  'PUT /api/v1/procedures/{id}': async (w) => {
    const p = await freshProcedure(w);
    return { url: `${V}/procedures/${p.id}`, payload: { ...p.input, name: 'Thủ tục đã sửa' } };
  },
  'DELETE /api/v1/procedures/{id}': async (w) => ({
    url: `${V}/procedures/${(await freshProcedure(w)).id}`,
  }),
  'POST /api/v1/procedures/import': async (w) => {
    const all = (await w.setup('sys', 'GET', `${V}/procedures/export?format=json`)).json();
    const items = all.items.filter((i: { code: string }) => i.code === w.procedure.code);
    return { url: `${V}/procedures/import?format=json`, payload: { ...all, items } };
  },

  // ── Calendar ─────────────────────────────────────────────────────────────────────────
  'GET /api/v1/calendar/due': (w) => ({
    url: `${V}/calendar/due?from=2027-03-01T09:00:00%2B07:00&days=3&unit=${w.units.A}`,
  }),
  'GET /api/v1/calendar/days': (w) => ({ url: `${V}/calendar/days?year=2027&unit=${w.units.A}` }),
  'GET /api/v1/calendar/overrides/{year}': () => ({ url: `${V}/calendar/overrides/2027` }),
  'PUT /api/v1/calendar/overrides/{year}': () => ({
    url: `${V}/calendar/overrides/2031`,
    payload: { daysOff: [], workingDays: [] },
  }),
  'GET /api/v1/calendar/settings/{unitCode}': (w) => ({
    url: `${V}/calendar/settings/${w.units.A}`,
  }),
  'PUT /api/v1/calendar/settings/{unitCode}': (w) => ({
    url: `${V}/calendar/settings/${w.units.A}`,
    payload: w.calendarSettings,
  }),

  // ── Field reports: settings, statistics, exports ─────────────────────────────────────
  'GET /api/v1/report-categories/all': () => ({ url: `${V}/report-categories/all` }),
  'POST /api/v1/report-categories': (w) => ({
    url: `${V}/report-categories`,
    payload: { ...w.categoryBody, code: `thu_${w.next()}`, active: false },
  }),
  'GET /api/v1/report-categories': () => ({ url: `${V}/report-categories` }),
  'PUT /api/v1/report-categories/{code}': (w) => ({
    url: `${V}/report-categories/trees`,
    payload: w.categoryBody,
  }),
  'GET /api/v1/report-routing-rules': (w, role) => ({
    url: `${V}/report-routing-rules`,
    ...hidden(role, [w.units.A]),
  }),
  // Ward B's callers try to send their own ward's reports to ward A (issue 11).
  'PUT /api/v1/report-routing-rules': (w, role) => ({
    url: `${V}/report-routing-rules`,
    payload: {
      categoryCode: 'trees',
      areaUnitCode: onB(role) ? w.units.B : w.units.A,
      handlingUnitCode: w.units.A,
    },
  }),
  'DELETE /api/v1/report-routing-rules/{categoryCode}/{areaUnitCode}': async (w) => {
    await w.setup('sys', 'PUT', `${V}/report-routing-rules`, {
      categoryCode: 'waste',
      areaUnitCode: w.units.A,
      handlingUnitCode: w.units.A,
    });
    return { url: `${V}/report-routing-rules/waste/${w.units.A}` };
  },
  'GET /api/v1/report-reply-templates': () => ({ url: `${V}/report-reply-templates` }),
  'POST /api/v1/report-reply-templates': (w) => ({
    url: `${V}/report-reply-templates`,
    payload: templateBody(w),
  }),
  'PUT /api/v1/report-reply-templates/{id}': async (w) => ({
    url: `${V}/report-reply-templates/${await freshTemplate(w)}`,
    payload: templateBody(w),
  }),
  'DELETE /api/v1/report-reply-templates/{id}': async (w) => ({
    url: `${V}/report-reply-templates/${await freshTemplate(w)}`,
  }),
  'GET /api/v1/reports/stats': (w, role) =>
    listed(w, role, `${V}/reports/stats?from=2027-01-01&to=2027-03-01`, [w.units.A], [w.units.B]),
  'GET /api/v1/reports/export.csv': (w, role) =>
    listed(w, role, `${V}/reports/export.csv`, [w.report.code], [w.wardB.reportCode]),
  'GET /api/v1/public/reports.csv': () => ({ url: `${V}/public/reports.csv` }),

  // ── Open311 client keys ──────────────────────────────────────────────────────────────
  'GET /api/v1/open311/clients': () => ({ url: `${V}/open311/clients` }),
  'POST /api/v1/open311/clients': (w) => ({
    url: `${V}/open311/clients`,
    payload: { name: `Ứng dụng thử ${w.next()}` },
  }),
  'POST /api/v1/open311/clients/{id}/revoke': async (w) => {
    const c = await w.setup('sys', 'POST', `${V}/open311/clients`, { name: `Khóa ${w.next()}` });
    return { url: `${V}/open311/clients/${c.json().id}/revoke` };
  },

  // ── Operators ────────────────────────────────────────────────────────────────────────
  'POST /api/v1/admin/backups': () => ({ url: `${V}/admin/backups` }),
  'GET /api/v1/admin/audit/verify': () => ({ url: `${V}/admin/audit/verify` }),
  'GET /api/v1/public/map-settings': () => ({ url: `${V}/public/map-settings` }),
};

/** The request of every operation, keyed `METHOD /path` as in the OpenAPI document. */
export const REQUESTS: Record<string, Builder> = {
  ...ADMIN_REQUESTS,
  ...SERVICE_REQUESTS,
  ...TASK_REQUESTS,
  ...DOCUMENT_REQUESTS,
  ...SIGNATURE_IMAGE_REQUESTS,
};
Object.assign(REQUESTS, PLANS_REQUESTS, SCORING_REQUESTS);

/** Operations run after all others: they end the caller's account. */
export const RUN_LAST = new Set(['POST /api/v1/citizens/me/deletion']);
