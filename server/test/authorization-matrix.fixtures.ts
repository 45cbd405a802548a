// The world the authorization matrix runs in: two wards (A and B) of one city, each with a
// desk officer, specialist, leader and secretariat; an administrator of each ward; the system
// administrator; two citizens; and unit A's objects (citizen A's online dossier, paid and
// returned with its electronic result, a petition, a field report with a photo, a draft, a
// stored document…). Writes that a role may make get a fresh object each (`fresh*`), so the
// order of the cells never matters.
import { randomUUID } from 'node:crypto';
import { lastMessageTo, registerByPhone } from '../src/modules/citizens/citizens.test-support.js';
import { seedReportCategories } from '../src/modules/reports/index.js';
import { FixedClock } from '../src/platform/clock.js';
import {
  CITIZEN_PASSWORD,
  PDF,
  PHONE_A,
  PHONE_B,
  photoJpeg,
  ROLES,
  type RoleName,
  WEBHOOK_SECRET,
  WorldBase,
} from './authorization-matrix.world.js';
import { STAFF_PASSWORD } from './factories/dossiers.js';
import { buildUnit } from './factories/org.js';
import { tinyPdf } from './factories/pdf.js';
import { buildProcedureInput } from './factories/procedures.js';
import { setBoundary } from './factories/reports.js';
import { ADMIN_PASSWORD, createTestApp } from './helpers.js';

export {
  type Body,
  CITIZEN_PASSWORD,
  PDF,
  photoJpeg,
  ROLES,
  type RoleName,
} from './authorization-matrix.world.js';

/** Staff roles of the two wards, by column. */
const STAFF: Record<string, { role: string; ward: 'A' | 'B' }> = {
  deskA: { role: 'desk_officer', ward: 'A' },
  specA: { role: 'specialist', ward: 'A' },
  leadA: { role: 'leader', ward: 'A' },
  secrA: { role: 'secretariat', ward: 'A' },
  deskB: { role: 'desk_officer', ward: 'B' },
  specB: { role: 'specialist', ward: 'B' },
  leadB: { role: 'leader', ward: 'B' },
  secrB: { role: 'secretariat', ward: 'B' },
  admA: { role: 'admin', ward: 'A' },
  admB: { role: 'admin', ward: 'B' },
};

/** The world of the matrix: built once, then fresh objects for the writes that need them. */
export class World extends WorldBase {
  /** An app over a fresh database, with the world built in it. */
  static async create(): Promise<World> {
    const clock = new FixedClock(new Date('2027-03-01T02:00:00Z'));
    const t = await createTestApp({ clock, config: { paymentWebhookSecret: WEBHOOK_SECRET } });
    const w = new World(t, clock);
    await w.build();
    return w;
  }

