// Pure helpers of the Open311 keys screen.
import type { MessageKey } from '../../../i18n/vi.ts';
import type { Open311Client } from '../api/open311.api.ts';

/** The longest client name the server takes. */
export const MAX_NAME_LENGTH = 200;

/** The message key of what is wrong with a client name, or null when it will do. */
export function clientNameProblem(name: string): MessageKey | null {
  const trimmed = name.trim();
  if (!trimmed) return 'open311.nameRequired';
  if (trimmed.length > MAX_NAME_LENGTH) return 'open311.nameTooLong';
  return null;
}

/** How a key is shown once created: its first characters, then an ellipsis. */
export function keyDisplay(prefix: string): string {
  return `${prefix}…`;
}

/** Clients in use first, then revoked ones; newest first within each. */
export function sortClients(clients: readonly Open311Client[]): Open311Client[] {
  return [...clients].sort(
    (a, b) =>
      Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
      b.createdAt.localeCompare(a.createdAt) ||
      a.name.localeCompare(b.name, 'vi'),
  );
}

/** The GeoReport v2 endpoint and its discovery document, on this server. */
export function open311Urls(origin: string): { endpoint: string; discovery: string } {
  const base = `${origin.replace(/\/$/, '')}/open311/v2`;
  return { endpoint: base, discovery: `${base}/discovery.xml` };
}
