/** electron-updater's AppUpdater as far as UpdateService drives it, answering what each test chooses. */
import type { UpdateCheckAnswer, Updater } from '../updates/update-service.js';

export class FakeUpdater implements Updater {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  checks = 0;
  downloads = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  answer: () => Promise<UpdateCheckAnswer | null> = async () => ({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } });
  downloadResult: () => Promise<unknown> = async () => ['/tmp/update'];
  #progress: Array<(p: { percent: number }) => void> = [];

  async checkForUpdates(): Promise<UpdateCheckAnswer | null> {
    this.checks += 1;
    return this.answer();
  }
  async downloadUpdate(): Promise<unknown> {
    this.downloads += 1;
    return this.downloadResult();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
  on(_event: 'download-progress', listener: (p: { percent: number }) => void): this {
    this.#progress.push(listener);
    return this;
  }
  progress(percent: number): void {
    for (const l of this.#progress) l({ percent });
  }
}
