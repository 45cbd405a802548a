import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../platform/errors.js';
import { decodeIntCursor } from '../../platform/http/cursor.js';
import {
  anonymiseAccount,
  checkAccountPassword,
  findAccountsByIds,
  holdsGlobally,
  requireSignedIn,
  setAccountFullName,
} from '../identity/index.js';
import { findUnitsByCodes } from '../org/index.js';
import {
  CONSENT_PURPOSE_KEYS,
  CONSENT_PURPOSES,
  type ConsentPurpose,
} from './citizens.consents.js';
import { type DataKeyRing, decryptField, encryptField, lookupHash } from './citizens.crypto.js';
import { type CitizenDataSection, logPersonalDataAccess } from './citizens.personal-data.js';
import { type ProfileRow, citizensRepository as repo } from './citizens.repository.js';
import type { Profile, ProfileInput } from './citizens.schemas.js';

type Db = Kysely<Database>;

/** The associated data of a citizen ID's ciphertext: it decrypts only on its owner's row. */
export const citizenIdContext = (userId: string) => `citizen_profile.citizen_id:${userId}`;

/** Roles that may look up a citizen's profile, for a stated purpose. */
const READERS = ['desk_officer', 'leader', 'admin'] as const;

/** Throws unless the caller is a signed-in citizen. */
export function requireCitizen(actor: Actor | null): Actor & { id: string } {
  const a = requireSignedIn(actor);
  if (!a.id || !a.roles.some((g) => g.role === 'citizen'))
    throw new ForbiddenError('Chức năng này dành cho tài khoản công dân.', 'citizen_only');
  return a as Actor & { id: string };
}

export interface CitizenServiceDeps {
  db: Db;
  clock: Clock;
  keys: DataKeyRing;
  /** Parts of a citizen's data other modules hold (export and deletion). */
  sections?: CitizenDataSection[];
  /**
   * The dossier that lets staff read a citizen's profile: one the citizen's account owns in a
   * unit of `actor`'s grants (the dossiers module answers; app.ts wires it), or null.
   */
  dossierBasis?: StaffDossierBasis;
}

/** Finds a dossier owned by `userId` within the units of `actor`'s grants, or null. */
export type StaffDossierBasis = (
  db: Db,
  actor: Actor,
  userId: string,
) => Promise<{ code: string } | null>;

