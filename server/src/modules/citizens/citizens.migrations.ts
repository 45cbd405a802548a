import type { Migration } from 'kysely';

/** Migrations of the citizens module. */
export const citizensMigrations: Record<string, Migration> = {};
