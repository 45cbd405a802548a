import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, NotFoundError } from '../../platform/errors.js';
import {
  findCitizenAccount,
  hashPassword,
  replacePassword,
  type SessionInfo,
  startSession,
} from '../identity/index.js';
import { type OutboxMessage, queueOutboxRows } from '../notifications/index.js';
import {
  type CodeRequestReply,
  codeError,
  codeMatches,
  codeRequestReply,
  codeUnusable,
  issueCode,
  reissueCode,
  VERIFICATION,
  wrongTry,
} from './citizens.codes.js';
import { type PasswordResetRow, citizensRepository as repo } from './citizens.repository.js';
import type { PasswordResetInput } from './citizens.schemas.js';

type Db = Kysely<Database>;

/**
 * The code lives as a registration's does (15 minutes, 5 tries, 5 resends a minute apart);
 * a contact may ask for 5 resets an hour, so nobody can flood a phone with codes.
 */
export const PASSWORD_RESET = {
  ...VERIFICATION,
  perContactMax: 5,
  perContactWindowMs: 3600_000,
} as const;

function codeMessage(
  r: { id: string; channel: 'sms' | 'email'; contact: string },
  code: string,
  n: number,
  at: Date,
): OutboxMessage {
  const text =
    `Mã đặt lại mật khẩu tài khoản Chính quyền số của bạn là ${code}. ` +
    'Mã có hiệu lực trong 15 phút. Không cung cấp mã này cho bất kỳ ai, kể cả cán bộ.';
  return {
    channel: r.channel,
    recipient: r.contact,
    template: 'citizen.password-reset-code',
    subject: `Mã đặt lại mật khẩu: ${code}`,
    body:
      r.channel === 'sms'
        ? text
        : `Xin chào,\n\n${text}\n\nNếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.\n\nChính quyền số`,
    payload: { passwordResetId: r.id },
    dedupeKey: `citizen-password-reset:${r.id}:${n}`,
    relatedType: 'citizen_password_reset',
    relatedId: r.id,
    status: 'queued',
    lastError: null,
    at,
  };
}

/** Tells the account's contact that its password changed: the owner learns of a reset they did not ask for. */
function changedMessage(
  r: { id: string; channel: 'sms' | 'email'; contact: string },
  at: Date,
): OutboxMessage {
  const text =
    'Mật khẩu tài khoản Chính quyền số của bạn vừa được đặt lại; các nơi đang đăng nhập đã bị đăng xuất. ' +
    'Nếu không phải bạn làm việc này, hãy đặt lại mật khẩu ngay và báo bộ phận một cửa.';
  return {
    channel: r.channel,
    recipient: r.contact,
    template: 'citizen.password-changed',
    subject: 'Mật khẩu tài khoản của bạn đã được đặt lại',
    body: r.channel === 'sms' ? text : `Xin chào,\n\n${text}\n\nChính quyền số`,
    payload: { passwordResetId: r.id },
    dedupeKey: `citizen-password-changed:${r.id}`,
    relatedType: 'citizen_password_reset',
    relatedId: r.id,
    status: 'queued',
    lastError: null,
    at,
  };
}

/**
 * "Quên mật khẩu?": contact → code through the outbox → new password, every old session ended,
 * signed in. Staff accounts are never reset this way (their administrator does it).
 */
export class PasswordResetService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts a reset. The answer is the same whether or not a citizen account has this contact:
   * without one, the request is stored with no account and no code is sent, so it can never
   * be verified (it only looks like a real one).
   */
  async request(input: PasswordResetInput): Promise<CodeRequestReply> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      await repo.purgeExpiredPasswordResets(
        trx,
        new Date(now.getTime() - PASSWORD_RESET.keepExpiredMs),
      );
      const recent = await repo.countPasswordResetsSince(
        trx,
        input.contact,
        new Date(now.getTime() - PASSWORD_RESET.perContactWindowMs),
      );
      if (recent >= PASSWORD_RESET.perContactMax)
        throw new AppError(
          'reset_limit',
          429,
          'Đã có quá nhiều yêu cầu đặt lại mật khẩu cho số điện thoại hoặc e-mail này. Vui lòng thử lại sau một giờ.',
        );
      const account = await findCitizenAccount(trx, input.contact);
      const id = randomUUID();
      const { code, columns } = issueCode(id, now);
      const row = await repo.insertPasswordReset(trx, {
        id,
        user_id: account?.id ?? null,
        channel: input.channel,
        contact: input.contact,
        ...columns,
        created_at: now,
      });
      if (account) await queueOutboxRows(trx, [codeMessage(row, code, 1, now)]);
      return codeRequestReply(row);
    });
  }

  /** Sends a new code (the old one stops working), at most every minute and 5 times. */
  async resend(id: string): Promise<CodeRequestReply> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const r = await this.pending(trx, id);
      const { code, sends, columns } = reissueCode(
        id,
        r,
        now,
        'Mã đã được gửi lại quá nhiều lần. Vui lòng yêu cầu đặt lại mật khẩu lần nữa sau ít phút.',
      );
      await repo.updatePasswordReset(trx, id, columns);
      if (r.user_id) await queueOutboxRows(trx, [codeMessage(r, code, sends, now)]);
      return codeRequestReply({ ...r, expires_at: columns.expires_at });
    });
  }

  /**
   * Checks the code; right → the new password is set, every session and lock-out of the
   * account ends, and the citizen is signed in. A wrong code is counted even though the
   * request fails (outcome first, throw after).
   */
  async verify(
    id: string,
    input: { code: string; newPassword: string },
    meta: { ip: string | null; userAgent: string | null; requestId?: string },
  ): Promise<SessionInfo> {
    const now = this.clock.now();
    const passwordHash = await hashPassword(input.newPassword);
    const outcome = await this.db.transaction().execute(async (trx) => {
      const r = await this.pending(trx, id);
      const unusable = codeUnusable(r, now);
      if (unusable) return unusable;
      // A request without an account never verifies, even on a lucky guess of its code.
      if (!codeMatches(id, r, input.code) || !r.user_id) {
        const { attempts, failure } = wrongTry(r);
        await repo.updatePasswordReset(trx, id, { attempts });
        return failure;
      }
      const user = await replacePassword(trx, r.user_id, passwordHash, now);
      // The account was closed since the code was sent: nothing left to reset.
      if (!user) {
        await repo.deletePasswordResetsOf(trx, r.user_id);
        return { kind: 'expired' as const };
      }
      // Other codes asked for the same account stop working too.
      await repo.deletePasswordResetsOf(trx, r.user_id);
      await queueOutboxRows(trx, [changedMessage(r, now)]);
      await recordAudit(
        trx,
        { ...SYSTEM_ACTOR, id: user.id, name: user.username, requestId: meta.requestId },
        {
          action: 'citizen.password.reset',
          entityType: 'user',
          entityId: user.id,
          // Never the password, the code or the contact.
          after: { channel: r.channel, sessionsEnded: true, lockoutCleared: true },
        },
      );
      return { kind: 'ok' as const, session: await startSession(trx, user, meta, now) };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.session;
      default:
        throw codeError(outcome);
    }
  }

  /** A reset still waiting for its code; 404 otherwise (finished ones included). */
  private async pending(trx: Db, id: string): Promise<PasswordResetRow> {
    const r = await repo.findPasswordReset(trx, id);
    if (!r)
      throw new NotFoundError(
        'Không tìm thấy yêu cầu đặt lại mật khẩu (có thể đã hoàn tất hoặc đã hết hạn). Hãy yêu cầu lại.',
        'password_reset_not_found',
      );
    return r;
  }
}
