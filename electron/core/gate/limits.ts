/**
 * What one endpoint may answer, declared beside its schema (schema.ts) and enforced in two
 * places: every transport stops reading a body at `maxBodyBytes` (counted as bytes arrive,
 * whatever Content-Length claims), and the endpoint's parser refuses more than `maxEntries`
 * entries in its open map or list. A new endpoint declares its own with `defineBounds`.
 */

export interface EndpointBounds {
  /** Bytes of body (after content decoding) a transport reads before it gives up. */
  readonly maxBodyBytes: number;
  /** Entries of the endpoint's open map or list (accounts, tickers) the parser accepts. */
  readonly maxEntries: number;
}

/** 1 KiB in bytes, for readable bounds. */
export const KIB = 1024;

/** Checks a declaration once, at module load: a bound that is not a positive whole number is a bug. */
export function defineBounds(bounds: EndpointBounds): EndpointBounds {
  for (const [name, value] of Object.entries(bounds)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`endpoint bound ${name} must be a whole number ≥ 0, not ${String(value)}`);
  }
  if (bounds.maxBodyBytes === 0) throw new RangeError('endpoint bound maxBodyBytes must be at least 1');
  return Object.freeze({ ...bounds });
}

/** "512 KiB", "2 MiB" or "900 bytes": a bound in words for an error message. */
export function formatBytes(bytes: number): string {
  if (bytes >= KIB * KIB && bytes % (KIB * KIB) === 0) return `${bytes / (KIB * KIB)} MiB`;
  if (bytes >= KIB && bytes % KIB === 0) return `${bytes / KIB} KiB`;
  return `${bytes} bytes`;
}
