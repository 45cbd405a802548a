// Which fixture object each operation's path parameters name, and the valid query values and
// bodies its cases start from: the fuzz world seen from the OpenAPI document.
import { randomUUID } from 'node:crypto';
import { signGeneric } from '../../src/modules/payments/payments.webhook.js';
import { buildProcedureInput } from '../factories/procedures.js';
import { buildReportInput } from '../factories/reports.js';
import { type Baseline, PER_CASE, type RequestSpec } from './cases.js';
import { exampleOf } from './examples.js';
import type { JsonSchema, Operation } from './operations.js';
import type { Identity, World } from './world.js';

/** The payment webhook's secret in the fuzz app's configuration, so its cases are signed. */
export const WEBHOOK_SECRET = 'fuzz-webhook-secret-2026';
const WEBHOOK = 'POST /api/v1/payments/webhooks/{provider}';

/** The ids and codes of the objects buildWorld made. */
export interface Fixtures {
  plan: { id: string; targetId: string };
  suffix: string;
  unit: string;
  procedure: { id: string; code: string };
  users: { other: string; citizen: string };
  citizen: { document: string; draft: string; ownDossierCode: string };
  pending: { registration: string; reset: string };
  dossier: { id: string; code: string; body: object; file: string; payment: string };
  unpaidDossier: string;
  applicantPhone: string;
  petition: string;
  report: { id: string; code: string; followToken: string };
  photo: string;
  template: string;
  client: { id: string; apiKey: string };
  task: { id: string; file: string };
  document: { id: string; file: string; body: object };
  workFile: string;
}

/** The generic gateway's notification body (the route reads raw bytes: no schema in the document). */
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

/** A valid plan document of the unit (plans, issue 12). */
export const planBodyOf = (unit: string) => ({
  unitCode: unit,
  year: 2026,
  title: 'Kế hoạch chuyển đổi số năm 2026',
  targets: [
    {
      sectionCode: 'chinh_quyen_so',
      text: '50% hồ sơ được nộp trực tuyến.',
      comparator: '=',
      targetValue: 50,
      unitOfMeasure: '%',
    },
  ],
});

