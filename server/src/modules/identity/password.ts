import argon2 from 'argon2';

// OWASP's minimum argon2id configuration (19 MiB, 2 iterations, 1 lane): strong enough,
// and fast enough that a commune's single PC can serve a morning rush of logins.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize('NFC'), OPTIONS);
}

/** Checks a password against its hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Computes the dummy hash ahead, so the first unknown username is not the slow one. */
export function warmDummyHash(): void {
  dummyHash ??= hashPassword('dummy-password-for-timing');
}

/** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
export async function verifyDummy(password: string): Promise<void> {
  warmDummyHash();
  await verifyPassword(await dummyHash!, password);
}
