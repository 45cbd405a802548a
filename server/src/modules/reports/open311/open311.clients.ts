import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Clock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/schema.js';
import { AppError, ConflictError, NotFoundError } from '../../../platform/errors.js';
import { type ClientRow, open311Repository as repo } from './open311.repository.js';

/** sha256 (hex) of an API key: only this is stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** How many characters of a key are kept in clear for display. */
export const KEY_PREFIX_LENGTH = 8;

/** 403 in GeoReport v2 terms: a missing, wrong or revoked `api_key`. */
function keyRefused(detail: string, code: string): AppError {
  return new AppError(code, 403, detail);
}

/**
 * The Open311 clients (apps and systems that file reports) and their API keys: created and
 * revoked by a system administrator, every change audited; a key is shown once and stored
 * as its sha256 hash only.
 */
export class Open311ClientService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock }) {}

  /** Creates a client with a fresh key; the key is in the answer and nowhere else. */
  async create(actor: Actor, name: string): Promise<{ client: ClientRow; apiKey: string }> {
    const { db, clock } = this.deps;
    const apiKey = randomBytes(32).toString('base64url');
    const id = randomUUID();
    const client = await db.transaction().execute(async (trx) => {
      const row = await repo.insertClient(trx, {
        id,
        name: name.normalize('NFC'),
        key_hash: hashApiKey(apiKey),
        key_prefix: apiKey.slice(0, KEY_PREFIX_LENGTH),
        created_at: clock.now(),
        created_by: actor.id,
        revoked_at: null,
      });
      await recordAudit(trx, actor, {
        action: 'open311_client.create',
        entityType: 'open311_client',
        entityId: id,
        after: { name: row.name, keyPrefix: row.key_prefix },
      });
      return row;
    });
    return { client, apiKey };
  }

  /** Every client with its report count, newest first. */
  list() {
    return repo.listClients(this.deps.db);
  }

  /** Revokes a client's key: its next request gets 403. 404 unknown, 409 already revoked. */
  async revoke(actor: Actor, id: string): Promise<ClientRow> {
    const { db, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const row = await repo.revokeClient(trx, id, clock.now());
      if (!row) {
        if (await repo.findClient(trx, id))
          throw new ConflictError('Khóa này đã bị thu hồi trước đó.', 'already_revoked');
        throw new NotFoundError('Không tìm thấy ứng dụng Open311 này.', 'open311_client_not_found');
      }
      await recordAudit(trx, actor, {
        action: 'open311_client.revoke',
        entityType: 'open311_client',
        entityId: id,
        before: { revokedAt: null },
        after: { name: row.name, keyPrefix: row.key_prefix, revokedAt: row.revoked_at },
      });
      return row;
    });
  }

  /** The client holding `apiKey`; 403 when it is missing, unknown or revoked. */
  async authenticate(apiKey: string | undefined): Promise<ClientRow> {
    const key = apiKey?.trim();
    if (!key)
      throw keyRefused(
        'Thiếu api_key: gửi phản ánh qua Open311 cần khóa API do quản trị hệ thống cấp.',
        'api_key_missing',
      );
    const client =
      key.length <= 200 ? await repo.findClientByHash(this.deps.db, hashApiKey(key)) : undefined;
    if (!client) throw keyRefused('api_key không đúng.', 'api_key_invalid');
    if (client.revoked_at)
      throw keyRefused(
        'api_key đã bị thu hồi; liên hệ quản trị hệ thống để được cấp khóa mới.',
        'api_key_revoked',
      );
    return client;
  }
}
