import { describe, expect, it } from 'vitest';
import { expectNoSecret, findSecretLeak } from './secret-leak.js';

const SECRET = 'k3y-S3cret/with+odd=chars&NEVER-998877';

describe('findSecretLeak', () => {
  it('finds any six characters in a row of the secret, and its base64, hex and URL-encoded forms', () => {
    expect(findSecretLeak(`detail: ${SECRET.slice(-6)}`, SECRET)).toBe('998877');
    expect(findSecretLeak(`x${SECRET.slice(10, 16)}x`, SECRET)).toBe(SECRET.slice(10, 16));
    const b64 = Buffer.from(SECRET).toString('base64');
    expect(findSecretLeak(`Authorization: Basic ${b64.slice(8, 14)}`, SECRET)).not.toBeNull();
    expect(findSecretLeak(Buffer.from(SECRET).toString('base64url').slice(20, 26), SECRET)).not.toBeNull();
    const hex = Buffer.from(SECRET).toString('hex');
    expect(findSecretLeak(hex.slice(30, 36), SECRET)).not.toBeNull();
    expect(findSecretLeak(hex.slice(30, 36).toUpperCase(), SECRET)).not.toBeNull();
    expect(findSecretLeak(encodeURIComponent(SECRET).slice(8, 14), SECRET)).not.toBeNull();
    expect(findSecretLeak({ nested: { detail: SECRET.slice(0, 6) } }, SECRET)).toBe(SECRET.slice(0, 6));
  });

  it('five characters, or other text, are not a leak', () => {
    expect(findSecretLeak(`${SECRET.slice(0, 5)} and ${SECRET.slice(-5)}`, SECRET)).toBeNull();
    expect(findSecretLeak('error: INVALID_SIGNATURE: Gate refused the signature.', SECRET)).toBeNull();
    expect(() => expectNoSecret('nothing here', SECRET)).not.toThrow();
    expect(() => expectNoSecret(`…${SECRET.slice(-6)}`, 'other-secret-000111', SECRET)).toThrow(/leaked/);
  });
});
