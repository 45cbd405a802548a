// The objects the fuzz test aims at: one of each thing the API names in a path (a unit, a
// procedure, a dossier with a file and a payment, a field report with a photo, a petition, a
// citizen with a prefilled draft, a submitted dossier and a stored document…), made through
// the API itself, and the three callers (anonymous, a staff administrator holding every role
// of the unit, a citizen) with sessions from the test helpers' login().
import { randomUUID } from 'node:crypto';
import { codeIn, lastMessageTo } from '../../src/modules/citizens/citizens.test-support.js';
import { seedReportCategories } from '../../src/modules/reports/index.js';
import { buildDossierInput, buildOneStopShop } from '../factories/dossiers.js';
import { buildPhotoJpeg, buildReportInput, setBoundary } from '../factories/reports.js';
import type { TestApp } from '../helpers.js';
import type { RequestSpec } from './cases.js';
import type { JsonSchema } from './operations.js';
import { type Fixtures, planBodyOf, tablesOf } from './world-tables.js';

export type Identity = 'anonymous' | 'staff' | 'citizen';
export const IDENTITIES: Identity[] = ['anonymous', 'staff', 'citizen'];

const PASSWORD = 'mat-khau-fuzz-2026';
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

/** One request of the set-up; anything but the expected status stops the test. */
async function call<T = { id: string }>(t: TestApp, opts: Call, expected: number): Promise<T> {
  const res = await t.app.inject({
    ...opts,
    payload: opts.payload as never,
    remoteAddress: `10.77.${Math.floor(Math.random() * 250)}.1`,
  });
  if (res.statusCode !== expected)
    throw new Error(`fuzz world: ${opts.method} ${opts.url} → ${res.statusCode} ${res.body}`);
  return res.body ? (res.json() as T) : (undefined as T);
}

const digits = (n: number) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');

