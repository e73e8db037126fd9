import { describe, expect, it } from 'vitest';
import { takeLocaleOption } from './locale-option.js';

describe('takeLocaleOption', () => {
  it('takes --locale X and --locale=X out, before or after the command', () => {
    expect(takeLocaleOption(['--locale', 'zh-CN', 'balance', '--demo'])).toEqual({
      ok: true,
      argv: ['balance', '--demo'],
      locale: 'zh-CN',
    });
    expect(takeLocaleOption(['balance', '--locale=zh-TW', '--json'])).toEqual({ ok: true, argv: ['balance', '--json'], locale: 'zh-TW' });
    expect(takeLocaleOption(['balance', '--locale', 'en', '--locale', 'zh-CN'])).toEqual({ ok: true, argv: ['balance'], locale: 'zh-CN' });
  });

  it('leaves a command line without it alone, and stops at --', () => {
    expect(takeLocaleOption(['balance', '--short'])).toEqual({ ok: true, argv: ['balance', '--short'], locale: undefined });
    expect(takeLocaleOption(['balance', '--', '--locale', 'xx'])).toEqual({
      ok: true,
      argv: ['balance', '--', '--locale', 'xx'],
      locale: undefined,
    });
  });

  it('refuses a value we do not speak, and a missing one', () => {
    for (const bad of ['zh', 'zh_CN', 'de', 'EN', 'zh-cn', '']) {
      expect(takeLocaleOption(['balance', '--locale', bad])).toEqual({ ok: false, value: bad });
      expect(takeLocaleOption([`--locale=${bad}`])).toEqual({ ok: false, value: bad });
    }
    expect(takeLocaleOption(['balance', '--locale'])).toEqual({ ok: false, value: '' });
  });
});
