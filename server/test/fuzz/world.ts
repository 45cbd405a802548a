// The objects the fuzz test aims at: one of each thing the API names in a path (a unit, a
// procedure, a dossier with a file and a payment, a field report with a photo, a petition, a
// citizen with a prefilled draft and a stored document…), made through the API itself, and
// the three callers (anonymous, a staff administrator holding every role of the unit, a
// citizen) with sessions from the test helpers' login().
import { randomUUID } from 'node:crypto';
import { codeIn, lastMessageTo } from '../../src/modules/citizens/citizens.test-support.js';
import { signGeneric } from '../../src/modules/payments/payments.webhook.js';
import { seedReportCategories } from '../../src/modules/reports/index.js';
import { buildDossierInput, buildOneStopShop } from '../factories/dossiers.js';
import { buildProcedureInput } from '../factories/procedures.js';
import { buildPhotoJpeg, buildReportInput, setBoundary } from '../factories/reports.js';
import type { TestApp } from '../helpers.js';
import { type Baseline, PER_CASE, type RequestSpec } from './cases.js';
import { exampleOf } from './examples.js';
import type { JsonSchema, Operation } from './operations.js';

export type Identity = 'anonymous' | 'staff' | 'citizen';
export const IDENTITIES: Identity[] = ['anonymous', 'staff', 'citizen'];

const PASSWORD = 'mat-khau-fuzz-2026';
/** The payment webhook's secret in the fuzz app's configuration, so its cases are signed. */
export const WEBHOOK_SECRET = 'fuzz-webhook-secret-2026';
const WEBHOOK = 'POST /api/v1/payments/webhooks/{provider}';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export interface World {
  headers: Record<Identity, Record<string, string>>;
  /** Who signs in as `staff` and `citizen` (sessions are renewed between phases). */
  accounts: Record<'staff' | 'citizen', string>;
  /** Path parameter values by `<operation path>:<name>`, then by `<name>`. */
  values: Record<string, string>;
  /** Query values sent with every case of an operation (by operation key). */
  queries: Record<string, Record<string, string>>;
  /** Valid bodies by operation key (the generated example is used otherwise). */
  bodies: Record<string, unknown>;
  /** Body schemas of operations whose body the document does not describe (raw bodies). */
  bodySchemas: Record<string, JsonSchema>;
  /** Last touches a request needs to be read at all (a signature over its exact bytes). */
  finish: Record<string, (r: RequestSpec) => RequestSpec>;
  /** An Open311 client's key and a service code, for the GeoReport v2 routes. */
  open311: { apiKey: string; serviceCode: string };
}

interface Call {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  payload?: object | Buffer;
}

async function call(t: TestApp, opts: Call, expected: number) {
  const res = await t.app.inject({
    ...opts,
    payload: opts.payload as never,
    remoteAddress: `10.77.${Math.floor(Math.random() * 250)}.1`,
  });
  if (res.statusCode !== expected)
    throw new Error(`fuzz world: ${opts.method} ${opts.url} → ${res.statusCode} ${res.body}`);
  return res;
}