  private async build(): Promise<void> {
    const { t } = this;
    const db = t.db.kysely;
    await seedReportCategories(db);
    const province = await buildUnit(db, { kind: 'province' });
    const city = await buildUnit(db, { kind: 'district', parentCode: province.code });
    const a = await buildUnit(db, { parentCode: city.code, agencyId: '000.00.31.H01' });
    const b = await buildUnit(db, { parentCode: city.code, agencyId: '000.00.32.H01' });
    await setBoundary(t, a.id, [105.4, 10.3, 105.45, 10.35]);
    this.units = { province: province.code, city: city.code, A: a.code, B: b.code };
    this.callers.anon = { username: null, password: null, headers: {}, ip: '10.100.0.1' };
    this.callers.sys = {
      username: 'admin',
      password: ADMIN_PASSWORD,
      headers: t.admin.headers,
      ip: '',
    };
    for (const [key, s] of Object.entries(STAFF)) {
      const username = `${key.toLowerCase()}.${randomUUID().slice(0, 6)}`;
      await this.setup('sys', 'POST', '/api/v1/users', {
        username,
        password: STAFF_PASSWORD,
        fullName: `Cán bộ ${key}`,
        roles: [{ role: s.role, unitCode: s.ward === 'A' ? a.code : b.code }],
      });
      this.callers[key as RoleName] = {
        username,
        password: STAFF_PASSWORD,
        headers: (await t.login(username, STAFF_PASSWORD)).headers,
        ip: '',
      };
    }
    for (const [key, phone, name] of [
      ['citA', PHONE_A, 'Nguyễn Văn Ân'],
      ['citB', PHONE_B, 'Trần Thị Bé'],
    ] as const) {
      const c = await registerByPhone(t, phone, name, CITIZEN_PASSWORD);
      (key === 'citA' ? this.citizenA : this.citizenB).userId = c.userId;
      // Signed in through login(), so the session carries what every login carries.
      this.callers[key] = {
        username: phone,
        password: CITIZEN_PASSWORD,
        headers: (await t.login(phone, CITIZEN_PASSWORD)).headers,
        ip: '',
      };
    }
    ROLES.forEach((r, i) => {
      if (r !== 'anon') this.callers[r].ip = `10.100.0.${i + 1}`;
    });
    const proc = await this.setup(
      'sys',
      'POST',
      '/api/v1/procedures',
      buildProcedureInput({ name: 'Đăng ký khai sinh (ma trận phân quyền)' }),
    );
    this.procedure = { id: proc.json().id, code: proc.json().code };
    for (const who of ['citA', 'citB'] as const)
      await this.setup(who, 'PUT', '/api/v1/citizens/me/consents/data_store', { granted: true });
    this.profileA.address.unitCode = a.code;
    await this.setup('citA', 'PUT', '/api/v1/citizens/me/profile', this.profileA);
    this.targetUserId = (
      await this.setup('sys', 'POST', '/api/v1/users', {
        username: `dich.${randomUUID().slice(0, 6)}`,
        password: STAFF_PASSWORD,
        fullName: 'Cán bộ được sửa',
        roles: [{ role: 'desk_officer', unitCode: a.code }],
      })
    ).json().id;
    this.synonyms = (await this.setup('sys', 'GET', '/api/v1/procedure-synonyms')).json();
    const settings = (await this.setup('sys', 'GET', `/api/v1/calendar/settings/${a.code}`)).json();
    this.calendarSettings = {
      morning: settings.morning,
      afternoon: settings.afternoon,
      cutoff: settings.cutoff,
    };
    const trees = (await this.setup('sys', 'GET', '/api/v1/report-categories/all'))
      .json()
      .items.find((c: { code: string }) => c.code === 'trees');
    const { code: _code, attributes: _attributes, ...categoryBody } = trees;
    this.categoryBody = categoryBody;
    await this.buildDossier();
    const keyed = await this.setup('deskA', 'POST', '/api/v1/dossiers', this.receiptBody(), {
      'idempotency-key': this.keyed.key,
    });
    this.keyed.id = keyed.json().id;
    this.keyed.code = keyed.json().code;
    await this.buildWardB();
    this.petition.id = await this.freshPetition();
    await this.buildReport();
    this.draft.id = (await this.freshDraft()).id;
    this.document.id = await this.freshDocument();
    await this.setup('sys', 'PUT', '/api/v1/report-routing-rules', {
      categoryCode: 'lighting',
      areaUnitCode: a.code,
      handlingUnitCode: a.code,
    });
    // A gateway payment that matches no dossier: on the reconciliation list.
    await this.webhook();
  }

  /** Citizen A's dossier: submitted online at ward A, paid at the desk, returned with a result. */
  private async buildDossier(): Promise<void> {
    const draft = await this.freshDraft(true);
    const sent = await this.setup('citA', 'POST', `/api/v1/portal/drafts/${draft.id}/submit`);
    const { id, code } = sent.json().dossier;
    this.dossier.id = id;
    this.dossier.code = code;
    const paid = await this.setup('deskA', 'POST', `/api/v1/dossiers/${id}/payments`, {
      method: 'cash',
      amount: 8000,
    });
    this.dossier.paymentId = paid.json().id;
    const r = await this.process(id, { result: true });
    this.dossier.resultFileId = r.resultFileId!;
  }

  /** Ward B's dossier (received at its desk), a petition about it and a field report. */
  private async buildWardB(): Promise<void> {
    const d = await this.setup('deskB', 'POST', '/api/v1/dossiers', this.receiptBody(this.units.B));
    this.wardB.dossierCode = d.json().code;
    const p = await this.setup(
      'anon',
      'POST',
      `/api/v1/public/dossiers/${d.json().code}/petitions`,
      {
        phone: '0903111222',
        content: 'Đề nghị cho biết tiến độ giải quyết.',
      },
    );
    this.wardB.petitionId = p.json().id;
    const r = await this.setup('anon', 'POST', '/api/v1/reports', {
      categoryCode: 'lighting',
      description: 'Đèn đường hỏng ở phường B.',
      location: { unitCode: this.units.B, address: '9 Trần Phú' },
      contact: {},
    });
    this.wardB.reportCode = r.json().code;
  }

