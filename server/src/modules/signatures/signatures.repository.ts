// The only SQL of the signatures module.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SignatureImageTable } from './signatures.tables.js';

type Db = Kysely<Database>;
export type OwnerKind = SignatureImageTable['owner_kind'];
export type SignatureImageRow = Omit<SignatureImageTable, 'updated_at'> & { updated_at: Date };

export const signaturesRepository = {
  async find(db: Db, kind: OwnerKind, ids: string[]): Promise<SignatureImageRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('signature_image')
      .selectAll()
      .where('owner_kind', '=', kind)
      .where('owner_id', 'in', ids)
      .execute();
  },

  async findOne(db: Db, kind: OwnerKind, id: string): Promise<SignatureImageRow | undefined> {
    return (await this.find(db, kind, [id]))[0];
  },

  async upsert(db: Db, row: Omit<SignatureImageRow, 'updated_at'> & { updated_at: Date }) {
    await db
      .insertInto('signature_image')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['owner_kind', 'owner_id']).doUpdateSet({
          sha256: row.sha256,
          width: row.width,
          height: row.height,
          updated_by: row.updated_by,
          updated_by_name: row.updated_by_name,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },

  async remove(db: Db, kind: OwnerKind, id: string): Promise<boolean> {
    const r = await db
      .deleteFrom('signature_image')
      .where('owner_kind', '=', kind)
      .where('owner_id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
};
