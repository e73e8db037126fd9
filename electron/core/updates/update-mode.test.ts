import { describe, expect, it } from 'vitest';
import { releasePageFor, updateModeFor } from './update-mode.js';

const base = { platform: 'linux' as NodeJS.Platform, packaged: true, appImage: undefined, packageType: null, macSigned: false };

describe('updateModeFor', () => {
  it('an unpackaged build never updates, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const)
      expect(updateModeFor({ ...base, platform, packaged: false })).toBe('none');
  });

  it('Linux: an AppImage updates itself; a deb or rpm is only told, since its package manager owns the files', () => {
    expect(updateModeFor({ ...base, appImage: '/home/u/Apps/Gate-Glance.AppImage' })).toBe('self');
    expect(updateModeFor({ ...base, packageType: 'deb' })).toBe('notify');
    expect(updateModeFor({ ...base, packageType: 'rpm' })).toBe('notify');
    expect(updateModeFor({ ...base })).toBe('none');
  });

  it('Windows (NSIS) updates itself; macOS only when signed with an identity, else it notifies', () => {
    expect(updateModeFor({ ...base, platform: 'win32' })).toBe('self');
    expect(updateModeFor({ ...base, platform: 'darwin', macSigned: true })).toBe('self');
    expect(updateModeFor({ ...base, platform: 'darwin', macSigned: false })).toBe('notify');
  });
});

describe('releasePageFor', () => {
  it('a GitHub feed links to the version’s release of its owner and repository', () => {
    const yml = 'owner: someone\nrepo: gate-glance\nprovider: github\nupdaterCacheDirName: gate-glance-updater\n';
    expect(releasePageFor(yml, '0.2.0')).toBe('https://github.com/someone/gate-glance/releases/tag/v0.2.0');
  });

  it('a generic https feed links to its folder; anything else is unknown (no link)', () => {
    expect(releasePageFor("provider: generic\nurl: 'https://updates.example.org/glance'\n", '0.2.0')).toBe(
      'https://updates.example.org/glance',
    );
    expect(releasePageFor('provider: generic\nurl: http://updates.example.org/\n', '0.2.0')).toBeNull();
    expect(releasePageFor('provider: github\nowner: a/b\nrepo: c\n', '0.2.0')).toBeNull();
    expect(releasePageFor(null, '0.2.0')).toBeNull();
  });
});
