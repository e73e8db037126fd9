import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from './permissions.js';

describe('isPermissionAllowed', () => {
  it('allows only clipboard writes from the app origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://glance/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://glance')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'hid', 'fullscreen']) {
      expect(isPermissionAllowed(permission, 'app://glance/index.html'), permission).toBe(false);
    }
  });
});
