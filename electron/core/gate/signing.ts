/**
 * Gate APIv4 request signing, exactly as Gate documents it: one function used by the client
 * (to sign) and by the simulator (to verify), so both sides can never drift apart.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** hex(SHA-512("")): the payload hash of every GET. */
export const EMPTY_BODY_SHA512 =
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';

/** What goes into a signature. `path` is the full signed path, starting with `/api/v4`. */
export interface SignInput {
  readonly method: string;
  readonly path: string;
  /** The raw query string exactly as sent, without the leading `?` ("" when none). */
  readonly query: string;
  readonly body: string;
  /** Unix seconds, as sent in the `Timestamp` header. */
  readonly timestamp: string;
}

/** hex(SHA-512(body)). */
export function sha512Hex(body: string): string {
  return body === '' ? EMPTY_BODY_SHA512 : createHash('sha512').update(body, 'utf8').digest('hex');
}

/** The exact string Gate HMACs: method, path, query, body hash and timestamp joined by newlines. */
export function signaturePayload(input: SignInput): string {
  return [input.method.toUpperCase(), input.path, input.query, sha512Hex(input.body), input.timestamp].join('\n');
}

/** hex(HMAC-SHA512(secret, payload)): the `SIGN` header. */
export function signRequest(secret: string, input: SignInput): string {
  return createHmac('sha512', secret).update(signaturePayload(input), 'utf8').digest('hex');
}

/** The three headers Gate reads for a private endpoint. */
export function signedHeaders(key: string, secret: string, input: SignInput): Record<string, string> {
  return { KEY: key, Timestamp: input.timestamp, SIGN: signRequest(secret, input) };
}

/** Constant-time check of a received `SIGN` against the expected one (the simulator verifies with it). */
export function verifySignature(secret: string, input: SignInput, sign: string): boolean {
  const expected = Buffer.from(signRequest(secret, input), 'utf8');
  const got = Buffer.from(sign.toLowerCase(), 'utf8');
  return expected.length === got.length && timingSafeEqual(expected, got);
}
