/**
 * Fakes of the Electron objects main's modules take (Tray, BrowserWindow, ipcMain, a clock),
 * recording every call, so main's wiring is unit-tested without the Electron binary.
 */
import type { Clock, TimerHandle } from '../../core/clock.js';
import type { Rect } from '../../core/tray/popover-position.js';
import type { FrameLike, InvokeEventLike, IpcMainLike } from '../ipc-binding.js';
import type { PopoverWindowLike } from '../popover.js';
import type { TrayLike } from '../tray.js';

/** A manual clock: `advance(ms)` fires due timers in order. */
export class FakeClock implements Clock {
  #now: number;
  #timers = new Map<number, { at: number; fn: () => void }>();
  #next = 1;
  constructor(now = 0) {
    this.#now = now;
  }
  now(): number {
    return this.#now;
  }
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.#next++;
    this.#timers.set(id, { at: this.#now + ms, fn: callback });
    return id;
  }
  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle as number);
  }
  get pending(): number {
    return this.#timers.size;
  }
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = due[1].at;
      due[1].fn();
    }
    this.#now = end;
  }
}

/** A recording Tray. Images and menus are whatever the test's factories return. */
export class FakeTray<Image, Menu> implements TrayLike<Image, Menu> {
  calls: Array<[string, unknown]> = [];
  listeners = new Map<string, (event?: { readonly ctrlKey?: boolean }) => void>();
  destroyed = false;
  ignoreDoubleClicks = false;
  contextMenu: Menu | null = null;
  bounds: Rect = { x: 0, y: 0, width: 0, height: 0 };
  constructor(public image: Image) {}
  setImage(image: Image): void {
    this.image = image;
    this.calls.push(['setImage', image]);
  }
  setToolTip(tooltip: string): void {
    this.calls.push(['setToolTip', tooltip]);
  }
  setTitle(title: string): void {
    this.calls.push(['setTitle', title]);
  }
  setContextMenu(menu: Menu | null): void {
    this.contextMenu = menu;
    this.calls.push(['setContextMenu', menu]);
  }
  popUpContextMenu(menu?: Menu): void {
    this.calls.push(['popUpContextMenu', menu]);
  }
  getBounds(): Rect {
    return this.bounds;
  }
  setIgnoreDoubleClickEvents(ignore: boolean): void {
    this.ignoreDoubleClicks = ignore;
  }
  on(event: 'click' | 'right-click', listener: (event?: { readonly ctrlKey?: boolean }) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  /** As Electron: a click carries its modifier keys. */
  emit(event: 'click' | 'right-click', keys: { readonly ctrlKey?: boolean } = {}): void {
    this.listeners.get(event)?.(keys);
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A recording BrowserWindow with a webContents that records pushes. */
export class FakeWindow implements PopoverWindowLike {
  static nextId = 100;
  visible = false;
  destroyed = false;
  position: [number, number] | null = null;
  loaded: string[] = [];
  focused = 0;
  sent: Array<[string, unknown]> = [];
  listeners = new Map<string, Array<() => void>>();
  readonly webContents;
  constructor() {
    const id = FakeWindow.nextId++;
    const contentsListeners = new Map<string, Array<(...args: never[]) => void>>();
    this.webContents = {
      id,
      destroyed: false,
      listeners: contentsListeners,
      on: (event: string, listener: (...args: never[]) => void): unknown =>
        contentsListeners.set(event, [...(contentsListeners.get(event) ?? []), listener]),
      emit: (event: string, ...args: unknown[]): void => {
        for (const l of contentsListeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
      },
      isDestroyed: (): boolean => this.webContents.destroyed || this.destroyed,
      send: (channel: string, payload: unknown): void => {
        this.sent.push([channel, payload]);
      },
    };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isVisible(): boolean {
    return this.visible;
  }
  show(): void {
    this.visible = true;
  }
  inactiveShows = 0;
  showInactive(): void {
    this.visible = true;
    this.inactiveShows += 1;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused += 1;
  }
  destroy(): void {
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
  setPosition(x: number, y: number): void {
    this.position = [x, y];
  }
  allWorkspaces: { visible: boolean; options: { visibleOnFullScreen: boolean; skipTransformProcessType: boolean } } | null = null;
  setVisibleOnAllWorkspaces(visible: boolean, options: { visibleOnFullScreen: boolean; skipTransformProcessType: boolean }): void {
    this.allWorkspaces = { visible, options };
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  on(event: 'blur' | 'closed', listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: 'ready-to-show', listener: () => void): this {
    const wrapped = () => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((l) => l !== wrapped),
      );
      listener();
    };
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), wrapped]);
    return this;
  }
  emit(event: string): void {
    for (const l of [...(this.listeners.get(event) ?? [])]) l();
  }
}

/** A frame as `WebFrameMain` reports it. */
export function fakeFrame(url: string, processId = 1, routingId = 1, parent: FrameLike | null = null): FrameLike {
  return { url, processId, routingId, parent };
}

/** An invoke event from a frame of a webContents. */
export function fakeEvent(webContentsId: number, senderFrame: FrameLike | null, mainFrame: FrameLike | null): InvokeEventLike {
  return { sender: { id: webContentsId, mainFrame }, senderFrame };
}

/** A recording ipcMain whose `invoke` calls the registered handler like Electron would. */
export class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}
