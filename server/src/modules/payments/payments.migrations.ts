import type { Migration } from 'kysely';

/** Migrations of the payments module. */
export const paymentsMigrations: Record<string, Migration> = {};
