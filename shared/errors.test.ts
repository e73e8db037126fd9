import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isKeychainError, isKeyError, isPermanentError, rejectsKey } from './errors.js';

describe('error classes', () => {
  it('sorts key problems, keychain problems and the rest apart', () => {
    const keys = ERROR_CODES.filter(isKeyError);
    const keychain = ERROR_CODES.filter(isKeychainError);
    expect(keys).toEqual([
      'MISSING_CREDENTIALS',
      'INVALID_CREDENTIALS_INPUT',
      'INVALID_KEY',
      'INVALID_SIGNATURE',
      'FORBIDDEN',
      'IP_FORBIDDEN',
      'KEY_CAN_WRITE',
    ]);
    expect(keychain).toEqual(['KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_LOCKED', 'KEYCHAIN_DENIED', 'KEYCHAIN_ERROR']);
    expect(keys.filter((c) => keychain.includes(c))).toEqual([]);
  });

  it('stops the schedule on permanent errors only, never on transient ones', () => {
    for (const code of ['RATE_LIMITED', 'SERVER_ERROR', 'NETWORK', 'TIMEOUT', 'BAD_RESPONSE', 'CLOCK_SKEW', 'KEYCHAIN_LOCKED'] as const) {
      expect(isPermanentError(code)).toBe(false);
    }
    for (const code of ['INVALID_KEY', 'FORBIDDEN', 'MISSING_CREDENTIALS'] as const) expect(isPermanentError(code)).toBe(true);
  });

  it('says which codes mean Gate refused the key itself: key problems Gate answered, all permanent', () => {
    const refused = ERROR_CODES.filter(rejectsKey);
    expect(refused).toEqual(['INVALID_KEY', 'INVALID_SIGNATURE', 'FORBIDDEN', 'IP_FORBIDDEN']);
    for (const code of refused) expect([isKeyError(code), isPermanentError(code)], code).toEqual([true, true]);
  });
});
