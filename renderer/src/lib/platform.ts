/** Which desktop the popover runs on, as far as the page can tell (the user agent). */

/** macOS: Cmd/Option key names, and a menu bar whose title can carry text. */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac/.test(navigator.userAgent);
}
