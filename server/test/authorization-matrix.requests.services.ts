// The requests of the services' operations in the authorization matrix (dossiers, field
// reports, citizens, payments, ratings and petitions, the portal): path parameters name unit
// A's objects (and citizen A's); a write a caller may make acts on a fresh object of its own.
import { CITIZEN_PASSWORD, photoJpeg } from './authorization-matrix.fixtures.js';
import { type Builder, hidden, listed, onB, pdf, proofA, V } from './authorization-matrix.kit.js';

/** Dossiers, field reports, citizens, payments, feedback and the portal. */
export const SERVICE_REQUESTS: Record<string, Builder> = {
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
  'GET /api/v1/dossiers': (w, role) =>
    listed(
      w,
      role,
      `${V}/dossiers?state=all`,
      [w.dossier.code, w.keyed.code],
      [w.wardB.dossierCode],
    ),
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
  // XLSX is compressed: only the answer's status is checked here.
  'GET /api/v1/dossiers/register.xlsx': (w, role) => ({
    url: listed(w, role, `${V}/dossiers/register.xlsx?from=2027-01-01&to=2027-12-31`, [], []).url,
  }),
  'GET /api/v1/dossiers/{id}/forms/{file}': (w) => ({
    url: `${V}/dossiers/${w.dossier.id}/forms/01.pdf`,
  }),
  'GET /api/v1/public/dossiers/{code}': (w) => ({
    url: `${V}/public/dossiers/${w.dossier.code}?${proofA(w)}`,
  }),

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
    url: `${V}/reports?unit=${w.units.A}`,
    payload: {
      categoryCode: 'lighting',
      description: 'Đèn đường hỏng trước chợ.',
      location: { unitCode: w.units.A, address: 'Chợ phường A' },
      contact: {},
    },
  }),
  'GET /api/v1/reports': (w, role) =>
    listed(w, role, `${V}/reports`, [w.report.id, w.report.code], [w.wardB.reportCode]),
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
  'GET /api/v1/dossier-petitions': (w, role) =>
    listed(w, role, `${V}/dossier-petitions`, [w.petition.id], [w.wardB.petitionId]),
  'GET /api/v1/dossier-feedback/stats': (w, role) =>
    listed(w, role, `${V}/dossier-feedback/stats`, [w.units.A], [w.units.B]),
  'GET /api/v1/dossier-petitions/{id}': (w) => ({ url: `${V}/dossier-petitions/${w.petition.id}` }),
  'POST /api/v1/dossier-petitions/{id}/actions': async (w) => ({
    url: `${V}/dossier-petitions/${await w.freshPetition()}/actions`,
    payload: { action: 'accept', version: 1 },
  }),

  // ── Indicators (issue 12) ────────────────────────────────────────────────────────────
  'GET /api/v1/indicators': () => ({ url: `${V}/indicators` }),
  // In-process (app.inject) the stream answers its opening and ends (indicators.routes.ts).
  'GET /api/v1/indicators/stream': (w) => ({ url: `${V}/indicators/stream?unit=${w.units.A}` }),
  'GET /api/v1/indicators/{code}/values': (w) => ({
    url: `${V}/indicators/tasks.on_time/values?unit=${w.units.A}&period=2026`,
  }),
  'POST /api/v1/indicator-values': (w) => ({
    url: `${V}/indicator-values`,
    payload: { indicator: 'data.open_datasets', unit: w.units.A, period: '2026', value: 1 },
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
};
