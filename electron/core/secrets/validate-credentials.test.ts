import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import { noticeText } from '../../../shared/present/notice-words.js';
import type { AppError } from '../../../shared/errors.js';
import { describe, expect, it } from 'vitest';
import { keyHint, validateCredentialsInput } from './validate-credentials.js';
import { expectNoSecret } from '../testing/secret-leak.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const KEY = '0123456789abcdef0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

function rejection(key: string, secret: string): { code: string; message: string; hint: string } {
  const r = validateCredentialsInput({ key, secret });
  if (r.ok) throw new Error(`expected a rejection for ${JSON.stringify(key)}`);
  return { code: r.error.code, ...said(r.error) };
}

describe('validateCredentialsInput', () => {
  it("accepts Gate's 32/64 hex pair without warnings, trimming paste whitespace", () => {
    const r = validateCredentialsInput({ key: `  ${KEY}\n`, secret: `\t${SECRET}\r\n` });
    expect(r).toEqual({ ok: true, value: { credentials: { key: KEY, secret: SECRET }, notices: [] } });
    expect(validateCredentialsInput({ key: KEY.toUpperCase(), secret: SECRET.toUpperCase() })).toMatchObject({
      ok: true,
      value: { notices: [] },
    });
  });

  it('accepts an unusual but plausible pair with a warning per field, never rejecting it', () => {
    const r = validateCredentialsInput({ key: 'my-testnet-key_0042', secret: 'S3cr3t+/=abcdefghij' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.credentials).toEqual({ key: 'my-testnet-key_0042', secret: 'S3cr3t+/=abcdefghij' });
    const warnings = r.value.notices.map((n) => noticeText(ENGLISH, n));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/key is not 32 hex characters/);
    expect(warnings[1]).toMatch(/secret is not 64 hex characters/);
    for (const w of warnings) expect(w).not.toContain('S3cr3t');
  });

  it('rejects empty and whitespace-only fields by name', () => {
    expect(rejection('', SECRET)).toMatchObject({ code: 'INVALID_CREDENTIALS_INPUT', message: 'The API key is empty.' });
    expect(rejection(KEY, '   \n')).toMatchObject({ code: 'INVALID_CREDENTIALS_INPUT', message: 'The API secret is empty.' });
  });

  it('rejects whitespace inside, control, invisible and non-ASCII characters', () => {
    expect(rejection(`0123456789abcdef 0123456789abcdef`, SECRET).message).toMatch(/key has a space or line break/);
    expect(rejection(KEY, `${SECRET.slice(0, 32)}\n${SECRET.slice(32)}`).message).toMatch(/secret has a space or line break/);
    expect(rejection(`${KEY}\u200b`, SECRET).message).toBe('The API key contains a character that cannot be part of a key (U+200B).');
    expect(rejection(`${KEY.slice(0, 31)}é`, SECRET).message).toMatch(/U\+00E9/);
    const e = rejection(KEY, `${SECRET.slice(0, 63)}\u0007`);
    expect(e.message).toMatch(/secret contains a character that cannot be part of a secret/);
    expectNoSecret([e.message, e.hint], SECRET);
    expect(e.hint).toMatch(/Gate's API management page/);
  });

  it('rejects absurd lengths, cut-off pastes, identical and swapped fields', () => {
    expect(rejection('a'.repeat(257), SECRET).message).toMatch(/257 characters long; no Gate key is longer than 256/);
    expect(rejection(KEY, 'b'.repeat(513)).message).toMatch(/no Gate secret is longer than 512/);
    expect(rejection('abc123', SECRET).message).toMatch(/only 6 characters long; it looks cut off/);
    expect(rejection(KEY, KEY).message).toBe('The API key and the secret are the same text.');
    const swapped = rejection(SECRET, KEY);
    expect(swapped.message).toMatch(/look swapped/);
    expect(swapped.hint).toMatch(/shorter one \(32 characters\) as the key/);
  });

  it('never puts any part of the secret into an error or a warning', () => {
    const secrets = [`${SECRET} x`, 'ñ'.repeat(70), `${SECRET}\u0000`, 'qwert', 'q'.repeat(600), 'zzzz-yyyy-xxxx'];
    for (const secret of secrets) {
      const r = validateCredentialsInput({ key: KEY, secret });
      const text = JSON.stringify(r.ok ? r.value.notices.map((n) => noticeText(ENGLISH, n)) : [r.error, said(r.error)]);
      expect(text).not.toContain(secret.trim().slice(0, 5));
    }
  });
});

describe('keyHint', () => {
  it('shows the last four characters of the key only', () => {
    expect(keyHint(KEY)).toBe('…cdef');
    expect(keyHint(` ${KEY}\n`)).toBe('…cdef');
    expect(keyHint('a1b2c3d4e5f6a1b2')).toBe('…a1b2');
  });

  it('never shows more than half of a short key', () => {
    expect(keyHint('abcdef')).toBe('…def');
    expect(keyHint('ab')).toBe('…b');
    expect(keyHint('')).toBe('…');
  });
});
