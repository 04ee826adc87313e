import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption of personal data at rest (AES-256-GCM) and keyed hashes for
 * looking it up without decrypting (HMAC-SHA256). Both keys are derived from
 * the one secret key, so that neither is used for two purposes.
 *
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. The
 * version prefix leaves room for key rotation.
 */
export interface PersonalDataCipher {
  encrypt(plaintext: string): string;
  /** Returns undefined when the value was not produced with this key or was altered. */
  decrypt(stored: string): string | undefined;
  /** Deterministic keyed hash (hex) for equality lookups. */
  hash(plaintext: string): string;
}

const VERSION = 'v1';

export function createPersonalDataCipher(secretKey: Buffer): PersonalDataCipher {
  if (secretKey.length !== 32) throw new RangeError('The secret key must be 32 bytes');
  const encryptionKey = derive(secretKey, 'onething personal data encryption');
  const hashKey = derive(secretKey, 'onething personal data lookup hash');

  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, tag, ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(stored) {
      const [version, iv, tag, ciphertext, ...rest] = stored.split('.');
      if (
        version !== VERSION ||
        iv === undefined ||
        tag === undefined ||
        ciphertext === undefined ||
        rest.length > 0
      ) {
        return undefined;
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        return undefined;
      }
    },
    hash(plaintext) {
      return createHmac('sha256', hashKey).update(plaintext, 'utf8').digest('hex');
    },
  };
}

function derive(secretKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), info, 32));
}
