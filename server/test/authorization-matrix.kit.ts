// What every request builder of the authorization matrix shares: the request shape and the
// small helpers that say which side a caller is on.
import type { World } from './authorization-matrix.fixtures.js';
import { type Body, PDF, type RoleName } from './authorization-matrix.world.js';

export interface Req {
  url: string;
  payload?: Body;
  headers?: Record<string, string>;
  /** What the answer must not contain, whatever its status (another unit's object). */
  mustNotContain?: string[];
}
export type Builder = (w: World, role: RoleName) => Req | Promise<Req>;

export const V = '/api/v1';
/** A request whose body is a small PDF. */
export const pdf = (url: string): Req => ({
  url,
  payload: PDF,
  headers: { 'content-type': 'application/pdf' },
});
/** The applicant's proof of citizen A's dossier (code + phone), as a query. */
export const proofA = (w: World) => `phone=${w.citizenA.phone}`;
/** Ward B's side: its staff and its administrator. */
export const onB = (role: RoleName) => /B$/.test(role) && role !== 'citB';
/** Ward A's side: its staff and its administrator. */
export const onA = (role: RoleName) => /A$/.test(role) && role !== 'citA';
/** A list as seen by ward B's side (or citizen B): none of unit A's (citizen A's) objects. */
export const hidden = (role: RoleName, secrets: string[], side = onB(role)) =>
  side ? { mustNotContain: secrets } : {};

/**
 * A staff list: ward B's side asks for ward A (`unit=`) and must see none of A's objects;
 * ward A's side asks for everything it may see and must see none of B's.
 */
export function listed(w: World, role: RoleName, path: string, a: string[], b: string[]): Req {
  const sep = path.includes('?') ? '&' : '?';
  if (onB(role)) return { url: `${path}${sep}unit=${w.units.A}`, mustNotContain: a };
  return onA(role) ? { url: path, mustNotContain: b } : { url: path };
}
