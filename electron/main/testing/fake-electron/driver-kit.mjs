// What every driver of the BUILT main bundle needs: waiting for the fake Electron to reach a state,
// and calling main's IPC handlers as the popover's own main frame does (the sender check passes).

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `predicate` every 20 ms until it answers something truthy, which it returns; throws after `ms`. */
export async function until(predicate, what, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await predicate();
    if (value) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** `invoke(channel, ...args)` into main's handler for `channel`, sent from `webContents`' main frame. */
export function invokerFor(record, webContents) {
  const event = { sender: { id: webContents.id, mainFrame: webContents.mainFrame }, senderFrame: webContents.mainFrame };
  return (channel, ...args) => record.ipc.get(channel)(event, ...args);
}
