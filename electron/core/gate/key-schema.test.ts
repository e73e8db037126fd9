/**
 * main_keys and /account/detail as Gate describes them. The SDKs (gate/gateapi-python
 * docs/Key.md, gate/gateapi-php docs/Model/AccountKeyInfo.md) type main_keys as one object with
 * string times; Gate's APIv4 page shows a list (masked `key`, integer times, `update_at`). Both are read.
 */
import { describe, expect, it } from 'vitest';
import { parseAccountDetail, parseMainKeys, unixSeconds } from './key-schema.js';

const OURS = 'c5dcfbf1f3a7d8e9f00112233445566';

// Gate's own example from the APIv4 page, verbatim but for our key's visible part.
const GATE_LIST = JSON.stringify([
  {
    state: 1,
    mode: 1,
    name: 'test1',
    user_id: 1,
    perms: [
      { name: 'account', read_only: false },
      { name: 'spot', read_only: false },
    ],
    ip_whitelist: [],
    currency_pairs: ['BTC_USD', 'ETH_USD'],
    key: 'c5dcfbf1f3a7*****',
    created_at: 1753030929,
    update_at: 1756300567,
    last_access: 1753030929,
  },
  {
    state: 2,
    mode: 1,
    name: 'test2',
    user_id: 1,
    perms: [{ name: 'spot', read_only: true }],
    ip_whitelist: ['1.2.3.4'],
    currency_pairs: [],
    key: '52fd0035f665*****',
    created_at: 1753897991,
    update_at: 1756300567,
    last_access: 1753897991,
  },
]);

describe('parseMainKeys', () => {
  it('reads the SDK object with string times', () => {
    const body = JSON.stringify({
      state: 1,
      mode: 1,
      ip_whitelist: ['203.0.113.7'],
      perms: [{ name: 'wallet', read_only: true }],
      key: { mode: 1 },
      created_at: '1753030929',
      updated_at: '1756300567',
      last_access: '1756300999',
    });
    expect(parseMainKeys(body, OURS)).toEqual({
      ok: true,
      value: {
        state: 1,
        ipWhitelist: ['203.0.113.7'],
        perms: [{ name: 'wallet', readOnly: true }],
        createdAt: 1753030929000,
        updatedAt: 1756300567000,
      },
    });
  });

  it("finds our entry in Gate's documented list by the masked key, and reads `update_at`", () => {
    const parsed = parseMainKeys(GATE_LIST, OURS);
    expect(parsed.ok && parsed.value).toEqual({
      state: 1,
      ipWhitelist: [],
      perms: [
        { name: 'account', readOnly: false },
        { name: 'spot', readOnly: false },
      ],
      createdAt: 1753030929000,
      updatedAt: 1756300567000,
    });
    const other = parseMainKeys(GATE_LIST, '52fd0035f665aaaa');
    expect(other.ok && other.value.state).toBe(2);
  });

  it('a list without our key says nothing (every fact null), not a failure', () => {
    const parsed = parseMainKeys(GATE_LIST, 'ffffffffffffffff');
    expect(parsed).toEqual({ ok: true, value: { state: null, ipWhitelist: null, perms: null, createdAt: null, updatedAt: null } });
  });

  it('refuses what is not Gate: not JSON, a permission without read_only, too many keys', () => {
    const notJson = parseMainKeys('<html>', OURS);
    expect(notJson.ok ? null : notJson.error.params['reason']).toBe('holdings-not-json');
    const shape = parseMainKeys(JSON.stringify({ perms: [{ name: 'spot' }] }), OURS);
    expect(shape.ok ? null : shape.error.params['path']).toBe('perms.0.read_only');
    const many = parseMainKeys(JSON.stringify(Array.from({ length: 201 }, () => ({}))), OURS);
    expect(many.ok ? null : many.error.params['reason']).toBe('holdings-too-many');
  });
});

describe('unixSeconds', () => {
  it('reads a number or a numeric string of seconds, and nothing else', () => {
    expect(unixSeconds(1753030929)).toBe(1753030929000);
    expect(unixSeconds(' 1753030929 ')).toBe(1753030929000);
    expect(unixSeconds('')).toBeNull();
    expect(unixSeconds('0')).toBeNull();
    expect(unixSeconds('2025-07-20')).toBeNull();
    expect(unixSeconds(1.5)).toBeNull();
    expect(unixSeconds(null)).toBeNull();
  });
});

describe('parseAccountDetail', () => {
  it("reads the whitelist and the user id of Gate's documented example", () => {
    const body = JSON.stringify({
      user_id: 1667201533,
      ip_whitelist: ['127.0.0.1'],
      currency_pairs: ['USDT_BTC'],
      key: { mode: 1 },
      tier: 2,
    });
    expect(parseAccountDetail(body)).toEqual({ ok: true, value: { ipWhitelist: ['127.0.0.1'], userId: '1667201533' } });
  });

  it('leaves the user id out when Gate sends none, and refuses one that is not a whole number', () => {
    expect(parseAccountDetail(JSON.stringify({ ip_whitelist: [] }))).toEqual({ ok: true, value: { ipWhitelist: [] } });
    expect(parseAccountDetail(JSON.stringify({ user_id: '12' })).ok).toBe(false);
    expect(parseAccountDetail(JSON.stringify({ user_id: 1.5 })).ok).toBe(false);
  });
});
