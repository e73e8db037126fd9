import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { popoverWindowPlan } from '../core/tray/popover-window-plan.js';
import { POPOVER_PARTITION, POPOVER_SIZE, createPopoverBrowserWindow } from './popover-window.js';

describe('createPopoverBrowserWindow', () => {
  it('is a frameless, hidden, ~360×480 window with locked-down webPreferences', () => {
    class RecordingWindow {
      constructor(readonly options: BrowserWindowConstructorOptions) {}
    }
    const o = createPopoverBrowserWindow(RecordingWindow, {
      preloadPath: '/app/out/preload/index.cjs',
      devTools: false,
      backgroundColor: '#fff',
      plan: popoverWindowPlan('win32', false),
    }).options;
    expect(o).toMatchObject({
      width: POPOVER_SIZE.width,
      height: POPOVER_SIZE.height,
      frame: false,
      show: false,
      skipTaskbar: true,
      resizable: false,
    });
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      partition: POPOVER_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(POPOVER_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('on native Wayland is a framed, movable window, centred, listed in the taskbar, with the same webPreferences', () => {
    class RecordingWindow {
      constructor(readonly options: BrowserWindowConstructorOptions) {}
    }
    const base = { preloadPath: '/p.cjs', devTools: false, backgroundColor: '#fff' };
    const floating = createPopoverBrowserWindow(RecordingWindow, { ...base, plan: popoverWindowPlan('linux', true) }).options;
    expect(floating).toMatchObject({
      frame: true,
      movable: true,
      center: true,
      skipTaskbar: false,
      alwaysOnTop: false,
      show: false,
      resizable: false,
    });
    const anchored = createPopoverBrowserWindow(RecordingWindow, { ...base, plan: popoverWindowPlan('linux', false) }).options;
    expect(anchored).toMatchObject({ frame: false, movable: false, center: false, skipTaskbar: true, alwaysOnTop: true });
    expect(floating.webPreferences).toEqual(anchored.webPreferences);
  });
});
