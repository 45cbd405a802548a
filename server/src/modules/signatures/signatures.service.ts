// Signature and seal images (issue 13 deliver 3: the visible signature draws "the signer's
// signature image" and "the seal image"; Nghị định 30/2020/NĐ-CP Phụ lục I). One door for the
// routes and for the modules that sign (documents, dossiers):
// - a person manages only their own signature image, and only they read it back (it is
//   personal data, Nghị định 13/2023/NĐ-CP; it reaches others only inside a PDF they signed);
// - a unit's seal image is managed by the unit's office (văn thư keeps the seal, ND30 Điều 32–33)
//   and leaders at the unit, and by administrators of the unit or above; staff of the unit, of
//   the units above and below it read it; everyone else gets 404 as for any other unit's object.
import type { SignatureImageInfo, SignatureImagesReply } from '@cqs/shared/signatures/index';
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { holdsOverLineage } from '../identity/index.js';
import { cachedUnit, cachedUnitLineage } from '../org/index.js';
import { normaliseSignatureImage } from './signatures.image.js';
import {
  type OwnerKind,
  signaturesRepository as repo,
  type SignatureImageRow,
} from './signatures.repository.js';

type Db = Kysely<Database>;

/** Roles that manage the seal image of the unit they are granted at. */
const SEAL_KEEPERS: readonly Role[] = ['secretariat', 'leader', 'admin'];
const STAFF: Role[] = ['desk_officer', 'specialist', 'leader', 'secretariat', 'admin'];

export interface SignaturesDeps {
  db: Db;
  store: FileStore;
  clock: Clock;
}

const noImage = (whose: string) =>
  new NotFoundError(`Chưa có ${whose}.`, 'signature_image_not_found');
const unitNotFound = () =>
  new NotFoundError('Không tìm thấy đơn vị hoặc bạn không có quyền xem.', 'unit_not_found');

const info = (row: SignatureImageRow | undefined): SignatureImageInfo =>
  row
    ? {
        present: true,
        width: row.width,
        height: row.height,
        updatedAt: row.updated_at.toISOString(),
        updatedByName: row.updated_by_name,
      }
    : { present: false, width: null, height: null, updatedAt: null, updatedByName: null };

/** The images the signing modules draw: null where none was uploaded. */
export class SignatureImages {
  constructor(readonly deps: { db: Db; store: FileStore }) {}

  async #bytes(kind: OwnerKind, id: string, db: Db): Promise<Buffer | null> {
    const row = await repo.findOne(db, kind, id);
    return row ? this.deps.store.get(row.sha256) : null;
  }

  /** A person's handwritten-signature image (PNG, transparent), or null. */
  personImage(accountId: string, db: Db = this.deps.db): Promise<Buffer | null> {
    return this.#bytes('person', accountId, db);
  }

  /** A unit's seal image (PNG, transparent), or null. */
  sealImage(unitCode: string, db: Db = this.deps.db): Promise<Buffer | null> {
    return this.#bytes('unit', unitCode, db);
  }
}

/** What the caller may do with a unit's seal image. */
async function sealRelation(db: Db, actor: Actor, unit: string) {
  const line = await cachedUnitLineage(db, unit, actor.generations);
  const write =
    holdsOverLineage(actor, ['admin'], line) ||
    actor.roles.some((g) => g.unitCode === unit && SEAL_KEEPERS.includes(g.role));
  // Staff of the units below it (its departments) read its seal too.
  let below = false;
  for (const g of actor.roles)
    if (g.unitCode && STAFF.includes(g.role) && !below)
      below = (await cachedUnitLineage(db, g.unitCode, actor.generations)).includes(unit);
  return { read: write || holdsOverLineage(actor, STAFF, line) || below, write };
}

export class SignaturesService {
  readonly #images: SignatureImages;
  constructor(readonly deps: SignaturesDeps) {
    this.#images = new SignatureImages(deps);
  }

