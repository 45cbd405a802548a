import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import {
  createCitizenAccount,
  hashPassword,
  type SessionInfo,
  startSession,
  usernameTaken,
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
import { TERMS_VERSION } from './citizens.consents.js';
import { type RegistrationRow, citizensRepository as repo } from './citizens.repository.js';
import type { RegistrationInput } from './citizens.schemas.js';

type Db = Kysely<Database>;

/** The message carrying the code; written with the registration, so it exists exactly when it does. */
function codeMessage(
  r: { id: string; channel: 'sms' | 'email'; contact: string },
  code: string,
  n: number,
  at: Date,
): OutboxMessage {
  const text =
    `Mã xác nhận đăng ký tài khoản Chính quyền số của bạn là ${code}. ` +
    'Mã có hiệu lực trong 15 phút. Không cung cấp mã này cho bất kỳ ai, kể cả cán bộ.';
  return {
    channel: r.channel,
    recipient: r.contact,
    template: 'citizen.verification-code',
    subject: `Mã xác nhận đăng ký tài khoản: ${code}`,
    body:
      r.channel === 'sms'
        ? text
        : `Xin chào,\n\n${text}\n\nNếu bạn không đăng ký tài khoản, hãy bỏ qua thư này.\n\nChính quyền số`,
    // The code is in the message itself (it has to be); the payload keeps nothing secret.
    payload: { registrationId: r.id },
    dedupeKey: `citizen-registration:${r.id}:${n}`,
    relatedType: 'citizen_registration',
    relatedId: r.id,
    status: 'queued',
    lastError: null,
    at,
  };
}

function takenError(channel: 'sms' | 'email'): ConflictError {
  return new ConflictError(
    channel === 'sms'
      ? 'Số điện thoại này đã có tài khoản. Hãy đăng nhập, hoặc dùng số điện thoại khác.'
      : 'Địa chỉ e-mail này đã có tài khoản. Hãy đăng nhập, hoặc dùng địa chỉ khác.',
    'contact_taken',
  );
}

/** Registration of a citizen account: contact → code through the outbox → account and session. */
export class RegistrationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Starts a registration and queues its code. 409 `contact_taken` when the contact has an account. */
  async register(input: RegistrationInput): Promise<CodeRequestReply> {
    const now = this.clock.now();
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      // Abandoned sign-ups hold a contact and a password hash: kept a day past expiry, no longer.
      await repo.purgeExpiredRegistrations(
        trx,
        new Date(now.getTime() - VERIFICATION.keepExpiredMs),
      );
      if (await usernameTaken(trx, input.contact)) throw takenError(input.channel);
      const id = randomUUID();
      const { code, columns } = issueCode(id, now);
      const row = await repo.insertRegistration(trx, {
        id,
        channel: input.channel,
        contact: input.contact,
        password_hash: passwordHash,
        full_name: input.fullName,
        terms_version: TERMS_VERSION,
        ...columns,
      });
      await queueOutboxRows(trx, [codeMessage(row, code, 1, now)]);
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
        'Mã đã được gửi lại quá nhiều lần. Vui lòng đăng ký lại sau ít phút.',
      );
      await repo.updateRegistration(trx, id, columns);
      await queueOutboxRows(trx, [codeMessage(r, code, sends, now)]);
      return codeRequestReply({ ...r, expires_at: columns.expires_at });
    });
  }

  /**
   * Checks the code; right → creates the account (kind and role citizen, its profile) and
   * signs in. A wrong code is counted even though the request fails (outcome first, throw after).
   */
  async verify(
    id: string,
    code: string,
    meta: { ip: string | null; userAgent: string | null; requestId?: string },
  ): Promise<SessionInfo> {
    const now = this.clock.now();
    const outcome = await this.db.transaction().execute(async (trx) => {
      const r = await this.pending(trx, id);
      const unusable = codeUnusable(r, now);
      if (unusable) return unusable;
      if (!codeMatches(id, r, code)) {
        const { attempts, failure } = wrongTry(r);
        await repo.updateRegistration(trx, id, { attempts });
        return failure;
      }
      const user = await createCitizenAccount(trx, {
        username: r.contact,
        passwordHash: r.password_hash,
        fullName: r.full_name,
        email: r.channel === 'email' ? r.contact : null,
      });
      if (!user) return { kind: 'taken' as const, channel: r.channel };
      await repo.insertProfile(trx, {
        userId: user.id,
        fullName: user.full_name,
        phone: r.channel === 'sms' ? r.contact : null,
        email: r.channel === 'email' ? r.contact : null,
        termsVersion: r.terms_version,
        at: now,
      });
      // The registration has served its purpose (the account holds the password hash now),
      // and other sign-ups of the same contact can never complete.
      await repo.deleteRegistration(trx, id);
      await repo.deletePendingRegistrations(trx, r.contact);
      await recordAudit(
        trx,
        { ...SYSTEM_ACTOR, id: user.id, name: user.username, requestId: meta.requestId },
        {
          action: 'citizen.register',
          entityType: 'user',
          entityId: user.id,
          // No contact or name here: the audit log is append-only and outlives a deletion.
          after: { channel: r.channel, termsVersion: r.terms_version },
        },
      );
      return { kind: 'ok' as const, session: await startSession(trx, user, meta, now) };
    });
    switch (outcome.kind) {
      case 'ok':
        return outcome.session;
      case 'taken':
        throw takenError(outcome.channel);
      default:
        throw codeError(outcome);
    }
  }

  /** A registration still waiting for its code; 404 otherwise (finished ones included). */
  private async pending(trx: Db, id: string): Promise<RegistrationRow> {
    const r = await repo.findRegistration(trx, id, true);
    if (!r)
      throw new NotFoundError(
        'Không tìm thấy yêu cầu đăng ký (có thể đã hoàn tất hoặc đã hết hạn). Hãy đăng ký lại.',
        'registration_not_found',
      );
    return r;
  }
}
