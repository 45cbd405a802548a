import type { Migration } from 'kysely';

/** Migrations of the feedback module. */
export const feedbackMigrations: Record<string, Migration> = {};
