/**
 * What a leaked secret looks like, for the tests that check none does: not only the whole
 * secret, but any 6 characters in a row of it, of its base64 (standard and URL-safe), its hex
 * (either case) and its URL-encoded form, anywhere in what a test captured (stdout, stderr,
 * `--json`, waybar, logs, files, IPC replies, crash output). A mutation that printed the last
 * six characters of the secret in an error detail passed the whole-secret checks.
 */
import { expect } from 'vitest';

/** Shortest run of a secret's characters that counts as a leak. */
const LEAK_WINDOW = 6;

function windows(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + LEAK_WINDOW <= text.length; i += 1) out.push(text.slice(i, i + LEAK_WINDOW));
  return out;
}

/** Every form a secret could be written in, each a string to take windows of. */
function leakForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/** The first window of `secret` (in any of its forms) that `captured` contains, or null. */
export function findSecretLeak(captured: unknown, secret: string): string | null {
  if (secret.length < LEAK_WINDOW) throw new Error(`a test secret needs at least ${LEAK_WINDOW} characters`);
  const text = typeof captured === 'string' ? captured : (JSON.stringify(captured) ?? String(captured));
  for (const form of leakForms(secret)) for (const w of windows(form)) if (text.includes(w)) return w;
  return null;
}

/** Fails the test when `captured` (text, or anything JSON can write) holds any form of any of `secrets`. */
export function expectNoSecret(captured: unknown, ...secrets: readonly string[]): void {
  for (const secret of secrets) {
    const leak = findSecretLeak(captured, secret);
    expect(leak, `part of a secret ("${leak ?? ''}") leaked`).toBeNull();
  }
}
