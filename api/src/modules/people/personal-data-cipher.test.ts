import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPersonalDataCipher } from './personal-data-cipher.ts';

const ID = '11010519900307123X';

describe('personal data cipher', () => {
  it('decrypts what it encrypted, and the stored form does not contain the value', () => {
    const cipher = createPersonalDataCipher(randomBytes(32));
    const stored = cipher.encrypt(ID);
    expect(stored).not.toContain('110105');
    expect(cipher.decrypt(stored)).toBe(ID);
  });

  it('encrypts the same value differently each time', () => {
    const cipher = createPersonalDataCipher(randomBytes(32));
    expect(cipher.encrypt(ID)).not.toBe(cipher.encrypt(ID));
  });

  it('refuses a value that was altered or encrypted with another key', () => {
    const cipher = createPersonalDataCipher(randomBytes(32));
    const stored = cipher.encrypt(ID);
    const [version, iv, tag, body] = stored.split('.');
    const flipped = Buffer.from(body ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'))).toBeUndefined();
    expect(createPersonalDataCipher(randomBytes(32)).decrypt(stored)).toBeUndefined();
    expect(cipher.decrypt('not a stored value')).toBeUndefined();
  });

  it('hashes deterministically per key, for lookups', () => {
    const key = randomBytes(32);
    expect(createPersonalDataCipher(key).hash(ID)).toBe(createPersonalDataCipher(key).hash(ID));
    expect(createPersonalDataCipher(key).hash(ID)).toMatch(/^[0-9a-f]{64}$/);
    expect(createPersonalDataCipher(randomBytes(32)).hash(ID)).not.toBe(
      createPersonalDataCipher(key).hash(ID),
    );
  });

  it('needs a 32-byte key', () => {
    expect(() => createPersonalDataCipher(randomBytes(16))).toThrow(RangeError);
  });
});