  /** Takes a received dossier of ward A to `returned` (electronically when it has a result). */
  async process(id: string, opts: { result?: boolean } = {}) {
    const act = async (who: RoleName, body: Record<string, unknown>) =>
      (await this.setup(who, 'POST', `/api/v1/dossiers/${id}/actions`, body)).json().version;
    let v = await act('deskA', {
      action: 'assign',
      version: 1,
      assigneeUsername: this.callers.specA.username,
    });
    let resultFileId: string | undefined;
    if (opts.result)
      resultFileId = (
        await this.setup(
          'specA',
          'POST',
          `/api/v1/dossiers/${id}/files?kind=result&filename=ket-qua.pdf`,
          // A real PDF: the leader's approval signs it (dossiers.signing.ts).
          tinyPdf('ket qua thu'),
          { 'content-type': 'application/pdf' },
        )
      ).json().id;
    v = await act('specA', {
      action: 'finish',
      version: v,
      resultSummary: 'Đã cấp giấy khai sinh',
      ...(resultFileId ? { resultFileId } : {}),
    });
    v = await act('leadA', { action: 'approve', version: v });
    await act('deskA', {
      action: 'return_result',
      version: v,
      method: resultFileId ? 'electronic' : 'direct',
      // The fee is left unpaid: the desk states why (dossiers.unpaid-return.test.ts).
      reason: 'Miễn lệ phí theo quy định',
    });
    return { resultFileId };
  }

  /** A valid desk receipt body (at ward A unless told). */
  receiptBody(unitCode = this.units.A): Record<string, unknown> {
    return {
      procedureId: this.procedure.id,
      unitCode,
      channel: 'direct',
      applicant: {
        type: 'individual',
        fullName: 'Lê Thị Cúc',
        citizenId: '089301000222',
        dateOfBirth: '1985-02-02',
        phone: '0903111222',
        address: { line: '3 Hai Bà Trưng' },
      },
      formData: { to_khai: { hoTen: 'Lê Văn Đậu', ngaySinh: '2027-02-01' } },
    };
  }

  /** A dossier just received at ward A's desk (status received, version 1). */
  async freshDossier(): Promise<{ id: string; code: string }> {
    const r = await this.setup('deskA', 'POST', '/api/v1/dossiers', this.receiptBody());
    return { id: r.json().id, code: r.json().code };
  }

  /** A dossier of ward A returned to its applicant (phone 0903111222): open to a rating. */
  async freshReturnedDossier(): Promise<{ id: string; code: string }> {
    const d = await this.freshDossier();
    await this.process(d.id);
    return d;
  }

  /** Citizen A's draft at ward A; `complete` fills everything submission needs. */
  async freshDraft(complete = false): Promise<{ id: string; version: number }> {
    const d = (
      await this.setup('citA', 'POST', '/api/v1/portal/drafts', {
        procedureCode: this.procedure.code,
      })
    ).json();
    if (!complete) return { id: d.id, version: d.version };
    const saved = await this.setup('citA', 'PUT', `/api/v1/portal/drafts/${d.id}`, {
      version: d.version,
      unitCode: this.units.A,
      applicant: {
        type: 'individual',
        fullName: 'Nguyễn Văn Ân',
        citizenId: '089201000111',
        dateOfBirth: '1990-01-01',
        phone: PHONE_A,
        address: { line: '1 Lê Lợi' },
      },
      formData: { to_khai: { hoTen: 'Nguyễn Văn Bình', ngaySinh: '2027-02-10' } },
    });
    return { id: d.id, version: saved.json().version };
  }

  /** A document in citizen A's data store. */
  async freshDocument(): Promise<string> {
    const r = await this.setup(
      'citA',
      'POST',
      `/api/v1/portal/documents?filename=giay-to-${this.next()}.pdf`,
      PDF,
      { 'content-type': 'application/pdf' },
    );
    return r.json().id;
  }

