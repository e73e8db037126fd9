/**
 * Checks every browser journey repeats: pictures of a state in both themes, an axe-core scan,
 * the console watched for errors, and a sweep proving the API secret never reached the page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { ConsoleMessage, Page } from '@playwright/test';
import type { Bridge } from './bridge.js';
import { SCREENSHOT_DIR } from './paths.js';

/** The two themes the popover follows from the OS. */
const COLOR_SCHEMES = ['light', 'dark'] as const;

/**
 * Saves `e2e/screenshots/<name>-light.png` and `<name>-dark.png` of the page as it is now, and
 * scans each theme with axe-core (colour contrast differs per theme). Serious or critical
 * violations fail the test, listed with their rule, impact and first offending node.
 */
export async function captureState(page: Page, name: string, options: { readonly axe?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Two frames: one for the media query to restyle, one for the paint.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`), animations: 'disabled', caret: 'hide' });
    if (options.axe !== false) await expectNoSeriousA11yViolations(page, `${name} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** axe-core over the whole page: no violation with impact serious or critical. */
async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} [${v.impact}] ${v.help} — ${v.nodes[0]?.target.join(' ') ?? ''} ${v.nodes[0]?.failureSummary ?? ''}`.trim());
  expect(serious, `axe-core: serious/critical violations in ${label}`).toEqual([]);
}

/** Every console message and uncaught page error, for "no errors" and "no secret" checks. */
export interface ConsoleLog {
  readonly messages: readonly { readonly type: string; readonly text: string }[];
  readonly pageErrors: readonly string[];
  /** Console errors and uncaught exceptions, minus the ones a test expects. */
  errors(allow?: readonly RegExp[]): string[];
}

/** Starts recording the page's console; call before `goto`. */
export function watchConsole(page: Page): ConsoleLog {
  const messages: { type: string; text: string }[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message: ConsoleMessage) => messages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  return {
    messages,
    pageErrors,
    errors(allow = []) {
      return [...messages.filter((m) => m.type === 'error').map((m) => m.text), ...pageErrors].filter(
        (text) => !allow.some((re) => re.test(text)),
      );
    },
  };
}

/**
 * The secret must be nowhere the renderer can see: not in the DOM (text, attributes, form
 * values), not in storage, not in the console, not in any reply or push the bridge carried.
 */
export async function expectSecretNowhere(page: Page, secret: string, bridge: Bridge, consoleLog: ConsoleLog): Promise<void> {
  expect(secret.length, 'a secret to look for').toBeGreaterThan(8);
  const pageText = await page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value);
    const storage = [
      ...Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k) ?? ''}`),
      ...Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k) ?? ''}`),
    ];
    return [document.documentElement.outerHTML, document.title, ...values, ...storage].join('\n');
  });
  expect(pageText.includes(secret), 'secret in the DOM, a form field or web storage').toBe(false);
  const consoleText = [...consoleLog.messages.map((m) => m.text), ...consoleLog.pageErrors].join('\n');
  expect(consoleText.includes(secret), 'secret in the console').toBe(false);
  const leakedReply = bridge.calls.find((c) => c.replyJson.includes(secret));
  expect(leakedReply?.channel ?? null, 'secret in a bridged reply').toBeNull();
  expect(
    bridge.pushes.some((p) => p.includes(secret)),
    'secret in a pushed state',
  ).toBe(false);
}

/**
 * Every Chinese character on the page is drawn by a real font of the popover's stack, never a
 * fallback box: Chromium reports (CSS.getPlatformFontsForNode) which platform fonts drew each
 * element's text, those fonts must be families of the element's own `font-family` and draw at
 * least as many glyphs as the element has Han characters, and `document.fonts.check` must
 * answer true for the characters in each such family (probed as a local() face, which fails
 * to load where the family is not installed).
 */
export async function expectHanGlyphsHaveAFont(page: Page): Promise<void> {
  const targets = await page.evaluate(() => {
    const out: { index: number; han: string; families: string[] }[] = [];
    const elements = [...document.querySelectorAll<HTMLElement>('body *')];
    for (const element of elements) {
      const own = [...element.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('');
      const han = (own.match(/\p{Script=Han}/gu) ?? []).join('');
      if (han === '' || element.getClientRects().length === 0) continue;
      const families = getComputedStyle(element)
        .fontFamily.split(',')
        .map((f) => f.trim().replace(/^["']|["']$/g, ''));
      element.dataset['glyphProbe'] = String(out.length);
      out.push({ index: out.length, han, families });
    }
    return out;
  });
  expect(targets.length, 'Chinese text on the page').toBeGreaterThan(0);
  const cdp = await page.context().newCDPSession(page);
  const usedFamilies = new Set<string>();
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    for (const target of targets) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-glyph-probe="${target.index}"]` });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      // Laid out but not painted (a closed <details>, a visually hidden label): nothing on screen.
      if (fonts.length === 0) continue;
      const ours = fonts.filter((f) => target.families.includes(f.familyName));
      const glyphs = ours.reduce((n, f) => n + f.glyphCount, 0);
      expect(
        glyphs,
        `fonts of the stack drawing "${target.han}" (drawn by ${fonts.map((f) => f.familyName).join(', ')})`,
      ).toBeGreaterThanOrEqual([...target.han].length);
      for (const f of ours) usedFamilies.add(f.familyName);
    }
  } finally {
    await cdp.detach();
  }
  const han = [...new Set(targets.flatMap((t) => [...t.han]))].join('');
  const checked = await page.evaluate(
    async ({ families, text }) => {
      document.querySelectorAll('[data-glyph-probe]').forEach((el) => delete (el as HTMLElement).dataset['glyphProbe']);
      const answers: Record<string, boolean> = {};
      for (const family of families) {
        const probe = new FontFace(`glyph probe ${family}`, `local("${family}")`);
        document.fonts.add(probe);
        await probe.load().catch(() => undefined);
        answers[family] = document.fonts.check(`13px "glyph probe ${family}"`, text);
        document.fonts.delete(probe);
      }
      return answers;
    },
    { families: [...usedFamilies], text: han },
  );
  expect(usedFamilies.size, 'Chinese text painted on screen').toBeGreaterThan(0);
  expect(Object.values(checked).some(Boolean), `document.fonts.check for ${han} in ${JSON.stringify(checked)}`).toBe(true);
}