  /** The caller's own signature image and the seals of the units where they keep one. */
  async overview(actor: Actor): Promise<SignatureImagesReply> {
    const { db } = this.deps;
    const me = actor.id ? await repo.findOne(db, 'person', actor.id) : undefined;
    const codes = [
      ...new Set(
        actor.roles
          .filter((g) => g.unitCode && SEAL_KEEPERS.includes(g.role))
          .map((g) => g.unitCode as string),
      ),
    ];
    const rows = new Map((await repo.find(db, 'unit', codes)).map((r) => [r.owner_id, r]));
    const units = [];
    for (const code of codes.sort()) {
      const u = await cachedUnit(db, code, actor.generations);
      if (!u) continue;
      units.push({
        ...info(rows.get(code)),
        unitCode: code,
        unitName: u.fullName || u.name,
        editable: true,
      });
    }
    return { me: info(me), units };
  }

  /** The caller's own image (PNG bytes). */
  async myImage(actor: Actor): Promise<Buffer> {
    const bytes = actor.id ? await this.#images.personImage(actor.id) : null;
    if (!bytes) throw noImage('mẫu chữ ký của bạn');
    return bytes;
  }

  /** A unit's seal image (PNG bytes); 404 for a unit the caller does not see. */
  async sealImage(actor: Actor, unit: string): Promise<Buffer> {
    await this.#unitFor(actor, unit, 'read');
    const bytes = await this.#images.sealImage(unit);
    if (!bytes) throw noImage('hình ảnh con dấu của đơn vị');
    return bytes;
  }

  async setMine(actor: Actor, upload: Buffer): Promise<SignatureImagesReply> {
    if (!actor.id) throw new ForbiddenError();
    await this.#set(actor, 'person', actor.id, null, upload);
    return this.overview(actor);
  }

  async removeMine(actor: Actor): Promise<SignatureImagesReply> {
    if (!actor.id) throw new ForbiddenError();
    await this.#remove(actor, 'person', actor.id, null);
    return this.overview(actor);
  }

  async setSeal(actor: Actor, unit: string, upload: Buffer): Promise<SignatureImagesReply> {
    await this.#unitFor(actor, unit, 'write');
    await this.#set(actor, 'unit', unit, unit, upload);
    return this.overview(actor);
  }

  async removeSeal(actor: Actor, unit: string): Promise<SignatureImagesReply> {
    await this.#unitFor(actor, unit, 'write');
    await this.#remove(actor, 'unit', unit, unit);
    return this.overview(actor);
  }

  async #unitFor(actor: Actor, unit: string, need: 'read' | 'write') {
    const { db } = this.deps;
    if (!(await cachedUnit(db, unit, actor.generations))) throw unitNotFound();
    const rel = await sealRelation(db, actor, unit);
    if (!rel.read) throw unitNotFound();
    if (need === 'write' && !rel.write)
      throw new ForbiddenError(
        'Chỉ văn thư, lãnh đạo hoặc quản trị của đơn vị mới thay được hình ảnh con dấu.',
        'seal_image_forbidden',
      );
  }

  async #set(actor: Actor, kind: OwnerKind, id: string, unit: string | null, upload: Buffer) {
    // Read and check the image before the transaction: a bad file changes nothing.
    const img = await normaliseSignatureImage(upload);
    const { sha256 } = await this.deps.store.put(img.png);
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await repo.findOne(trx, kind, id);
      await repo.upsert(trx, {
        owner_kind: kind,
        owner_id: id,
        sha256,
        width: img.width,
        height: img.height,
        updated_by: actor.id,
        updated_by_name: actor.name,
        updated_at: this.deps.clock.now(),
      });
      await recordAudit(trx, actor, {
        action: `signature_image.${kind}.set`,
        entityType: 'signature_image',
        entityId: `${kind}:${id}`,
        unitCode: unit ?? undefined,
        before: before ? { sha256: before.sha256 } : undefined,
        after: { sha256, width: img.width, height: img.height },
      });
    });
  }

  async #remove(actor: Actor, kind: OwnerKind, id: string, unit: string | null) {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await repo.findOne(trx, kind, id);
      if (!before)
        throw noImage(kind === 'person' ? 'mẫu chữ ký của bạn' : 'hình ảnh con dấu của đơn vị');
      await repo.remove(trx, kind, id);
      await recordAudit(trx, actor, {
        action: `signature_image.${kind}.remove`,
        entityType: 'signature_image',
        entityId: `${kind}:${id}`,
        unitCode: unit ?? undefined,
        before: { sha256: before.sha256 },
      });
    });
  }
}
