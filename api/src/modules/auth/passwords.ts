import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash never signs anyone in.
    return false;
  }
}

let unknownUserHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, so that a failed sign-in does not
 * tell whether the username exists.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  unknownUserHash ??= hash('not a password anyone has');
  await verifyPassword(await unknownUserHash, password);
  return false;
}