function pathValues(fx: Fixtures): Record<string, string> {
  const v: Record<string, string> = {
    id: randomUUID(),
    code: fx.unit,
    unitCode: fx.unit,
    year: '2026',
    purpose: 'profile_prefill',
    provider: 'generic',
    file: '01.pdf',
    fileId: fx.dossier.file,
    paymentId: fx.dossier.payment,
    userId: fx.users.citizen,
    categoryCode: 'lighting',
    areaUnitCode: fx.unit,
    '/api/v1/users/{id}:id': fx.users.other,
    '/api/v1/public/procedures/{code}:code': fx.procedure.code,
    '/api/v1/public/procedures/{code}/forms/{file}:code': fx.procedure.code,
    '/api/v1/public/procedures/{code}/forms/{file}:file': 'to_khai.pdf',
    '/api/v1/procedures/{id}:id': fx.procedure.id,
    '/api/v1/report-categories/{code}:code': 'lighting',
    '/api/v1/report-reply-templates/{id}:id': fx.template,
    '/api/v1/public/report-photos/{id}:id': fx.photo,
    '/api/v1/public/report-photos/{id}/thumb:id': fx.photo,
    '/api/v1/reports/{id}:id': fx.report.id,
    '/api/v1/reports/{id}/actions:id': fx.report.id,
    '/api/v1/open311/clients/{id}/revoke:id': fx.client.id,
    '/api/v1/citizens/registrations/{id}/resend:id': fx.pending.registration,
    '/api/v1/citizens/registrations/{id}/verify:id': fx.pending.registration,
    '/api/v1/citizens/password-resets/{id}/resend:id': fx.pending.reset,
    '/api/v1/citizens/password-resets/{id}/verify:id': fx.pending.reset,
    '/api/v1/dossier-petitions/{id}:id': fx.petition,
    '/api/v1/dossier-petitions/{id}/actions:id': fx.petition,
    '/api/v1/public/dossiers/{code}/petitions/{id}/info:id': fx.petition,
    '/api/v1/portal/documents/{id}/file:id': fx.citizen.document,
    '/api/v1/portal/documents/{id}:id': fx.citizen.document,
    '/api/v1/portal/drafts/{id}:id': fx.citizen.draft,
    '/api/v1/portal/drafts/{id}/submit:id': fx.citizen.draft,
    '/api/v1/dossiers/{id}/payments:id': fx.unpaidDossier,
    targetId: fx.plan.targetId,
  };
  for (const p of ['', '/export.json', '/export.xlsx', '/targets/{targetId}'])
    v[`/api/v1/plans/{id}${p}:id`] = fx.plan.id;
  v['/api/v1/plans/{id}/targets/{targetId}/assignments:id'] = fx.plan.id;
  v['/api/v1/plans/{id}/grades:id'] = fx.plan.id;
  v['/api/v1/plans/{id}/withdraw:id'] = fx.plan.id;
  // Indicators (issue 12): a library indicator, the shipped weight set.
  for (const p of ['/values', '/ranking', '/trend'])
    v[`/api/v1/indicators/{code}${p}:code`] = 'dossiers.on_time';
  v.set = 'mac-dinh';
  const publicReport = ['', '/follow', '/reopen', '/info', '/rating'];
  for (const p of publicReport) v[`/api/v1/public/reports/{code}${p}:code`] = fx.report.code;
  const publicDossier = [
    '',
    '/payment',
    '/payments/{paymentId}/receipt.pdf',
    '/rating',
    '/petitions',
    '/petitions/{id}/info',
  ];
  for (const p of publicDossier) v[`/api/v1/public/dossiers/{code}${p}:code`] = fx.dossier.code;
  for (const p of ['', '/receipt.pdf', '/result'])
    v[`/api/v1/portal/my-dossiers/{code}${p}:code`] = fx.citizen.ownDossierCode;
  const staffDossier = [
    '',
    '/actions',
    '/files',
    '/files/{fileId}',
    '/forms/{file}',
    '/payments/{paymentId}/receipt.pdf',
  ];
  for (const p of staffDossier) v[`/api/v1/dossiers/{id}${p}:id`] = fx.dossier.id;
  for (const p of ['', '/actions', '/progress', '/files', '/files/{fileId}'])
    v[`/api/v1/tasks/{id}${p}:id`] = fx.task.id;
  v['/api/v1/tasks/{id}/files/{fileId}:fileId'] = fx.task.file;
  for (const p of ['', '/actions', '/files/{fileId}'])
    v[`/api/v1/documents/{id}${p}:id`] = fx.document.id;
  v['/api/v1/documents/{id}/files/{fileId}:fileId'] = fx.document.file;
  for (const p of ['/edxml', '/draft.{format}', '/versions/{no}'])
    v[`/api/v1/documents/{id}${p}:id`] = fx.document.id;
  v['/api/v1/documents/{id}/draft.{format}:format'] = 'pdf';
  v['/api/v1/documents/{id}/versions/{no}:no'] = '1';
  for (const p of [
    '/signing-sessions',
    '/signing-sessions/{sessionId}',
    '/signing-sessions/{sessionId}/pdf',
  ])
    v[`/api/v1/documents/{id}${p}:id`] = fx.document.id;
  v['/api/v1/documents/{id}/signing-sessions/{sessionId}:sessionId'] = fx.document.id;
  v['/api/v1/documents/{id}/signing-sessions/{sessionId}/pdf:sessionId'] = fx.document.id;
  for (const p of ['', '/actions']) v[`/api/v1/work-files/{id}${p}:id`] = fx.workFile;
  v['/api/v1/document-review-flows/{unitCode}/{typeCode}:unitCode'] = fx.unit;
  v['/api/v1/document-review-flows/{unitCode}/{typeCode}:typeCode'] = 'KH';
  return v;
}