/** Builds the fixture objects and signs the three callers in. */
export async function buildWorld(t: TestApp): Promise<World> {
  const shop = await buildOneStopShop(t);
  const unit = shop.unit.code;
  const admin = t.admin.headers;
  const suffix = randomUUID().slice(0, 6);

  // The staff caller: system administrator and every dossier role of the unit.
  const staffName = `fuzz.staff.${suffix}`;
  await call(
    t,
    {
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: {
        username: staffName,
        password: PASSWORD,
        fullName: 'Cán bộ kiểm thử',
        roles: [
          { role: 'admin', unitCode: null },
          ...['desk_officer', 'specialist', 'leader', 'secretariat'].map((role) => ({
            role,
            unitCode: unit,
          })),
        ],
      },
    },
    201,
  );
  const staff = (await t.login(staffName, PASSWORD)).headers;
  const other = await call(
    t,
    {
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: {
        username: `fuzz.other.${suffix}`,
        password: PASSWORD,
        fullName: 'Cán bộ khác',
        roles: [],
      },
    },
    201,
  );

  // The citizen: registered by phone, signed in with login(), a profile with a citizen ID,
  // consent to prefill, a stored document and a prefilled draft (its ID sealed).
  const phone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const reg = await call(
    t,
    {
      method: 'POST',
      url: '/api/v1/citizens/registrations',
      payload: { phone, password: PASSWORD, fullName: 'Công dân kiểm thử', acceptTerms: true },
    },
    201,
  );
  const msg = await lastMessageTo(t, phone);
  await call(
    t,
    {
      method: 'POST',
      url: `/api/v1/citizens/registrations/${reg.json().id}/verify`,
      payload: { code: codeIn(msg!.body) },
    },
    201,
  );
  const citizen = (await t.login(phone, PASSWORD)).headers;
  const me = (
    await call(t, { method: 'GET', url: '/api/v1/auth/me', headers: citizen }, 200)
  ).json();
  await call(
    t,
    {
      method: 'PUT',
      url: '/api/v1/citizens/me/profile',
      headers: citizen,
      payload: {
        fullName: 'Công dân kiểm thử',
        citizenId: '089201000123',
        dateOfBirth: '1990-05-01',
        phone,
        address: { line: '12 Trần Hưng Đạo', unitCode: unit },
      },
    },
    200,
  );
  await call(
    t,
    {
      method: 'PUT',
      url: '/api/v1/citizens/me/consents/profile_prefill',
      headers: citizen,
      payload: { granted: true },
    },
    200,
  );
  const doc = await call(
    t,
    {
      method: 'POST',
      url: '/api/v1/portal/documents?filename=giay-to.pdf',
      headers: { ...citizen, 'content-type': 'application/pdf' },
      payload: PDF,
    },
    201,
  );
  const draft = await call(
    t,
    {
      method: 'POST',
      url: '/api/v1/portal/drafts',
      headers: citizen,
      payload: { procedureCode: shop.procedure.code },
    },
    201,
  );
  // Pending registration and password reset (their ids appear in paths).
  const pending = await call(
    t,
    {
      method: 'POST',
      url: '/api/v1/citizens/registrations',
      payload: {
        phone: `08${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        password: PASSWORD,
        fullName: 'Người đăng ký',
        acceptTerms: true,
      },
    },
    201,
  );
  const reset = await call(
    t,
    { method: 'POST', url: '/api/v1/citizens/password-resets', payload: { phone } },
    202,
  );

  // A dossier of the unit, with an attachment and a payment; a petition on it.
  const dossierBody = buildDossierInput(shop);
  const dossier = (
    await call(
      t,
      {
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { ...shop.desk.headers, 'idempotency-key': `fuzz-${suffix}-dossier` },
        payload: dossierBody,
      },
      201,
    )
  ).json() as { id: string; code: string };
  const file = await call(
    t,
    {
      method: 'POST',
      url: `/api/v1/dossiers/${dossier.id}/files?kind=attachment&component=to_khai&filename=to-khai.pdf`,
      headers: { ...shop.desk.headers, 'content-type': 'application/pdf' },
      payload: PDF,
    },
    201,
  );
  await call(
    t,
    {
      method: 'PUT',
      url: `/api/v1/payment-accounts/${unit}`,
      headers: admin,
      payload: { bankBin: '970436', accountNumber: '0123456789', accountName: 'UBND XA THU' },
    },
    200,
  );
  // A second dossier of the unit, left unpaid, for recording a payment.
  const unpaid = (
    await call(
      t,
      {
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { ...shop.desk.headers, 'idempotency-key': `fuzz-${suffix}-dossier-2` },
        payload: buildDossierInput(shop, {
          applicant: { ...dossierBody.applicant, fullName: 'Lê Văn Chưa Nộp' },
        }),
      },
      201,
    )
  ).json() as { id: string };
  const payment = await call(
    t,
    {
      method: 'POST',
      url: `/api/v1/dossiers/${dossier.id}/payments`,
      headers: shop.desk.headers,
      payload: { method: 'cash', amount: 8000 },
    },
    201,
  );
  const applicantPhone = '0912345678';
  const petition = await call(
    t,
    {
      method: 'POST',
      url: `/api/v1/public/dossiers/${dossier.code}/petitions`,
      payload: { phone: applicantPhone, content: 'Đề nghị giải thích thời hạn.' },
    },
    201,
  );

  // A field report with a photo, a routing rule and a reply template.
  await seedReportCategories(t.db.kysely);
  await setBoundary(t, shop.unit.id, [105.5, 10, 106, 11]);
  const photo = await call(
    t,
    {
      method: 'POST',
      url: '/api/v1/report-photos',
      headers: { 'content-type': 'image/jpeg' },
      payload: await buildPhotoJpeg({ width: 320, height: 240 }),
    },
    201,
  );
  const report = (
    await call(
      t,
      {
        method: 'POST',
        url: '/api/v1/reports',
        headers: { 'idempotency-key': `fuzz-${suffix}-report-0001` },
        payload: buildReportInput({ ward: { code: unit } }, { photoIds: [photo.json().id] }),
      },
      201,
    )
  ).json() as { id: string; code: string; followToken: string };
  await call(
    t,
    {
      method: 'PUT',
      url: '/api/v1/report-routing-rules',
      headers: admin,
      payload: { categoryCode: 'lighting', areaUnitCode: unit, handlingUnitCode: unit },
    },
    200,
  );
  const template = await call(
    t,
    {
      method: 'POST',
      url: '/api/v1/report-reply-templates',
      headers: admin,
      payload: { kind: 'resolve', title: 'Đã xử lý', body: 'Đơn vị đã xử lý xong.' },
    },
    201,
  );
  const client = await call(
    t,
    {
      method: 'POST',
      url: '/api/v1/open311/clients',
      headers: admin,
      payload: { name: 'Ứng dụng thử' },
    },
    201,
  );

  const values: Record<string, string> = {
    id: randomUUID(),
    code: unit,
    unitCode: unit,
    year: '2026',
    purpose: 'profile_prefill',
    provider: 'generic',
    file: '01.pdf',
    fileId: file.json().id,
    paymentId: payment.json().id,
    userId: me.user.id,
    categoryCode: 'lighting',
    areaUnitCode: unit,
    '/api/v1/users/{id}:id': other.json().id,
    '/api/v1/public/procedures/{code}:code': shop.procedure.code,
    '/api/v1/public/procedures/{code}/forms/{file}:code': shop.procedure.code,
    '/api/v1/public/procedures/{code}/forms/{file}:file': 'to_khai.pdf',
    '/api/v1/procedures/{id}:id': shop.procedure.id,
    '/api/v1/report-categories/{code}:code': 'lighting',
    '/api/v1/report-reply-templates/{id}:id': template.json().id,
    '/api/v1/public/report-photos/{id}:id': photo.json().id,
    '/api/v1/public/report-photos/{id}/thumb:id': photo.json().id,
    '/api/v1/reports/{id}:id': report.id,
    '/api/v1/reports/{id}/actions:id': report.id,
    '/api/v1/open311/clients/{id}/revoke:id': client.json().id,
    '/api/v1/citizens/registrations/{id}/resend:id': pending.json().id,
    '/api/v1/citizens/registrations/{id}/verify:id': pending.json().id,
    '/api/v1/citizens/password-resets/{id}/resend:id': reset.json().id,
    '/api/v1/citizens/password-resets/{id}/verify:id': reset.json().id,
    '/api/v1/dossier-petitions/{id}:id': petition.json().id,
    '/api/v1/dossier-petitions/{id}/actions:id': petition.json().id,
    '/api/v1/public/dossiers/{code}/petitions/{id}/info:id': petition.json().id,
    '/api/v1/portal/documents/{id}/file:id': doc.json().id,
    '/api/v1/portal/documents/{id}:id': doc.json().id,
    '/api/v1/portal/drafts/{id}:id': draft.json().id,
    '/api/v1/portal/drafts/{id}/submit:id': draft.json().id,
  };
  for (const p of [
    '/api/v1/public/reports/{code}',
    '/api/v1/public/reports/{code}/follow',
    '/api/v1/public/reports/{code}/reopen',
    '/api/v1/public/reports/{code}/info',
    '/api/v1/public/reports/{code}/rating',
  ])
    values[`${p}:code`] = report.code;
  for (const p of [
    '/api/v1/public/dossiers/{code}',
    '/api/v1/public/dossiers/{code}/payment',
    '/api/v1/public/dossiers/{code}/payments/{paymentId}/receipt.pdf',
    '/api/v1/public/dossiers/{code}/rating',
    '/api/v1/public/dossiers/{code}/petitions',
    '/api/v1/public/dossiers/{code}/petitions/{id}/info',
    '/api/v1/portal/my-dossiers/{code}',
    '/api/v1/portal/my-dossiers/{code}/receipt.pdf',
    '/api/v1/portal/my-dossiers/{code}/result',
  ])
    values[`${p}:code`] = dossier.code;
  for (const p of [
    '/api/v1/dossiers/{id}',
    '/api/v1/dossiers/{id}/actions',
    '/api/v1/dossiers/{id}/files',
    '/api/v1/dossiers/{id}/files/{fileId}',
    '/api/v1/dossiers/{id}/forms/{file}',
    '/api/v1/dossiers/{id}/payments',
    '/api/v1/dossiers/{id}/payments/{paymentId}/receipt.pdf',
  ])
    values[`${p}:id`] = dossier.id;
  values['/api/v1/dossiers/{id}/payments:id'] = unpaid.id;

  const proof = { phone: applicantPhone };
  return {
    accounts: { staff: staffName, citizen: phone },
    open311: { apiKey: client.json().apiKey, serviceCode: 'lighting' },
    bodySchemas: { [WEBHOOK]: WEBHOOK_BODY },
    finish: { [WEBHOOK]: signed },
    headers: { anonymous: {}, staff, citizen },
    values,
    queries: {
      'GET /api/v1/public/dossiers/{code}': proof,
      'GET /api/v1/public/dossiers/{code}/payment': proof,
      'GET /api/v1/public/dossiers/{code}/payments/{paymentId}/receipt.pdf': proof,
      'GET /api/v1/public/dossiers/{code}/rating': proof,
      'GET /api/v1/public/dossiers/{code}/petitions': proof,
      'GET /api/v1/public/reports/{code}': { token: report.followToken },
      'POST /api/v1/dossiers/{id}/files': {
        kind: 'attachment',
        component: 'to_khai',
        filename: 'them.pdf',
      },
      'GET /api/v1/dossiers/register.xlsx': { from: '2026-01-01', to: '2026-12-31' },
      'GET /api/v1/citizens/{userId}/profile': { purpose: 'Giải quyết hồ sơ của công dân' },
      'GET /api/v1/calendar/due': { from: '2026-03-02T09:00:00+07:00', days: '3' },
    },
    bodies: {
      'POST /api/v1/dossiers': dossierBody,
      'POST /api/v1/reports': buildReportInput({ ward: { code: unit } }),
      'POST /api/v1/auth/login': { username: `fuzz.nobody.${suffix}`, password: 'sai-mat-khau' },
      'POST /api/v1/public/dossiers/{code}/petitions': {
        phone: applicantPhone,
        content: 'Kiến nghị thử.',
      },
      'POST /api/v1/public/dossiers/{code}/petitions/{id}/info': {
        phone: applicantPhone,
        answer: 'Bổ sung thông tin.',
      },
      'POST /api/v1/public/dossiers/{code}/rating': { phone: applicantPhone, score: 5 },
      'POST /api/v1/public/reports/{code}/reopen': {
        token: report.followToken,
        reason: 'Vẫn chưa xử lý.',
      },
      'POST /api/v1/public/reports/{code}/info': {
        token: report.followToken,
        answer: 'Thông tin thêm.',
      },
      'POST /api/v1/public/reports/{code}/rating': { token: report.followToken, rating: 4 },
      'POST /api/v1/citizens/me/deletion': { password: 'khong-phai-mat-khau' },
      'PUT /api/v1/report-routing-rules': {
        categoryCode: 'lighting',
        areaUnitCode: unit,
        handlingUnitCode: unit,
      },
      'PUT /api/v1/portal/drafts/{id}': {
        version: 1,
        formData: { to_khai: { hoTen: 'Công dân', ngaySinh: '2026-01-02' } },
      },
      'POST /api/v1/portal/drafts': { procedureCode: shop.procedure.code },
      'POST /api/v1/procedures': buildProcedureInput(),
      'PUT /api/v1/procedures/{id}': buildProcedureInput({ code: shop.procedure.code }),
      'PUT /api/v1/procedure-synonyms': { items: [{ terms: ['khai sinh', 'giấy khai sinh'] }] },
      'PUT /api/v1/calendar/settings/{unitCode}': {
        morning: { start: '07:30', end: '11:30' },
        afternoon: { start: '13:30', end: '17:00' },
        cutoff: '16:00',
      },
      [WEBHOOK]: {
        transactionId: `fuzz-${PER_CASE}`,
        amount: 8000,
        reference: dossier.code,
        paidAt: '2026-03-02T09:00:00+07:00',
      },
    },
  };
}

/** The generic gateway's notification body (the route takes raw bytes, so the document has no schema). */
const WEBHOOK_BODY: JsonSchema = {
  type: 'object',
  properties: {
    transactionId: { type: 'string', minLength: 1, maxLength: 100 },
    amount: { type: 'integer', exclusiveMinimum: 0, maximum: 1e13 },
    reference: { type: 'string', maxLength: 500 },
    paidAt: { type: 'string', format: 'date-time' },
  },
  required: ['transactionId', 'amount', 'reference', 'paidAt'],
};

/** Signs a webhook delivery over its exact bytes, as the gateway would. */
function signed(r: RequestSpec): RequestSpec {
  const ts = String(Math.floor(Date.now() / 1000));
  return {
    ...r,
    headers: {
      ...r.headers,
      'x-timestamp': ts,
      'x-signature': `sha256=${signGeneric(WEBHOOK_SECRET, ts, r.payload ?? '')}`,
    },
  };
}

/** Signs the staff and citizen callers in again (a phase may have ended their sessions). */
export async function signIn(t: TestApp, w: World): Promise<void> {
  w.headers.staff = (await t.login(w.accounts.staff, PASSWORD)).headers;
  w.headers.citizen = (await t.login(w.accounts.citizen, PASSWORD)).headers;
}

/** The valid request of an operation for one caller. */
export function baselineOf(op: Operation, w: World, who: Identity): Baseline {
  const path: Record<string, string> = {};
  const query: Record<string, string> = { ...w.queries[op.key] };
  const headers: Record<string, string> = { ...w.headers[who] };
  for (const p of op.params) {
    const fixed = w.values[`${op.path}:${p.name}`] ?? w.values[p.name];
    if (p.in === 'path') path[p.name] = fixed ?? String(exampleOf(p.schema, p.name));
    else if (p.in === 'query' && p.required && query[p.name] === undefined)
      query[p.name] = String(exampleOf(p.schema, p.name));
    else if (p.in === 'header') headers[p.name] = `fuzz-${who}-${op.path.length}-key-0000`;
  }
  const body = op.body ? (w.bodies[op.key] ?? exampleOf(op.body)) : undefined;
  return { path, query, headers, body };
}