/** Builds the fixture objects and signs the three callers in. */
export async function buildWorld(t: TestApp): Promise<World> {
  const shop = await buildOneStopShop(t);
  const unit = shop.unit.code;
  const admin = t.admin.headers;
  const desk = shop.desk.headers;
  const suffix = randomUUID().slice(0, 6);
  const post = <T = { id: string }>(
    url: string,
    payload: object | Buffer,
    headers = {},
    status = 201,
  ) => call<T>(t, { method: 'POST', url, headers, payload }, status);
  const put = (url: string, payload: object, headers: Record<string, string>) =>
    call(t, { method: 'PUT', url, headers, payload }, 200);

  // The staff caller: system administrator and every dossier role of the unit.
  const staffName = `fuzz.staff.${suffix}`;
  const unitRoles = ['desk_officer', 'specialist', 'leader', 'secretariat'];
  await post(
    '/api/v1/users',
    {
      username: staffName,
      password: PASSWORD,
      fullName: 'Cán bộ kiểm thử',
      roles: [
        { role: 'admin', unitCode: null },
        ...unitRoles.map((role) => ({ role, unitCode: unit })),
      ],
    },
    admin,
  );
  const staff = (await t.login(staffName, PASSWORD)).headers;
  const otherUser = await post(
    '/api/v1/users',
    { username: `fuzz.other.${suffix}`, password: PASSWORD, fullName: 'Cán bộ khác', roles: [] },
    admin,
  );

  // The citizen: registered by phone, signed in with login(), a profile with a citizen ID,
  // consent to prefill and to the data store, a stored document, a prefilled draft (its ID sealed) and a second
  // draft completed and submitted (their own dossier).
  const phone = `09${digits(8)}`;
  const reg = await post('/api/v1/citizens/registrations', {
    phone,
    password: PASSWORD,
    fullName: 'Công dân kiểm thử',
    acceptTerms: true,
  });
  const msg = await lastMessageTo(t, phone);
  await post(`/api/v1/citizens/registrations/${reg.id}/verify`, { code: codeIn(msg!.body) });
  const citizen = (await t.login(phone, PASSWORD)).headers;
  const me = await call<{ user: { id: string } }>(
    t,
    { method: 'GET', url: '/api/v1/auth/me', headers: citizen },
    200,
  );
  await put(
    '/api/v1/citizens/me/profile',
    {
      fullName: 'Công dân kiểm thử',
      citizenId: '089201000123',
      dateOfBirth: '1990-05-01',
      phone,
      address: { line: '12 Trần Hưng Đạo', unitCode: unit },
    },
    citizen,
  );
  await put('/api/v1/citizens/me/consents/profile_prefill', { granted: true }, citizen);
  // Papers go into the personal data store only with this consent (portal.consent.test.ts).
  await put('/api/v1/citizens/me/consents/data_store', { granted: true }, citizen);
  const doc = await post('/api/v1/portal/documents?filename=giay-to.pdf', PDF, {
    ...citizen,
    'content-type': 'application/pdf',
  });
  const procedureCode = shop.procedure.code;
  const draft = await post('/api/v1/portal/drafts', { procedureCode }, citizen);
  const toSubmit = await post<{ id: string; version: number }>(
    '/api/v1/portal/drafts',
    { procedureCode },
    citizen,
  );
  await put(
    `/api/v1/portal/drafts/${toSubmit.id}`,
    {
      version: toSubmit.version,
      unitCode: unit,
      formData: { to_khai: { hoTen: 'Công dân kiểm thử', ngaySinh: '2026-01-02' } },
    },
    citizen,
  );
  const { dossier: own } = await post<{ dossier: { code: string } }>(
    `/api/v1/portal/drafts/${toSubmit.id}/submit`,
    {},
    citizen,
  );
  // A pending registration and a password reset (their ids appear in paths).
  const pending = await post('/api/v1/citizens/registrations', {
    phone: `08${digits(8)}`,
    password: PASSWORD,
    fullName: 'Người đăng ký',
    acceptTerms: true,
  });
  const reset = await post('/api/v1/citizens/password-resets', { phone }, {}, 202);

  // A dossier of the unit with an attachment, a payment and a petition; another, unpaid.
  const dossierBody = buildDossierInput(shop);
  const dossier = await post<{ id: string; code: string }>('/api/v1/dossiers', dossierBody, {
    ...desk,
    'idempotency-key': `fuzz-${suffix}-dossier`,
  });
  const file = await post(
    `/api/v1/dossiers/${dossier.id}/files?kind=attachment&component=to_khai&filename=to-khai.pdf`,
    PDF,
    { ...desk, 'content-type': 'application/pdf' },
  );
  await put(
    `/api/v1/payment-accounts/${unit}`,
    { bankBin: '970436', accountNumber: '0123456789', accountName: 'UBND XA THU' },
    admin,
  );
  const payment = await post(
    `/api/v1/dossiers/${dossier.id}/payments`,
    { method: 'cash', amount: 8000 },
    desk,
  );
  const unpaid = await post(
    '/api/v1/dossiers',
    buildDossierInput(shop, { applicant: { ...dossierBody.applicant, fullName: 'Lê Văn Nợ' } }),
    { ...desk, 'idempotency-key': `fuzz-${suffix}-dossier-2` },
  );
  const applicantPhone = '0912345678';
  const petition = await post(`/api/v1/public/dossiers/${dossier.code}/petitions`, {
    phone: applicantPhone,
    content: 'Đề nghị giải thích thời hạn.',
  });

  // A field report with a photo, a routing rule, a reply template, an Open311 client.
  await seedReportCategories(t.db.kysely);
  await setBoundary(t, shop.unit.id, [105.5, 10, 106, 11]);
  const photo = await post(
    '/api/v1/report-photos',
    await buildPhotoJpeg({ width: 320, height: 240 }),
    { 'content-type': 'image/jpeg' },
  );
  const report = await post<{ id: string; code: string; followToken: string }>(
    '/api/v1/reports',
    buildReportInput({ ward: { code: unit } }, { photoIds: [photo.id] }),
    { 'idempotency-key': `fuzz-${suffix}-report-0001` },
  );
  await put(
    '/api/v1/report-routing-rules',
    { categoryCode: 'lighting', areaUnitCode: unit, handlingUnitCode: unit },
    admin,
  );
  const template = await post(
    '/api/v1/report-reply-templates',
    { kind: 'resolve', title: 'Đã xử lý', body: 'Đơn vị đã xử lý xong.' },
    admin,
  );
  const client = await post<{ id: string; apiKey: string }>(
    '/api/v1/open311/clients',
    { name: 'Ứng dụng thử' },
    admin,
  );

  // A plan of the unit (issue 12), with one target, for the plans routes.
  const plan = await post<{ id: string; targets: { id: string }[] }>(
    '/api/v1/plans',
    planBodyOf(unit),
    admin,
  );

  // A task of the unit with an evidence file (issue 12): the tasks' paths name them.
  const task = await post(
    '/api/v1/tasks',
    { content: 'Nhiệm vụ kiểm thử', leadUnitCode: unit, deadline: { workingDays: 5 } },
    staff,
  );
  const taskFile = await post(`/api/v1/tasks/${task.id}/files?filename=minh-chung.pdf`, PDF, {
    ...staff,
    'content-type': 'application/pdf',
  });
  // An incoming document of the unit with a file (issue 13), directed to the unit.
  const docBody = {
    source: 'paper',
    issuer: { name: 'Sở Thông tin và Truyền thông' },
    codeNumber: '15',
    codeNotation: 'STTTT-CĐS',
    issuedOn: '2026-03-02',
    typeCode: 'CV',
    summary: 'Văn bản kiểm thử',
    files: [{ name: 'cv.pdf', contentType: 'application/pdf', data: PDF.toString('base64') }],
  };
  const docIn = await post<{ id: string }>('/api/v1/documents/incoming', docBody, staff);
  const docDetail = await call<{ files: { id: string }[] }>(
    t,
    { method: 'GET', url: `/api/v1/documents/${docIn.id}`, headers: staff },
    200,
  );
  const workFile = await post<{ id: string }>(
    '/api/v1/work-files',
    { title: 'Hồ sơ công việc kiểm thử' },
    staff,
  );
  const fx: Fixtures = {
    document: { id: docIn.id, file: docDetail.files[0]!.id, body: docBody },
    workFile: workFile.id,
    plan: { id: plan.id, targetId: plan.targets[0]!.id },
    suffix,
    unit,
    procedure: shop.procedure,
    users: { other: otherUser.id, citizen: me.user.id },
    citizen: { document: doc.id, draft: draft.id, ownDossierCode: own.code },
    pending: { registration: pending.id, reset: reset.id },
    dossier: { ...dossier, body: dossierBody, file: file.id, payment: payment.id },
    unpaidDossier: unpaid.id,
    applicantPhone,
    petition: petition.id,
    report,
    photo: photo.id,
    template: template.id,
    client,
    task: { id: task.id, file: taskFile.id },
  };
  return {
    accounts: { staff: staffName, citizen: phone },
    headers: { anonymous: {}, staff, citizen },
    ...tablesOf(fx),
  };
}

/** Signs the staff and citizen callers in again (a phase may have ended their sessions). */
export async function signIn(t: TestApp, w: World): Promise<void> {
  w.headers.staff = (await t.login(w.accounts.staff, PASSWORD)).headers;
  w.headers.citizen = (await t.login(w.accounts.citizen, PASSWORD)).headers;
}
