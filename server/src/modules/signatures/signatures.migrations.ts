import { type Kysely, type Migration, sql } from 'kysely';

/** Migrations of the signatures module (mẫu chữ ký và con dấu, range 16xx). */
export const signaturesMigrations: Record<string, Migration> = {
  '1600_signatures_images': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table signature_image (
          owner_kind text not null check (owner_kind in ('person','unit')),
          owner_id text not null check (char_length(owner_id) between 1 and 64),
          sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
          width int not null check (width > 0),
          height int not null check (height > 0),
          updated_by uuid,
          updated_by_name text,
          updated_at timestamptz not null default now(),
          primary key (owner_kind, owner_id)
        )`.execute(db);
    },
  },
};
