// README's pictures: the one list of every docs/*.png, each made by one named journey (a browser
// journey in e2e/pictures/journeys.ts of the same name, or the waybar script), and the check that
// README, this list and docs/ agree. `npm run screenshots` (scripts/screenshots.mjs) writes them
// all; scripts/pictures.test.ts fails `npm test` when they disagree.

/** Where README's pictures live, relative to the project root. */
export const PICTURES_DIR = 'docs';

/**
 * Every picture README shows, in README's order. `by` says what makes it: `browser` is the
 * journey of the same name in e2e/pictures/journeys.ts, in `theme` and `language`; `waybar` is
 * scripts/waybar-screenshot.sh (headless sway, waybar and grim).
 */
export const PICTURES = [
  { file: 'popover-light.png', by: 'browser', theme: 'light', language: 'en' },
  { file: 'popover-dark.png', by: 'browser', theme: 'dark', language: 'en' },
  { file: 'holdings-light.png', by: 'browser', theme: 'light', language: 'en' },
  { file: 'settings-dark.png', by: 'browser', theme: 'dark', language: 'en' },
  { file: 'change-light.png', by: 'browser', theme: 'light', language: 'en' },
  { file: 'status-line-dark.png', by: 'browser', theme: 'dark', language: 'en' },
  { file: 'chart-light.png', by: 'browser', theme: 'light', language: 'en' },
  { file: 'alerts-dark.png', by: 'browser', theme: 'dark', language: 'en' },
  { file: 'key-health-light.png', by: 'browser', theme: 'light', language: 'en' },
  { file: 'accounts-light.png', by: 'browser', theme: 'light', language: 'en' },
  { file: 'gate-accounts-dark.png', by: 'browser', theme: 'dark', language: 'en' },
  { file: 'waybar.png', by: 'waybar' },
  { file: 'popover-zh-CN.png', by: 'browser', theme: 'light', language: 'zh-CN' },
  { file: 'network-zh-CN.png', by: 'browser', theme: 'light', language: 'zh-CN' },
  { file: 'update-ready-light.png', by: 'browser', theme: 'light', language: 'en' },
  { file: 'update-ready-settings-light.png', by: 'browser', theme: 'light', language: 'en' },
];

/** The pictures browser journeys make. */
export const BROWSER_PICTURES = PICTURES.filter((p) => p.by === 'browser');

/**
 * The docs/*.png a Markdown text shows, each once, in order of first appearance (image links
 * and any other mention of the path).
 * @param {string} markdown
 */
export function referencedPictures(markdown) {
  const found = [...markdown.matchAll(/(?:^|[^\w./-])docs\/([\w.-]+\.png)\b/g)].map((m) => m[1]);
  return [...new Set(found)];
}

/**
 * What does not agree between README, the list, the journeys and docs/ (empty when all agree):
 * a picture README shows that nothing makes, a listed picture README does not show, a picture
 * listed twice, a browser picture without its journey or a journey without its picture, a
 * docs/*.png nobody makes.
 * @param {{ readme: string, pictures: readonly { file: string, by: string }[], journeys: readonly string[], docs: readonly string[] }} input
 */
export function picturesProblems({ readme, pictures, journeys, docs }) {
  const problems = [];
  const shown = referencedPictures(readme);
  const listed = pictures.map((p) => p.file);
  const seen = new Set();
  for (const file of listed) {
    if (seen.has(file)) problems.push(`${file} is listed twice`);
    seen.add(file);
  }
  for (const file of shown) if (!seen.has(file)) problems.push(`README shows docs/${file}, which no journey makes`);
  for (const file of listed) if (!shown.includes(file)) problems.push(`${file} is made, but README does not show it`);
  const browser = pictures.filter((p) => p.by === 'browser').map((p) => p.file);
  for (const file of browser) if (!journeys.includes(file)) problems.push(`${file} has no browser journey`);
  for (const journey of new Set(journeys))
    if (!browser.includes(journey)) problems.push(`the journey ${journey} makes no listed browser picture`);
  for (const file of docs) if (file.endsWith('.png') && !seen.has(file)) problems.push(`docs/${file} is made by no journey`);
  return problems;
}
