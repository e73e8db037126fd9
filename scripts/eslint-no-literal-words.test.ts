import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import { noLiteralWords } from './eslint-no-literal-words.mjs';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({
  languageOptions: { ecmaVersion: 2024, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('no-literal-words', noLiteralWords, {
  valid: [
    'const a = <p>{words.t("popover.loading")}</p>;',
    'const a = <span aria-hidden="true">·</span>;',
    'const a = <p>{amount} — {share}</p>;',
    'const a = <button aria-label={words.t("popover.settings")} title={words.t("popover.settings")}>⚙</button>;',
    'const a = <input placeholder="••••" className="field" id="key" />;',
    'io.stdout.write(`${line}\\n`);',
    'io.stdout.write(words.t("cli.table.total") + "\\n");',
    'const item = { label: words.t("tray.menu.quit"), type: "normal" };',
    'const json = JSON.stringify({ text: value }); stream.write(json);',
  ],
  invalid: [
    { code: 'const a = <p>Loading balance</p>;', errors: [{ messageId: 'jsxText' }] },
    { code: 'const a = <p>{n} 个账户</p>;', errors: [{ messageId: 'jsxText' }] },
    { code: 'const a = <button aria-label="Settings">⚙</button>;', errors: [{ messageId: 'prop' }] },
    { code: 'const a = <img alt={`Chart of ${n}`} />;', errors: [{ messageId: 'prop' }] },
    { code: 'const a = <input placeholder={busy ? "Saving" : words.t("x")} />;', errors: [{ messageId: 'prop' }] },
    { code: 'const a = <span title="Copy every digit" />;', errors: [{ messageId: 'prop' }] },
    { code: 'io.stderr.write(`error: ${code}\\n`);', errors: [{ messageId: 'write' }] },
    { code: 'io.stdout.write("Total: " + total);', errors: [{ messageId: 'write' }] },
    { code: 'const item = { label: "Quit Gate Glance", type: "normal" };', errors: [{ messageId: 'model' }] },
    { code: 'const model = { tooltip: `Gate Glance: ${amount}` };', errors: [{ messageId: 'model' }] },
  ],
});
