// Admin API of the Open311 client keys (docs/architecture.md, "Open311 GeoReport v2").
import { apiRequest } from '../../../api/client.ts';

/** An app or system allowed to file field reports through Open311 (never its key). */
export interface Open311Client {
  id: string;
  name: string;
  /** The key's first 8 characters, to tell keys apart. */
  keyPrefix: string;
  createdAt: string;
  createdBy: { username: string; fullName: string } | null;
  revokedAt: string | null;
  reportCount: number;
  lastReportAt: string | null;
}

/** The answer to a create: the only time the key itself is shown. */
export interface CreatedOpen311Client {
  id: string;
  name: string;
  apiKey: string;
  keyPrefix: string;
  createdAt: string;
}

/** GET /open311/clients (newest first; a handful, not paged). */
export async function listOpen311Clients(signal?: AbortSignal): Promise<Open311Client[]> {
  const page = await apiRequest<{ items: Open311Client[] }>('/api/v1/open311/clients', { signal });
  return page.items;
}

/** POST /open311/clients. */
export function createOpen311Client(name: string): Promise<CreatedOpen311Client> {
  return apiRequest<CreatedOpen311Client>('/api/v1/open311/clients', {
    method: 'POST',
    json: { name },
  });
}

/** POST /open311/clients/{id}/revoke. */
export function revokeOpen311Client(id: string): Promise<Open311Client> {
  return apiRequest<Open311Client>(`/api/v1/open311/clients/${encodeURIComponent(id)}/revoke`, {
    method: 'POST',
  });
}
