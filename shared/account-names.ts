/**
 * Gate's own Chinese names for its accounts, as its Chinese interface and API documentation
 * write them. English names live with the account model (accounts.ts); an account Gate adds
 * later, or one not listed here, keeps the label the model gives it (Gate's own key).
 *
 * Checked against Gate's Chinese sources (see the README's language section): 现货, 逐仓杠杆,
 * 全仓杠杆, 永续合约, 交割合约 and 期权 (APIv4 zh_CN docs), 理财 and Alpha (gate/gate-skills
 * README_zh and SKILL.md); 量化, 权证 and 牛熊证 are our best reading; the payment account
 * is the product Gate's Chinese material calls Gate Pay. Traditional
 * forms follow Taiwan usage (帳戶, 槓桿).
 */
import type { Language } from './locale.js';

type Chinese = Exclude<Language, 'en'>;

const NAMES: Readonly<Record<Chinese, ReadonlyMap<string, string>>> = {
  'zh-CN': new Map([
    ['spot', '现货'],
    ['margin', '逐仓杠杆'],
    ['cross_margin', '全仓杠杆'],
    ['futures', '永续合约'],
    ['delivery', '交割合约'],
    ['finance', '理财'],
    ['quant', '量化'],
    ['warrant', '权证'],
    ['cbbc', '牛熊证'],
    ['options', '期权'],
    ['payment', 'Gate Pay'],
    ['unified', '统一账户'],
    ['meme_box', 'Alpha'],
  ]),
  'zh-TW': new Map([
    ['spot', '現貨'],
    ['margin', '逐倉槓桿'],
    ['cross_margin', '全倉槓桿'],
    ['futures', '永續合約'],
    ['delivery', '交割合約'],
    ['finance', '理財'],
    ['quant', '量化'],
    ['warrant', '權證'],
    ['cbbc', '牛熊證'],
    ['options', '期權'],
    ['payment', 'Gate Pay'],
    ['unified', '統一帳戶'],
    ['meme_box', 'Alpha'],
  ]),
};

/**
 * The name people read for Gate's account `name` in `language`: Gate's Chinese term where it has
 * one, else `label` (the account model's English name, or the unknown name as Gate sent it).
 * Looked up in a Map, so an account called `constructor` or `__proto__` is just unknown.
 */
export function accountName(name: string, label: string, language: Language): string {
  return language === 'en' ? label : (NAMES[language].get(name) ?? label);
}
