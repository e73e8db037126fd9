/** The tray has no new icon for key health: only its tooltip mentions a key that stops working within 7 days. */
import { describe, expect, it } from 'vitest';
import type { KeyHealth } from '../../../shared/key-health.js';
import { widgetState } from '../../../shared/testing/widget-state.js';
import { trayModel } from './tray-model.js';

const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;
const opts = { locale: 'en-US', timeZone: 'UTC' };

function health(expiresInDays: number): KeyHealth {
  return {
    checkedAt: NOW,
    readOnly: true,
    writePermissions: [],
    ipBound: false,
    expiresAt: NOW + expiresInDays * DAY,
    state: 'normal',
    warnings: ['EXPIRES_SOON', 'NO_IP_WHITELIST'],
  };
}

function stateWith(expiresInDays: number | null) {
  return widgetState({
    status: 'live',
    balance: {
      currency: 'USDT',
      total: { amount: '100', unrealisedPnl: null, borrowed: null },
      accounts: [{ name: 'spot', amount: '100', unrealisedPnl: null, borrowed: null }],
      fetchedAt: NOW,
    },
    staleAt: NOW + 180_000,
    credentials: { stored: true, keyHint: '…a1b2', keychainError: null, checking: false },
    keyHealth: expiresInDays === null ? null : { health: health(expiresInDays), checking: false, error: null },
  });
}

describe('tray tooltip and key expiry', () => {
  it('mentions an expiry within 7 days, with "about"; the icon stays live', () => {
    const m = trayModel(stateWith(5), NOW + 1000, 'linux', opts);
    expect(m.tooltip).toBe('Gate Glance: 100.00 USDT (estimated)\nas of 12:00, updated just now\nAPI key expires in about 5 days');
    expect(m.icon).toBe('live');
    expect(trayModel(stateWith(1), NOW + 1000, 'linux', opts).tooltip).toMatch(/\nAPI key expires in about 1 day$/);
  });

  it('says nothing of an expiry 8 days away or of a key without health', () => {
    expect(trayModel(stateWith(8), NOW + 1000, 'linux', opts).tooltip).not.toContain('API key');
    expect(trayModel(stateWith(null), NOW + 1000, 'linux', opts).tooltip).not.toContain('API key');
  });

  it('speaks Chinese in a Chinese tooltip', () => {
    const zh = { ...stateWith(3), locale: { language: 'zh-CN' as const, formatLocale: undefined } };
    expect(trayModel(zh, NOW + 1000, 'linux', { timeZone: 'UTC' }).tooltip).toMatch(/\nAPI 密钥大约 3 天后失效$/);
  });
});