  /** A petition (kiến nghị) about citizen A's dossier, received by ward A. */
  async freshPetition(): Promise<string> {
    const r = await this.setup(
      'anon',
      'POST',
      `/api/v1/public/dossiers/${this.dossier.code}/petitions`,
      { phone: PHONE_A, content: 'Đề nghị giải thích vì sao phải bổ sung giấy tờ.' },
    );
    return r.json().id;
  }

  /** A petition on which ward A asked the petitioner a question. */
  async freshPetitionWithQuestion(): Promise<string> {
    const id = await this.freshPetition();
    await this.setup('deskA', 'POST', `/api/v1/dossier-petitions/${id}/actions`, {
      action: 'request_info',
      version: 1,
      reason: 'Ông/bà cho biết ngày nộp bổ sung.',
    });
    return id;
  }

  /** A field report in ward A (status new), with its follow token. */
  async freshReport(photoIds: string[] = []) {
    const r = await this.setup('anon', 'POST', '/api/v1/reports', {
      categoryCode: 'lighting',
      description: 'Đèn đường trước số 5 Lê Lợi không sáng.',
      location: { unitCode: this.units.A, address: '5 Lê Lợi' },
      contact: { name: 'Người Phản Ánh', phone: '0907000111' },
      ...(photoIds.length ? { photoIds } : {}),
    });
    const { id, code, followToken } = r.json();
    return { id: id as string, code: code as string, token: followToken as string };
  }

  private async buildReport(): Promise<void> {
    const photo = await this.setup('anon', 'POST', '/api/v1/report-photos', await photoJpeg(), {
      'content-type': 'image/jpeg',
    });
    const r = await this.freshReport([photo.json().id]);
    this.report = { ...r, photoId: photo.json().id };
  }

  /** The report's current version (actions send it). */
  async reportVersion(id: string): Promise<number> {
    return (await this.setup('leadA', 'GET', `/api/v1/reports/${id}`)).json().version;
  }

  /** A report of ward A answered (resolved): the reporter may reopen or rate it. */
  async freshResolvedReport() {
    const r = await this.freshReport();
    const act = async (who: RoleName, body: Record<string, unknown>) =>
      this.setup(who, 'POST', `/api/v1/reports/${r.id}/actions`, {
        ...body,
        version: await this.reportVersion(r.id),
      });
    await act('deskA', { action: 'accept' });
    await act('deskA', { action: 'assign', assigneeUsername: this.callers.specA.username });
    await act('specA', { action: 'start' });
    await act('specA', { action: 'resolve', reply: 'Đã thay bóng đèn.' });
    return r;
  }

  /** A report of ward A whose reporter was asked a question. */
  async freshReportWithQuestion() {
    const r = await this.freshReport();
    await this.setup('deskA', 'POST', `/api/v1/reports/${r.id}/actions`, {
      action: 'request_info',
      version: 1,
      reason: 'Đèn ở phía bên nào của đường?',
    });
    return r;
  }

  /** A registration started for a new phone, with the code that was sent. */
  async freshRegistration() {
    const phone = `0913${String(this.next()).padStart(6, '0')}`;
    const r = await this.setup('anon', 'POST', '/api/v1/citizens/registrations', {
      phone,
      password: CITIZEN_PASSWORD,
      fullName: 'Người Đăng Ký',
      acceptTerms: true,
    });
    return { id: r.json().id as string, code: await this.codeSentTo(phone) };
  }

  /** A password reset asked for a new citizen account, with the code that was sent. */
  async freshPasswordReset() {
    const phone = `0914${String(this.next()).padStart(6, '0')}`;
    await registerByPhone(this.t, phone, 'Người Quên Mật Khẩu', CITIZEN_PASSWORD);
    const r = await this.setup('anon', 'POST', '/api/v1/citizens/password-resets', { phone });
    return { id: r.json().id as string, code: await this.codeSentTo(phone) };
  }

  private async codeSentTo(phone: string): Promise<string> {
    const msg = await lastMessageTo(this.t, phone);
    const m = msg?.body.match(/\b(\d{6})\b/);
    if (!m) throw new Error(`no code sent to ${phone}`);
    return m[1]!;
  }

  private async webhook(): Promise<void> {
    const { payload, headers } = this.webhookRequest();
    await this.setup('anon', 'POST', '/api/v1/payments/webhooks/generic', payload, headers);
  }
}
