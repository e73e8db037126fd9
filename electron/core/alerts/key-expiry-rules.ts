/**
 * When the key's estimated expiry is worth a notification: once at each of 14, 7 and 1 days
 * before it (EXPIRY_NOTICE_DAYS), as one pure function of the expiry, what was already sent for
 * it, and the time. A first look that finds fewer days left sends one notice, not every one it
 * missed; another expiry (a new key, an edited one) starts afresh. The memory is kept in
 * alerts.json by the caller, so a restart neither repeats nor forgets a notice.
 */
import { daysUntilExpiry, EXPIRY_NOTICE_DAYS } from '../../../shared/key-health.js';

/** What was sent for one estimated expiry. */
export interface KeyExpiryMemory {
  /** Epoch ms of the expiry the notices were about. */
  readonly expiresAt: number;
  /** The thresholds (days before) already passed, sent or folded into a later notice. */
  readonly sent: readonly number[];
}

/** A notice to send: about how many days are left, and the estimated day. */
export interface KeyExpiryNotice {
  readonly days: number;
  readonly expiresAt: number;
}

/** Judges the expiry at `now`: the memory to keep and the notice to send, if any. */
export function evaluateKeyExpiry(
  expiresAt: number | null,
  memory: KeyExpiryMemory | null,
  now: number,
): { readonly memory: KeyExpiryMemory | null; readonly notice: KeyExpiryNotice | null } {
  if (expiresAt === null) return { memory, notice: null };
  const known = memory !== null && memory.expiresAt === expiresAt ? memory : { expiresAt, sent: [] };
  const days = daysUntilExpiry(expiresAt, now);
  // Past the estimate, Gate's own rejection (with its likely cause in the hint) says the rest.
  if (days < 0) return { memory: known, notice: null };
  const passed = EXPIRY_NOTICE_DAYS.filter((d) => days <= d);
  const due = passed.filter((d) => !known.sent.includes(d));
  if (due.length === 0) return { memory: known, notice: null };
  return { memory: { expiresAt, sent: [...new Set([...known.sent, ...passed])].sort((a, b) => b - a) }, notice: { days, expiresAt } };
}
