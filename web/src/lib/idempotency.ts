// Idempotency keys for the creates a user may retry (a report, a dossier receipt). They are
// made from crypto.getRandomValues, never crypto.randomUUID: browsers offer randomUUID only in
// secure contexts (https, localhost), and the default deployment is plain http on a LAN
// address (http://192.168.1.10:3000), where it is undefined and the form would break.

/** A random UUID v4 from crypto.getRandomValues, which every browser offers on plain http too. */
export function randomUuid(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The key sent with one submission and the body it was made for. */
export interface KeyedSubmission {
  key: string;
  body: string;
}

/**
 * The Idempotency-Key for `body`: the previous one when the same body is sent again (a double
 * click or a retry after a lost answer), a fresh one once the form has changed.
 */
export function submissionKey(
  previous: KeyedSubmission | null,
  body: string,
  make: () => string = randomUuid,
): KeyedSubmission {
  return previous && previous.body === body ? previous : { key: make(), body };
}
