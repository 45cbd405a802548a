// One request per operation of the OpenAPI document, as a caller sends it in the
// authorization matrix: path parameters name unit A's objects (and citizen A's), bodies are
// valid so that a caller who may do it gets a 2xx, and a write that a caller may make acts on
// a fresh object of its own (see the fixtures), so no cell depends on another.

import {
  type Body,
  CITIZEN_PASSWORD,
  PDF,
  photoJpeg,
  type RoleName,
  type World,
} from './authorization-matrix.fixtures.js';
import { uniqueUnitCode } from './factories/org.js';
import { buildProcedureInput } from './factories/procedures.js';

export interface Req {
  url: string;
  payload?: Body;
  headers?: Record<string, string>;
  /** What the answer must not contain, whatever its status (another unit's object). */
  mustNotContain?: string[];
}
type Builder = (w: World, role: RoleName) => Req | Promise<Req>;

const V = '/api/v1';
const pdf = (url: string): Req => ({
  url,
  payload: PDF,
  headers: { 'content-type': 'application/pdf' },
});
const proofA = (w: World) => `phone=${w.citizenA.phone}`;
/** Ward B's side: its staff and its administrator. */
const onB = (role: RoleName) => /B$/.test(role) && role !== 'citB';
/** A list as seen by ward B's side (or citizen B): none of unit A's (citizen A's) objects. */
const hidden = (role: RoleName, secrets: string[], side = onB(role)) =>
  side ? { mustNotContain: secrets } : {};

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

