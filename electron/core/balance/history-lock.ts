/**
 * The history file's writer lock. The app and the CLI write the same file (one data folder),
 * possibly at the same moment, and compaction replaces the file by rename: an append that lands
 * in the old file after a compactor read it would be lost. So every write — append or
 * compaction — holds this lock, a file created with O_CREAT|O_EXCL next to the history (which
 * never follows a symlink and is atomic on local file systems), and readers need none (the
 * file is replaced atomically and appends are whole lines, a torn tail is skipped).
 *
 * A lock left behind by a crash is broken when its owner is gone (same host, no such pid) or
 * when it is older than `staleMs` (a write holds it for milliseconds). Each taking writes a token
 * of its own into the file, and releasing removes only the file that still holds it: a writer
 * whose lock was broken meanwhile (it held it past `staleMs`) and taken by another leaves that
 * one's lock alone.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Runs `task` while holding the lock; rejects with LockTimeoutError when it cannot be taken in time. */
export interface HistoryLock {
  withLock<T>(task: () => Promise<T>): Promise<T>;
}

/** The lock stayed taken longer than the caller was willing to wait. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

/** How a file lock waits and when it calls a lock stale. */
export interface FileLockOptions {
  /** The lock file's path (the history file's path + `.lock`). */
  readonly path: string;
  /** Longest wait for the lock, ms (default 2 000: a status-bar run must not hang). */
  readonly timeoutMs?: number;
  /** A lock file older than this is from a crashed writer, ms (default 10 000). */
  readonly staleMs?: number;
}

const RETRY_MS = 15;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? ((error as { code?: unknown }).code as string | undefined) : undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

async function isStale(path: string, staleMs: number): Promise<boolean> {
  try {
    const info = await stat(path);
    if (Date.now() - info.mtimeMs > staleMs) return true;
    const owner = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; host?: unknown };
    return owner.host === hostname() && typeof owner.pid === 'number' && owner.pid !== process.pid && !pidAlive(owner.pid);
  } catch {
    // Gone meanwhile: retry at once. Half-written by its owner: wait for staleMs.
    return false;
  }
}

/** A lock file shared by every process that writes the same history. */
export function createFileLock(options: FileLockOptions): HistoryLock {
  const timeoutMs = options.timeoutMs ?? 2000;
  const staleMs = options.staleMs ?? 10_000;
  const path = options.path;

  /** Takes the lock; answers what it wrote into the lock file (its token in it), which `release` compares. */
  async function acquire(): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const handle = await open(path, 'wx', 0o600);
        const content = JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now(), token: randomBytes(16).toString('hex') });
        try {
          await handle.writeFile(content);
        } finally {
          await handle.close();
        }
        return content;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      if (await isStale(path, staleMs)) {
        // Moved aside, then checked again: when two processes break the same stale lock and one
        // has already taken a fresh one, the other finds it fresh aside and links it back
        // (link never replaces, so a third writer's lock is not clobbered either).
        const aside = `${path}.stale-${randomBytes(4).toString('hex')}`;
        if (
          await rename(path, aside).then(
            () => true,
            () => false,
          )
        ) {
          if (!(await isStale(aside, staleMs))) await link(aside, path).catch(() => undefined);
          await rm(aside, { force: true });
        }
        continue;
      }
      if (Date.now() >= deadline) throw new LockTimeoutError(`the history is locked by another Gate Glance process (${path})`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }

  /**
   * Removes the lock file only while it is still the one `content` was written into. It is moved
   * aside first and compared there (a rename is atomic: what moved is what is compared), and put
   * back with link (which never replaces) when it turns out to be another writer's after all.
   */
  async function release(content: string): Promise<void> {
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current !== content) return;
    const aside = `${path}.release-${randomBytes(4).toString('hex')}`;
    if (
      !(await rename(path, aside).then(
        () => true,
        () => false,
      ))
    )
      return;
    if ((await readFile(aside, 'utf8').catch(() => null)) !== content) await link(aside, path).catch(() => undefined);
    await rm(aside, { force: true });
  }

  return {
    async withLock(task) {
      const content = await acquire();
      try {
        return await task();
      } finally {
        await release(content);
      }
    },
  };
}

/** For a store on an in-memory file system: one process, so the store's own queue already serialises. */
export const IN_PROCESS_LOCK: HistoryLock = { withLock: (task) => task() };