/** The world's tables: path values, query values, bodies, raw-body schemas and signatures. */
export function tablesOf(
  fx: Fixtures,
): Pick<World, 'values' | 'queries' | 'bodies' | 'bodySchemas' | 'finish' | 'open311'> {
  const proof = { phone: fx.applicantPhone };
  const token = fx.report.followToken;
  return {
    values: pathValues(fx),
    open311: { apiKey: fx.client.apiKey, serviceCode: 'lighting' },
    bodySchemas: { [WEBHOOK]: WEBHOOK_BODY },
    finish: { [WEBHOOK]: signed },
    queries: {
      'GET /api/v1/public/dossiers/{code}': proof,
      'GET /api/v1/public/dossiers/{code}/payment': proof,
      'GET /api/v1/public/dossiers/{code}/payments/{paymentId}/receipt.pdf': proof,
      'GET /api/v1/public/dossiers/{code}/rating': proof,
      'GET /api/v1/public/dossiers/{code}/petitions': proof,
      'GET /api/v1/public/reports/{code}': { token },
      'POST /api/v1/dossiers/{id}/files': {
        kind: 'attachment',
        component: 'to_khai',
        filename: 'them.pdf',
      },
      'GET /api/v1/dossiers/register.xlsx': { from: '2026-01-01', to: '2026-12-31' },
      'GET /api/v1/citizens/{userId}/profile': { purpose: 'Giải quyết hồ sơ của công dân' },
      'GET /api/v1/calendar/due': { from: '2026-03-02T09:00:00+07:00', days: '3' },
      'POST /api/v1/tasks/{id}/files': { filename: 'minh-chung.pdf' },
      'GET /api/v1/documents/register.xlsx': {
        direction: 'incoming',
        from: '2026-01-01',
        to: '2026-12-31',
      },
      'GET /api/v1/document-review-flows': { unit: fx.unit },
    },
    bodies: {
      'POST /api/v1/dossiers': fx.dossier.body,
      'POST /api/v1/reports': buildReportInput({ ward: { code: fx.unit } }),
      'POST /api/v1/auth/login': { username: `fuzz.nobody.${fx.suffix}`, password: 'sai-mat-khau' },
      'POST /api/v1/public/dossiers/{code}/petitions': { ...proof, content: 'Kiến nghị thử.' },
      'POST /api/v1/public/dossiers/{code}/petitions/{id}/info': { ...proof, answer: 'Bổ sung.' },
      'POST /api/v1/public/dossiers/{code}/rating': { ...proof, score: 5 },
      'POST /api/v1/public/reports/{code}/reopen': { token, reason: 'Vẫn chưa xử lý.' },
      'POST /api/v1/public/reports/{code}/info': { token, answer: 'Thông tin thêm.' },
      'POST /api/v1/public/reports/{code}/rating': { token, rating: 4 },
      'POST /api/v1/citizens/me/deletion': { password: 'khong-phai-mat-khau' },
      'PUT /api/v1/report-routing-rules': {
        categoryCode: 'lighting',
        areaUnitCode: fx.unit,
        handlingUnitCode: fx.unit,
      },
      'PUT /api/v1/portal/drafts/{id}': {
        version: 1,
        formData: { to_khai: { hoTen: 'Công dân', ngaySinh: '2026-01-02' } },
      },
      'POST /api/v1/portal/drafts': { procedureCode: fx.procedure.code },
      'POST /api/v1/procedures': buildProcedureInput(),
      'POST /api/v1/plans': planBodyOf(fx.unit),
      'PUT /api/v1/plans/{id}/targets/{targetId}/assignments': { items: [] },
      'POST /api/v1/plans/{id}/withdraw': { reason: 'Kiểm thử thu hồi' },
      'POST /api/v1/tasks': {
        content: 'Nhiệm vụ kiểm thử',
        leadUnitCode: fx.unit,
        deadline: { workingDays: 5 },
      },
      'POST /api/v1/tasks/{id}/progress': { percent: 10, text: 'Đã triển khai.' },
      'POST /api/v1/documents/incoming': fx.document.body,
      'POST /api/v1/documents/outgoing': {
        typeCode: 'KH',
        summary: 'Kế hoạch kiểm thử',
        paragraphs: ['Nội dung.'],
        signer: { title: 'CHỦ TỊCH', name: 'Lãnh đạo' },
      },
      'POST /api/v1/documents/{id}/actions': { action: 'comment', version: 1, text: 'Ý kiến.' },
      'POST /api/v1/work-files': { title: 'Hồ sơ kiểm thử', retention: '10' },
      'PUT /api/v1/document-review-flows/{unitCode}/{typeCode}': { steps: ['office', 'leader'] },
      'POST /api/v1/work-files/{id}/actions': {
        action: 'add',
        version: 1,
        documentId: fx.document.id,
      },
      'PUT /api/v1/procedures/{id}': buildProcedureInput({ code: fx.procedure.code }),
      'PUT /api/v1/procedure-synonyms': { items: [{ terms: ['khai sinh', 'giấy khai sinh'] }] },
      'PUT /api/v1/calendar/settings/{unitCode}': {
        morning: { start: '07:30', end: '11:30' },
        afternoon: { start: '13:30', end: '17:00' },
        cutoff: '16:00',
      },
      [WEBHOOK]: {
        transactionId: `fuzz-${PER_CASE}`,
        amount: 8000,
        reference: fx.dossier.code,
        paidAt: '2026-03-02T09:00:00+07:00',
      },
    },
  };
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