/** The request of every operation, keyed `METHOD /path` as in the OpenAPI document. */
export const REQUESTS: Record<string, Builder> = {
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

  // ── Dossiers ─────────────────────────────────────────────────────────────────────────
  // Ward B's callers send ward A's Idempotency-Key with a receipt of their own ward: a key
  // of another unit must behave as a fresh key, never answer with ward A's dossier.
  'POST /api/v1/dossiers': (w, role) =>
    onB(role)
      ? {
          url: `${V}/dossiers`,
          payload: w.receiptBody(w.units.B),
          headers: { 'idempotency-key': w.keyed.key },
          mustNotContain: [w.keyed.id, w.keyed.code],
        }
      : {
          url: `${V}/dossiers`,
          payload: w.receiptBody(),
          headers: { 'idempotency-key': `ma-tran-${w.next()}-khoa` },
        },
  'GET /api/v1/dossiers': (w, role) => ({
    url: `${V}/dossiers?state=all`,
    ...hidden(role, [w.dossier.id, w.dossier.code, w.keyed.id]),
  }),
  'GET /api/v1/dossiers/{id}': (w) => ({ url: `${V}/dossiers/${w.dossier.id}` }),
  'POST /api/v1/dossiers/{id}/actions': async (w) => ({
    url: `${V}/dossiers/${(await w.freshDossier()).id}/actions`,
    payload: { action: 'assign', version: 1 },
  }),
  'POST /api/v1/dossiers/{id}/files': async (w) =>
    pdf(
      `${V}/dossiers/${(await w.freshDossier()).id}/files?kind=attachment&component=to_khai&filename=to-khai.pdf`,
    ),
  'GET /api/v1/dossiers/{id}/files/{fileId}': (w) => ({
    url: `${V}/dossiers/${w.dossier.id}/files/${w.dossier.resultFileId}`,
  }),
  'GET /api/v1/dossiers/register.xlsx': () => ({
    url: `${V}/dossiers/register.xlsx?from=2027-01-01&to=2027-12-31`,
  }),
  'GET /api/v1/dossiers/{id}/forms/{file}': (w) => ({
    url: `${V}/dossiers/${w.dossier.id}/forms/01.pdf`,
  }),
  'GET /api/v1/public/dossiers/{code}': (w) => ({
    url: `${V}/public/dossiers/${w.dossier.code}?${proofA(w)}`,
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
  'GET /api/v1/reports/stats': (w, role) => ({
    url: `${V}/reports/stats?from=2027-01-01&to=2027-03-01`,
    ...hidden(role, [w.units.A]),
  }),
  'GET /api/v1/reports/export.csv': (w, role) => ({
    url: `${V}/reports/export.csv`,
    ...hidden(role, [w.report.code]),
  }),
  'GET /api/v1/public/reports.csv': () => ({ url: `${V}/public/reports.csv` }),

  // ── Field reports ────────────────────────────────────────────────────────────────────
  'POST /api/v1/report-photos': async () => ({
    url: `${V}/report-photos`,
    payload: await photoJpeg(),
    headers: { 'content-type': 'image/jpeg' },
  }),
  'GET /api/v1/public/report-photos/{id}': (w) => ({
    url: `${V}/public/report-photos/${w.report.photoId}`,
  }),
  'GET /api/v1/public/report-photos/{id}/thumb': (w) => ({
    url: `${V}/public/report-photos/${w.report.photoId}/thumb`,
  }),
  'POST /api/v1/reports': (w) => ({
    url: `${V}/reports`,
    payload: {
      categoryCode: 'lighting',
      description: 'Đèn đường hỏng trước chợ.',
      location: { unitCode: w.units.A, address: 'Chợ phường A' },
      contact: {},
    },
  }),
  'GET /api/v1/reports': (w, role) => ({
    url: `${V}/reports`,
    ...hidden(role, [w.report.id, w.report.code]),
  }),
  'GET /api/v1/reports/{id}': (w) => ({ url: `${V}/reports/${w.report.id}` }),
  'POST /api/v1/reports/{id}/actions': async (w) => ({
    url: `${V}/reports/${(await w.freshReport()).id}/actions`,
    payload: { action: 'accept', version: 1 },
  }),
  'GET /api/v1/public/reports': () => ({ url: `${V}/public/reports` }),
  'GET /api/v1/public/reports/nearby': () => ({
    url: `${V}/public/reports/nearby?categoryCode=lighting&lat=10.32&long=105.42`,
  }),
  'GET /api/v1/public/reports/{code}': (w) => ({ url: `${V}/public/reports/${w.report.code}` }),
  'POST /api/v1/public/reports/{code}/follow': (w) => ({
    url: `${V}/public/reports/${w.report.code}/follow`,
    payload: { contact: `theodoi${w.next()}@example.vn` },
  }),
  'POST /api/v1/public/reports/{code}/reopen': async (w) => {
    const r = await w.freshResolvedReport();
    return {
      url: `${V}/public/reports/${r.code}/reopen`,
      payload: { token: r.token, reason: 'Đèn vẫn chưa sáng.' },
    };
  },
  'POST /api/v1/public/reports/{code}/info': async (w) => {
    const r = await w.freshReportWithQuestion();
    return {
      url: `${V}/public/reports/${r.code}/info`,
      payload: { token: r.token, answer: 'Phía bên trái, gần cột điện số 12.' },
    };
  },
  'POST /api/v1/public/reports/{code}/rating': async (w) => {
    const r = await w.freshResolvedReport();
    return { url: `${V}/public/reports/${r.code}/rating`, payload: { token: r.token, rating: 5 } };
  },

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

  // ── Citizens ─────────────────────────────────────────────────────────────────────────
  'POST /api/v1/citizens/registrations': (w) => ({
    url: `${V}/citizens/registrations`,
    payload: {
      phone: `0915${String(w.next()).padStart(6, '0')}`,
      password: CITIZEN_PASSWORD,
      fullName: 'Người Đăng Ký Mới',
      acceptTerms: true,
    },
  }),
  'POST /api/v1/citizens/registrations/{id}/resend': async (w) => {
    const r = await w.freshRegistration();
    w.clock.advance(61_000); // a new code is sent at most once a minute
    return { url: `${V}/citizens/registrations/${r.id}/resend` };
  },
  'POST /api/v1/citizens/registrations/{id}/verify': async (w) => {
    const r = await w.freshRegistration();
    return { url: `${V}/citizens/registrations/${r.id}/verify`, payload: { code: r.code } };
  },
  'POST /api/v1/citizens/password-resets': (w) => ({
    url: `${V}/citizens/password-resets`,
    payload: { phone: `0916${String(w.next()).padStart(6, '0')}` },
  }),
  'POST /api/v1/citizens/password-resets/{id}/resend': async (w) => {
    const r = await w.freshPasswordReset();
    w.clock.advance(61_000);
    return { url: `${V}/citizens/password-resets/${r.id}/resend` };
  },
  'POST /api/v1/citizens/password-resets/{id}/verify': async (w) => {
    const r = await w.freshPasswordReset();
    return {
      url: `${V}/citizens/password-resets/${r.id}/verify`,
      payload: { code: r.code, newPassword: 'matkhaumoi2027' },
    };
  },
  'GET /api/v1/citizens/me/profile': () => ({ url: `${V}/citizens/me/profile` }),
  'PUT /api/v1/citizens/me/profile': (w, role) => ({
    url: `${V}/citizens/me/profile`,
    payload:
      role === 'citB'
        ? { fullName: 'Trần Thị Bé', citizenId: null, dateOfBirth: null, phone: null }
        : w.profileA,
  }),
  'GET /api/v1/citizens/me/access-log': (w, role) => ({
    url: `${V}/citizens/me/access-log`,
    ...hidden(role, [w.dossier.code], role === 'citB'),
  }),
  'GET /api/v1/citizens/me/consents': () => ({ url: `${V}/citizens/me/consents` }),
  'PUT /api/v1/citizens/me/consents/{purpose}': () => ({
    url: `${V}/citizens/me/consents/surveys`,
    payload: { granted: false },
  }),
  'GET /api/v1/citizens/me/export': () => ({ url: `${V}/citizens/me/export` }),
  'POST /api/v1/citizens/me/deletion': () => ({
    url: `${V}/citizens/me/deletion`,
    payload: { password: CITIZEN_PASSWORD },
  }),
  'GET /api/v1/citizens/{userId}/profile': (w) => ({
    url: `${V}/citizens/${w.citizenA.userId}/profile?purpose=${encodeURIComponent('Kiểm tra người nộp hồ sơ')}&legalBasis=${encodeURIComponent('Công văn số 12/CAT-PC05 của Công an tỉnh')}`,
  }),

  // ── Payments ─────────────────────────────────────────────────────────────────────────
  'GET /api/v1/payment-banks': () => ({ url: `${V}/payment-banks` }),
  'GET /api/v1/payment-accounts/{unitCode}': (w) => ({
    url: `${V}/payment-accounts/${w.units.A}`,
  }),
  'PUT /api/v1/payment-accounts/{unitCode}': (w) => ({
    url: `${V}/payment-accounts/${w.units.A}`,
    payload: { bankBin: '970436', accountNumber: '0071000123456', accountName: 'UBND PHUONG A' },
  }),
  'GET /api/v1/public/dossiers/{code}/payment': (w) => ({
    url: `${V}/public/dossiers/${w.dossier.code}/payment?${proofA(w)}`,
  }),
  'GET /api/v1/public/dossiers/{code}/payments/{paymentId}/receipt.pdf': (w) => ({
    url: `${V}/public/dossiers/${w.dossier.code}/payments/${w.dossier.paymentId}/receipt.pdf?${proofA(w)}`,
  }),
  'GET /api/v1/dossiers/{id}/payments': (w) => ({ url: `${V}/dossiers/${w.dossier.id}/payments` }),
  'POST /api/v1/dossiers/{id}/payments': async (w) => ({
    url: `${V}/dossiers/${(await w.freshDossier()).id}/payments`,
    payload: { method: 'cash', amount: 8000 },
  }),
  'GET /api/v1/dossiers/{id}/payments/{paymentId}/receipt.pdf': (w) => ({
    url: `${V}/dossiers/${w.dossier.id}/payments/${w.dossier.paymentId}/receipt.pdf`,
  }),
  'GET /api/v1/payments/unmatched': () => ({ url: `${V}/payments/unmatched` }),
  'POST /api/v1/payments/webhooks/{provider}': (w) => ({
    url: `${V}/payments/webhooks/generic`,
    ...w.webhookRequest(),
  }),

  // ── Ratings and petitions ────────────────────────────────────────────────────────────
  'GET /api/v1/public/dossiers/{code}/rating': (w) => ({
    url: `${V}/public/dossiers/${w.dossier.code}/rating?${proofA(w)}`,
  }),
  'POST /api/v1/public/dossiers/{code}/rating': async (w) => ({
    url: `${V}/public/dossiers/${(await w.freshReturnedDossier()).code}/rating`,
    payload: { phone: '0903111222', score: 5 },
  }),
  'GET /api/v1/public/dossiers/{code}/petitions': (w) => ({
    url: `${V}/public/dossiers/${w.dossier.code}/petitions?${proofA(w)}`,
  }),
  'POST /api/v1/public/dossiers/{code}/petitions': (w) => ({
    url: `${V}/public/dossiers/${w.dossier.code}/petitions`,
    payload: { phone: w.citizenA.phone, content: 'Đề nghị cho biết lý do trả chậm.' },
  }),
  'POST /api/v1/public/dossiers/{code}/petitions/{id}/info': async (w) => ({
    url: `${V}/public/dossiers/${w.dossier.code}/petitions/${await w.freshPetitionWithQuestion()}/info`,
    payload: { phone: w.citizenA.phone, answer: 'Tôi đã nộp bổ sung ngày 02/03.' },
  }),
  'GET /api/v1/dossier-petitions': (w, role) => ({
    url: `${V}/dossier-petitions`,
    ...hidden(role, [w.petition.id, w.dossier.code]),
  }),
  'GET /api/v1/dossier-feedback/stats': (w, role) => ({
    url: `${V}/dossier-feedback/stats`,
    ...hidden(role, [w.units.A]),
  }),
  'GET /api/v1/dossier-petitions/{id}': (w) => ({ url: `${V}/dossier-petitions/${w.petition.id}` }),
  'POST /api/v1/dossier-petitions/{id}/actions': async (w) => ({
    url: `${V}/dossier-petitions/${await w.freshPetition()}/actions`,
    payload: { action: 'accept', version: 1 },
  }),

  // ── The citizen portal ───────────────────────────────────────────────────────────────
  'POST /api/v1/portal/documents': (w) => pdf(`${V}/portal/documents?filename=moi-${w.next()}.pdf`),
  'GET /api/v1/portal/documents': (w, role) => ({
    url: `${V}/portal/documents`,
    ...hidden(role, [w.document.id], role === 'citB'),
  }),
  'GET /api/v1/portal/documents/{id}/file': (w) => ({
    url: `${V}/portal/documents/${w.document.id}/file`,
  }),
  'DELETE /api/v1/portal/documents/{id}': async (w) => ({
    url: `${V}/portal/documents/${await w.freshDocument()}`,
  }),
  'POST /api/v1/portal/drafts': (w) => ({
    url: `${V}/portal/drafts`,
    payload: { procedureCode: w.procedure.code },
  }),
  'GET /api/v1/portal/drafts': (w, role) => ({
    url: `${V}/portal/drafts`,
    ...hidden(role, [w.draft.id], role === 'citB'),
  }),
  'GET /api/v1/portal/drafts/{id}': (w) => ({ url: `${V}/portal/drafts/${w.draft.id}` }),
  'PUT /api/v1/portal/drafts/{id}': async (w) => {
    const d = await w.freshDraft();
    return {
      url: `${V}/portal/drafts/${d.id}`,
      payload: { version: d.version, delivery: { method: 'desk' } },
    };
  },
  'DELETE /api/v1/portal/drafts/{id}': async (w) => ({
    url: `${V}/portal/drafts/${(await w.freshDraft()).id}`,
  }),
  'POST /api/v1/portal/drafts/{id}/submit': async (w) => ({
    url: `${V}/portal/drafts/${(await w.freshDraft(true)).id}/submit`,
  }),
  'GET /api/v1/portal/my-dossiers': (w, role) => ({
    url: `${V}/portal/my-dossiers`,
    ...hidden(role, [w.dossier.code], role === 'citB'),
  }),
  'GET /api/v1/portal/my-dossiers/{code}': (w) => ({
    url: `${V}/portal/my-dossiers/${w.dossier.code}`,
  }),
  'GET /api/v1/portal/my-dossiers/{code}/receipt.pdf': (w) => ({
    url: `${V}/portal/my-dossiers/${w.dossier.code}/receipt.pdf`,
  }),
  'GET /api/v1/portal/my-dossiers/{code}/result': (w) => ({
    url: `${V}/portal/my-dossiers/${w.dossier.code}/result`,
  }),

  // ── Operators ────────────────────────────────────────────────────────────────────────
  'POST /api/v1/admin/backups': () => ({ url: `${V}/admin/backups` }),
  'GET /api/v1/admin/audit/verify': () => ({ url: `${V}/admin/audit/verify` }),
  'GET /api/v1/public/map-settings': () => ({ url: `${V}/public/map-settings` }),
};

/** Operations run after all others: they end the caller's account. */
export const RUN_LAST = new Set(['POST /api/v1/citizens/me/deletion']);
