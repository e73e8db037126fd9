/** A quiet line in the popover in the last 7 days before the key's estimated expiry (nothing otherwise). */
import type { KeyHealth } from '../../../shared/key-health.js';
import { daysUntilExpiry, EXPIRY_QUIET_DAYS, expiryWithin } from '../../../shared/key-health.js';
import { calendarDate } from '../../../shared/present/key-health-words.js';
import { useWords } from '../lib/words.js';

export interface KeyExpiryLineProps {
  readonly health: KeyHealth | null;
  readonly now: number;
}

export function KeyExpiryLine({ health, now }: KeyExpiryLineProps) {
  const words = useWords();
  const expiresAt = expiryWithin(health, now, EXPIRY_QUIET_DAYS);
  if (expiresAt === null || daysUntilExpiry(expiresAt, now) < 0) return null;
  return (
    <p className="muted key-expiry-line" data-testid="key-expiry-line">
      {words.t('key-health.expiry-line', { days: daysUntilExpiry(expiresAt, now), date: calendarDate(words, expiresAt) })}
    </p>
  );
}
