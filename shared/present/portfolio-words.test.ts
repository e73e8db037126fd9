import { describe, expect, it } from 'vitest';
import type { BalanceSnapshot } from '../balance.js';
import { appError } from '../errors.js';
import { failedSource, keySource, type Source } from '../portfolio.js';
import { wordsFor } from './languages.js';
import { includedSources, keyName, sourceName } from './portfolio-words.js';
import { ENGLISH } from './words.js';

const SNAPSHOT: BalanceSnapshot = {
  currency: 'USDT',
  total: { amount: '10', unrealisedPnl: null, borrowed: null },
  accounts: [{ name: 'spot', amount: '10', unrealisedPnl: null, borrowed: null }],
  fetchedAt: 1,
};

function sub(profile: string, uid: string, estimated = true): Source {
  return { ...keySource(profile, uid, SNAPSHOT), id: `sub:${profile}:${uid}`, kind: 'sub-account', name: `bot${uid}`, estimated };
}

describe('the words of a portfolio’s sources', () => {
  it('calls the first key without an alias “Main”, and every other key by its alias', () => {
    expect(keyName(ENGLISH, 'default', 'default')).toBe('Main');
    expect(keyName(ENGLISH, 'default', '')).toBe('Main');
    expect(keyName(ENGLISH, 'default', 'Savings')).toBe('Savings');
    expect(keyName(ENGLISH, 'family', 'default')).toBe('default');
    expect(sourceName(wordsFor({ language: 'zh-CN', formatLocale: undefined }), keySource('default', null, SNAPSHOT))).toBe('主账户');
    expect(sourceName(ENGLISH, sub('default', '7'))).toBe('bot7');
  });

  it('lists each key that answered with how many of its sub-accounts count, and names the sources in error', () => {
    const family = { ...keySource('family', '2', SNAPSHOT), name: 'Family' };
    const work = failedSource({ id: 'key:work', kind: 'key', profile: 'work', uid: null, name: 'Work' }, appError('INVALID_KEY'));
    const broken = failedSource(
      { id: 'sub:default:9', kind: 'sub-account', profile: 'default', uid: '9', name: 'bot9' },
      appError('FORBIDDEN'),
    );
    const sources = [
      keySource('default', '1', SNAPSHOT),
      sub('default', '7'),
      sub('default', '8'),
      broken,
      family,
      work,
      sub('family', '3', false),
    ];
    expect(includedSources(ENGLISH, sources)).toEqual({
      parts: ['Main', '2 sub-accounts (estimated)', 'Family', '1 sub-account'],
      unavailable: ['bot9', 'Work'],
    });
  });
});
