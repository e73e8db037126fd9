/**
 * Which web permissions the popover may use: only writing plain text to the clipboard (the
 * "copy exact total" button), and only from the app's own pages. Everything else — camera,
 * notifications, geolocation, clipboard *read*, HID, … — is denied for every page.
 */
import { isAppUrl } from './app-protocol.js';

/** The permissions the app's own pages may use. */
const ALLOWED_APP_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

/** The permission policy both Electron handlers (request and check) apply. */
export function isPermissionAllowed(permission: string, requestingUrlOrOrigin: string | undefined): boolean {
  return ALLOWED_APP_PERMISSIONS.includes(permission) && typeof requestingUrlOrOrigin === 'string' && isAppUrl(requestingUrlOrOrigin);
}
