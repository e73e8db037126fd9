/**
 * The Electron-shaped edge of IPC, written against minimal interfaces so it is unit-tested
 * with fakes: how an invoke event becomes the router's sender info, how each channel is bound
 * to the router, and the one typed state push that skips destroyed windows. `ipc.ts` plugs the
 * real `ipcMain` in; nothing else in main touches raw IPC.
 */
import { STATE_CHANNEL } from '../../shared/ipc.js';
import type { PushChannels, WidgetState } from '../../shared/ipc.js';
import type { IpcRouter, IpcSenderInfo } from '../core/ipc/index.js';
import { toPublicState } from '../core/ipc/index.js';

/** The parts of `WebFrameMain` we read. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: FrameLike | null;
  /** True once the frame left its document (navigated away, removed): its URL no longer vouches for it. */
  readonly detached?: boolean;
}

/** The parts of `IpcMainInvokeEvent` we read. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike | null };
  readonly senderFrame: FrameLike | null;
}

/** The parts of `ipcMain` we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** A push target: a renderer's webContents. */
export interface PushTargetLike {
  isDestroyed(): boolean;
  send(channel: keyof PushChannels, payload: PushChannels[keyof PushChannels]): void;
}

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  return a.processId === b.processId && a.routingId === b.routingId;
}

/**
 * What the router needs to know about an invoke's sender. Reading a frame that navigated away
 * or was destroyed can throw; such a sender is reported as having no frame (untrusted).
 */
export function senderInfoOf(event: InvokeEventLike): IpcSenderInfo {
  try {
    const frame = event.senderFrame;
    const top = event.sender.mainFrame;
    const isTop = frame !== null && top !== null && frame.detached !== true && frame.parent === null && sameFrame(frame, top);
    return { senderFrameUrl: frame ? frame.url : null, isMainFrame: isTop, webContentsId: event.sender.id };
  } catch {
    return { senderFrameUrl: null, isMainFrame: false, webContentsId: event.sender.id };
  }
}

/** Registers one `ipcMain.handle` per channel, each going through the router; returns the unbinder. */
export function bindIpc(ipcMain: IpcMainLike, router: IpcRouter): () => void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, ...args) => router.dispatch(channel, args, senderInfoOf(event)));
  }
  return () => {
    for (const channel of router.channels) ipcMain.removeHandler(channel);
  };
}

/**
 * The one main → renderer push: the whole state, rebuilt with only public credential fields,
 * sent to every live target and skipping destroyed ones (a closed window must not crash main).
 */
export function createStateSender(targets: () => readonly PushTargetLike[]): (state: WidgetState) => void {
  return (state) => {
    const payload = toPublicState(state);
    for (const target of targets()) {
      if (target.isDestroyed()) continue;
      target.send(STATE_CHANNEL, payload);
    }
  };
}