/** A citizen's profile, consents, access log, export and deletion. */
export class CitizenService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly keys: DataKeyRing;
  private readonly sections: CitizenDataSection[];
  private readonly dossierBasis: StaffDossierBasis;

  constructor(deps: CitizenServiceDeps) {
    this.db = deps.db;
    this.clock = deps.clock;
    this.keys = deps.keys;
    this.sections = deps.sections ?? [];
    this.dossierBasis = deps.dossierBasis ?? (async () => null);
  }

  private present(row: ProfileRow | undefined, fallbackName: string): Profile {
    if (!row)
      return {
        fullName: fallbackName,
        citizenId: null,
        dateOfBirth: null,
        phone: null,
        email: null,
        address: null,
        updatedAt: null,
      };
    return {
      fullName: row.full_name,
      citizenId: row.citizen_id_cipher ? this.decryptCitizenId(row) : null,
      dateOfBirth: row.date_of_birth ? dateText(row.date_of_birth) : null,
      phone: row.phone,
      email: row.email,
      address: row.address_line
        ? { line: row.address_line, unitCode: row.address_unit_code }
        : null,
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  private decryptCitizenId(row: ProfileRow): string {
    try {
      return decryptField(this.keys, row.citizen_id_cipher!, citizenIdContext(row.user_id));
    } catch (err) {
      // A configuration fault (a key removed before the rotation finished), not bad input.
      throw new AppError(
        'personal_data_key_missing',
        500,
        'Không đọc được số CCCD đã lưu: khoá mã hoá không có trong cấu hình máy chủ. Hãy báo quản trị hệ thống.',
        { keyId: row.citizen_id_key_id, reason: (err as Error).message },
      );
    }
  }

  /** The signed-in citizen's own profile (their own reads are not logged). */
  async ownProfile(actor: Actor | null): Promise<Profile> {
    const a = requireCitizen(actor);
    return this.present(await repo.findProfile(this.db, a.id), await this.accountName(a.id));
  }

  /** Replaces the citizen's profile; the citizen ID is encrypted before it reaches SQL. */
  async updateOwnProfile(actor: Actor | null, input: ProfileInput): Promise<Profile> {
    const a = requireCitizen(actor);
    const unitCode = input.address?.unitCode || null;
    if (unitCode && !(await findUnitsByCodes(this.db, [unitCode])).get(unitCode))
      throw new ValidationError('Hồ sơ chưa hợp lệ.', [
        { path: 'body.address.unitCode', message: `Không có đơn vị hành chính mã ${unitCode}.` },
      ]);
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findProfile(trx, a.id);
      const old = this.present(before, '');
      const enc = input.citizenId
        ? encryptField(this.keys, input.citizenId, citizenIdContext(a.id))
        : null;
      await repo.upsertProfile(
        trx,
        a.id,
        {
          full_name: input.fullName,
          citizen_id_cipher: enc?.cipher ?? null,
          citizen_id_key_id: enc?.keyId ?? null,
          citizen_id_hmac: input.citizenId ? lookupHash(this.keys, input.citizenId) : null,
          date_of_birth: input.dateOfBirth,
          phone: input.phone,
          email: input.email,
          address_line: input.address?.line ?? null,
          address_unit_code: input.address ? unitCode : null,
        },
        now,
      );
      await setAccountFullName(trx, a.id, input.fullName, now);
      const next: Omit<Profile, 'updatedAt'> = {
        fullName: input.fullName,
        citizenId: input.citizenId,
        dateOfBirth: input.dateOfBirth,
        phone: input.phone,
        email: input.email,
        address: input.address ? { line: input.address.line, unitCode } : null,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
        (k) => JSON.stringify(next[k]) !== JSON.stringify(old[k]),
      );
      // Which fields changed, never their values: the audit log is append-only and would
      // keep a citizen ID in clear long after the citizen deleted it.
      await recordAudit(trx, a, {
        action: 'citizen.profile.update',
        entityType: 'user',
        entityId: a.id,
        after: { changed },
      });
      return this.present(await repo.findProfile(trx, a.id), input.fullName);
    });
  }

  /**
   * A citizen's profile for staff, with a stated purpose; the read is logged with it. Staff
   * (desk officer, leader, unit admin) read it only while a dossier of that citizen's account
   * is in their units; a system administrator only with a stated legal basis (regulations.md
   * §7; Nghị định 13/2023/NĐ-CP, Điều 17: processing without consent on a legal ground). Anyone
   * else gets 404, as for an unknown account, so nobody learns that the citizen exists.
   */
  async staffReadProfile(
    actor: Actor | null,
    userId: string,
    q: { purpose: string; legalBasis?: string },
  ) {
    const a = requireSignedIn(actor);
    const grants = a.roles.filter((g) => (READERS as readonly string[]).includes(g.role));
    if (grants.length === 0)
      throw new ForbiddenError(
        'Chỉ cán bộ một cửa, lãnh đạo hoặc quản trị mới được xem dữ liệu cá nhân của công dân.',
      );
    const notFound = () => new NotFoundError('Không tìm thấy hồ sơ công dân.', 'citizen_not_found');
    // The system-wide admin grant is not a unit that handles dossiers: its ground is legal.
    const unitGrants = grants.filter((g) => !(g.role === 'admin' && g.unitCode === null));
    const dossier = unitGrants.length
      ? await this.dossierBasis(this.db, { ...a, roles: unitGrants }, userId)
      : null;
    let purpose: string;
    if (dossier) purpose = `${q.purpose} (hồ sơ ${dossier.code})`;
    else if (holdsGlobally(a, 'admin')) {
      if (!q.legalBasis)
        throw new ValidationError(
          'Quản trị hệ thống chỉ được xem dữ liệu cá nhân của công dân khi ghi rõ căn cứ pháp lý.',
          [
            {
              path: 'querystring.legalBasis',
              message: 'Ghi căn cứ pháp lý có số hiệu văn bản hoặc điều khoản.',
            },
          ],
          'legal_basis_required',
        );
      purpose = `${q.purpose} — căn cứ: ${q.legalBasis}`;
    } else throw notFound();
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.findProfile(trx, userId);
      const account = (await findAccountsByIds(trx, [userId])).get(userId);
      if (!row || !account) throw notFound();
      const profile = this.present(row, account.fullName);
      await logPersonalDataAccess(trx, a, {
        subjectUserId: userId,
        fields: profile.citizenId ? ['profile', 'citizen_id'] : ['profile'],
        purpose: purpose.slice(0, 700),
        at: now,
      });
      return { ...profile, userId, username: account.username };
    });
  }

  /** Who read the citizen's data, newest first. */
  async accessLog(actor: Actor | null, q: { cursor?: string; limit: number }) {
    const a = requireCitizen(actor);
    const rows = await repo.accessLog(this.db, a.id, {
      before: q.cursor ? decodeIntCursor(q.cursor) : undefined,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        accessorName: r.accessor_full_name ?? r.accessor_name,
        accessorUsername: r.accessor_name,
        field: r.field,
        purpose: r.purpose,
      })),
      nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null,
    };
  }

  /** Every purpose with its current state (no decision = not given) and the full history. */
  async consents(actor: Actor | null) {
    const a = requireCitizen(actor);
    return this.consentsOf(this.db, a.id);
  }

  private async consentsOf(db: Db, userId: string) {
    const current = new Map((await repo.consentsOf(db, userId)).map((c) => [c.purpose, c]));
    return {
      items: CONSENT_PURPOSE_KEYS.map((purpose) => {
        const c = current.get(purpose);
        const wording = CONSENT_PURPOSES[purpose];
        return {
          purpose,
          granted: c?.granted ?? false,
          wordingVersion: c?.wording_version ?? wording.version,
          wording: wording.text,
          decidedAt: c ? new Date(c.decided_at).toISOString() : null,
        };
      }),
      history: (await repo.consentHistory(db, userId)).map((h) => ({
        purpose: h.purpose,
        granted: h.granted,
        wordingVersion: h.wording_version,
        at: new Date(h.at).toISOString(),
      })),
    };
  }

  /** Gives or withdraws consent for one purpose; a decision equal to the current one records nothing. */
  async setConsent(actor: Actor | null, purpose: ConsentPurpose, granted: boolean) {
    const a = requireCitizen(actor);
    const now = this.clock.now();
    const version = CONSENT_PURPOSES[purpose].version;
    return this.db.transaction().execute(async (trx) => {
      const current = await repo.findConsentForUpdate(trx, a.id, purpose);
      const same = current
        ? current.granted === granted && current.wording_version === version
        : !granted;
      if (!same) {
        await repo.recordConsent(trx, {
          user_id: a.id,
          purpose,
          granted,
          wording_version: version,
          at: now,
          request_id: a.requestId ?? null,
        });
        await recordAudit(trx, a, {
          action: granted ? 'citizen.consent.grant' : 'citizen.consent.withdraw',
          entityType: 'user',
          entityId: a.id,
          after: { purpose, granted, wordingVersion: version },
        });
      }
      return (await this.consentsOf(trx, a.id)).items.find((i) => i.purpose === purpose)!;
    });
  }

  /** Everything the platform holds about the citizen, as one JSON document. */
  async exportData(actor: Actor | null) {
    const a = requireCitizen(actor);
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const account = (await findAccountsByIds(trx, [a.id])).get(a.id);
      if (!account) throw new UnauthenticatedError();
      const row = await repo.findProfile(trx, a.id);
      const sections: Record<string, unknown> = {};
      for (const s of this.sections) sections[s.name] = await s.collect(trx, a.id);
      const log = await repo.accessLog(trx, a.id, { limit: 100_000 });
      await recordAudit(trx, a, { action: 'citizen.export', entityType: 'user', entityId: a.id });
      return {
        exportedAt: now.toISOString(),
        account: {
          id: account.id,
          username: account.username,
          fullName: account.fullName,
          email: account.email,
          termsVersion: row?.terms_version ?? null,
          termsAcceptedAt: row?.terms_accepted_at
            ? new Date(row.terms_accepted_at).toISOString()
            : null,
        },
        profile: this.present(row, account.fullName),
        consents: await this.consentsOf(trx, a.id),
        accessLog: log.map((r) => ({
          at: new Date(r.at).toISOString(),
          accessorName: r.accessor_full_name ?? r.accessor_name,
          accessorUsername: r.accessor_name,
          field: r.field,
          purpose: r.purpose,
        })),
        sections,
      };
    });
  }

  /**
   * Deletes what the citizen may have deleted and closes the account, after checking the
   * password; says what was deleted and what is kept, and why.
   */
  async deleteAccount(actor: Actor | null, password: string) {
    const a = requireCitizen(actor);
    if (!(await checkAccountPassword(this.db, a.id, password)))
      throw new ForbiddenError(
        'Mật khẩu không đúng. Hãy nhập lại mật khẩu đăng nhập của bạn.',
        'wrong_password',
      );
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const deleted: { what: string; description: string }[] = [];
      const kept: { what: string; reason: string }[] = [];
      for (const s of this.sections) {
        if (s.erase) {
          const r = await s.erase(trx, a.id);
          if (r) deleted.push({ what: s.name, description: r.description });
        }
        if (s.kept) kept.push(s.kept);
      }
      if (await repo.deleteProfile(trx, a.id))
        deleted.push({
          what: 'profile',
          description: 'Hồ sơ cá nhân: họ tên, số CCCD, ngày sinh, điện thoại, e-mail, địa chỉ.',
        });
      await repo.deleteConsents(trx, a.id);
      // A code already sent must not reopen the closed account.
      await repo.deletePasswordResetsOf(trx, a.id);
      deleted.push({
        what: 'consents',
        description: 'Các lựa chọn đồng ý hiện tại (coi như đã rút lại).',
      });
      await anonymiseAccount(trx, a.id, now);
      deleted.push({
        what: 'account',
        description:
          'Tài khoản: số điện thoại hoặc e-mail đăng nhập, họ tên và mật khẩu; tài khoản bị khoá vĩnh viễn.',
      });
      kept.push(
        {
          what: 'consent_history',
          reason:
            'Lịch sử đồng ý/rút lại được giữ (không còn gắn với tên, số điện thoại hay e-mail của bạn) để chứng minh việc xử lý dữ liệu trước đây là có sự đồng ý.',
        },
        {
          what: 'access_log',
          reason:
            'Nhật ký cán bộ đã xem dữ liệu của bạn được giữ để kiểm tra trách nhiệm của cán bộ.',
        },
        {
          what: 'dossiers',
          reason:
            'Hồ sơ thủ tục hành chính đã nộp là hồ sơ hành chính, được lưu trữ theo Luật Lưu trữ; không thể xoá theo yêu cầu.',
        },
      );
      await recordAudit(trx, a, {
        action: 'citizen.delete',
        entityType: 'user',
        entityId: a.id,
        after: { deleted: deleted.map((d) => d.what), kept: kept.map((k) => k.what) },
      });
      return { deleted, kept };
    });
  }

  private async accountName(userId: string): Promise<string> {
    return (await findAccountsByIds(this.db, [userId])).get(userId)?.fullName ?? '';
  }
}

/** A `date` column as YYYY-MM-DD (pg returns a Date at local midnight, PGlite may too). */
function dateText(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 10);
  const d = v as Date;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
