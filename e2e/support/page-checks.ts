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
      return [...messages.filter((m) => m.type === 'error').map((m) => m.text), ...pageErrors].filter((text) => !allow.some((re) => re.test(text)));
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
  expect(bridge.pushes.some((p) => p.includes(secret)), 'secret in a pushed state').toBe(false);
}
