import { describe, expect, it } from 'vitest';
import { accountName } from './account-names.js';
import { accountLabel } from './accounts.js';

const GATE_KEYS = [
  'spot',
  'margin',
  'cross_margin',
  'futures',
  'delivery',
  'finance',
  'quant',
  'warrant',
  'cbbc',
  'options',
  'payment',
  'meme_box',
  'unified',
];

describe('accountName', () => {
  it("uses Gate's Chinese terms for every account Gate documents", () => {
    expect(GATE_KEYS.map((k) => accountName(k, accountLabel(k), 'zh-CN'))).toEqual([
      '现货',
      '逐仓杠杆',
      '全仓杠杆',
      '永续合约',
      '交割合约',
      '理财',
      '量化',
      '权证',
      '牛熊证',
      '期权',
      'Gate Pay',
      'Alpha',
      '统一账户',
    ]);
    expect(GATE_KEYS.map((k) => accountName(k, accountLabel(k), 'zh-TW'))).toEqual([
      '現貨',
      '逐倉槓桿',
      '全倉槓桿',
      '永續合約',
      '交割合約',
      '理財',
      '量化',
      '權證',
      '牛熊證',
      '期權',
      'Gate Pay',
      'Alpha',
      '統一帳戶',
    ]);
  });

  it('keeps the English label in English', () => {
    for (const k of GATE_KEYS) expect(accountName(k, accountLabel(k), 'en')).toBe(accountLabel(k));
  });

  it('leaves an unknown account as the model labels it, prototype names included', () => {
    for (const name of ['tradfi', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(accountName(name, accountLabel(name), 'zh-CN')).toBe(accountLabel(name));
      expect(accountName(name, accountLabel(name), 'zh-TW')).toBe(accountLabel(name));
    }
  });
});
