/**
 * Private files, one home for preferences, history and alerts alike: atomic writes, modes and
 * the symlink checks, behind the few file operations they need. The app and the CLI use real
 * files (`createNodeFileSystem`); tests use `MemoryFileSystem` (core/testing), which can also
 * simulate a crash between writing a temp file and renaming it.
 *
 * The real files are private and hold up against what else may sit in the data folder: new
 * files are created 0600 under a random temporary name, opened exclusively (O_EXCL) and without
 * following a symlink (O_NOFOLLOW), flushed, then renamed over the target; a folder we create is
 * 0700; a symlink, for a file or for the folder itself, is refused with an `UnsafeFileError` that
 * says so, and so is a folder we did not create that others can change (writable by group or
 * others, or someone else's): it is never re-permissioned, since it may be shared on purpose
 * (`GATE_GLANCE_DATA_DIR=/tmp`); our files an earlier version left with looser modes are
 * tightened when opened; a read is capped (refused, or only the tail read) so a huge file
 * cannot exhaust memory.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** How much of a file a read may take. */
export interface ReadLimit {
  readonly maxBytes: number;
  /** `refuse`: a larger file is an `UnsafeFileError` (FILE_TOO_LARGE); `tail`: its last `maxBytes` are read, from the first whole line. */
  readonly overflow: 'refuse' | 'tail';
}

/** Only what preferences, history and alerts use. Paths are absolute (or whatever the implementation keys on). */
export interface FileSystem {
  /** The file as UTF-8 within `limit`, or null when it does not exist. Any other failure rejects. */
  readText(path: string, limit: ReadLimit): Promise<string | null>;
  /** Creates a new private file with this content and flushes it; fails if anything (a file, a symlink) is at `path`. See `writeFileAtomic`. */
  writeText(path: string, data: string): Promise<void>;
  /** Appends (creating the file, private, if needed) and flushes. */
  appendText(path: string, data: string): Promise<void>;
  /** Atomic on POSIX and NTFS for files in the same directory. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Creates the directory (private) and its parents; an existing one is used as it is, unless it is a symlink or others can change it (refused, never re-permissioned). */
  ensureDir(path: string): Promise<void>;
  /** Names in a directory; a missing one is empty. */
  list(path: string): Promise<string[]>;
}

/**
 * What makes a path unsafe to use; each has its own sentence in `describeFileError` (English, for
 * logs) and in the CLI's catalogues (`cli.file.problem`).
 */
export type UnsafeFileCode = 'DIR_SYMLINK' | 'DIR_SHARED' | 'FILE_SYMLINK' | 'NOT_A_FILE' | 'NOT_A_DIR' | 'FILE_TOO_LARGE';

/**
 * A refusal by the file rules above: a code and the values its words are rendered from — the
 * path it concerns (never its content) and, for DIR_SHARED, `mode` (octal, `1777`) and `who`
 * (`others`: group or others may write; `owner`: the folder is another user's).
 */
export class UnsafeFileError extends Error {
  override readonly name = 'UnsafeFileError';
  readonly code: UnsafeFileCode;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;

  constructor(code: UnsafeFileCode, path: string, extra: Readonly<Record<string, string>> = {}) {
    super(`${code}: ${path}`);
    this.code = code;
    this.path = path;
    this.params = { ...extra, path };
  }
}

/**
 * A file error in one sentence, for a warning or an error message: the rules' own refusals
 * in words (a symlinked data folder says what to do about it), an fs code (ENOSPC, EACCES…)
 * as the code, anything else as "I/O error". Never the file's content.
 */
export function describeFileError(error: unknown): string {
  if (error instanceof UnsafeFileError) {
    switch (error.code) {
      case 'DIR_SYMLINK':
        return `the data folder ${error.path} is a symbolic link (to a synced drive?); Gate Glance keeps its files only in a real folder: replace the link with a folder, or point GATE_GLANCE_DATA_DIR at one`;
      case 'DIR_SHARED':
        return `the data folder ${error.path} can be changed by other users (${error.params['who'] === 'owner' ? 'it belongs to another user' : `its mode is ${error.params['mode']}`}); Gate Glance keeps its files only in a folder of your own and does not change a folder it did not create: point GATE_GLANCE_DATA_DIR at a new folder of yours, or make this one yours alone (chmod go-w)`;
      case 'FILE_SYMLINK':
        return `${error.path} is a symbolic link, which is never followed; remove it`;
      case 'NOT_A_FILE':
        return `${error.path} is not a regular file`;
      case 'NOT_A_DIR':
        return `${error.path} is not a folder`;
      case 'FILE_TOO_LARGE':
        return `${error.path} is larger than it can be`;
    }
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{2,20}$/.test(code) ? code : 'I/O error';
}

/** Files hold the user's preferences and net-worth history: private to the user. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
/** Windows has no O_NOFOLLOW; the lstat check before opening stands in for it there. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const POSIX = process.platform !== 'win32';

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** What `folderProblem` reads of a folder: `lstat`'s answer (sync or async). */
interface FolderStat {
  readonly mode: number;
  readonly uid: number;
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
}

/**
 * Why a data folder cannot hold private files, or null: a symlink, not a folder, or (POSIX) one
 * that others can change — writable by group or others, or owned by another user. A folder we
 * create is 0700 and ours, so this refuses only folders we did not create; none is re-permissioned.
 */
export function folderProblem(stat: FolderStat, path: string): UnsafeFileError | null {
  if (stat.isSymbolicLink()) return new UnsafeFileError('DIR_SYMLINK', path);
  if (!stat.isDirectory()) return new UnsafeFileError('NOT_A_DIR', path);
  if (!POSIX) return null;
  const mode = (stat.mode & 0o7777).toString(8);
  if ((stat.mode & 0o022) !== 0) return new UnsafeFileError('DIR_SHARED', path, { mode, who: 'others' });
  if (process.getuid !== undefined && stat.uid !== process.getuid()) return new UnsafeFileError('DIR_SHARED', path, { mode, who: 'owner' });
  return null;
}

/** Refuses a folder that is a symlink, not a folder, or others can change (`folderProblem`). */
async function checkDir(path: string): Promise<void> {
  const problem = folderProblem(await lstat(path), path);
  if (problem !== null) throw problem;
}

/** Opens `path` without following a symlink (ELOOP from O_NOFOLLOW, or the lstat on Windows, become FILE_SYMLINK). */
async function openPrivate(path: string, flags: number): Promise<FileHandle> {
  await checkDir(dirname(path));
  if (!POSIX) {
    const existing = await lstat(path).catch(() => null);
    if (existing?.isSymbolicLink()) throw new UnsafeFileError('FILE_SYMLINK', path);
  }
  let handle: FileHandle;
  try {
    handle = await open(path, flags | NOFOLLOW, FILE_MODE);
  } catch (error) {
    if (errorCode(error) === 'ELOOP') throw new UnsafeFileError('FILE_SYMLINK', path);
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UnsafeFileError('NOT_A_FILE', path);
    // An earlier version (or a umask) may have left it readable by others.
    if (POSIX && (stat.mode & 0o077) !== 0) await handle.chmod(FILE_MODE);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readBounded(handle: FileHandle, path: string, limit: ReadLimit): Promise<string> {
  const { size } = await handle.stat();
  if (size <= limit.maxBytes) return (await handle.readFile()).toString('utf8');
  if (limit.overflow === 'refuse') throw new UnsafeFileError('FILE_TOO_LARGE', path);
  const buffer = Buffer.alloc(limit.maxBytes);
  const { bytesRead } = await handle.read(buffer, 0, limit.maxBytes, size - limit.maxBytes);
  const tail = buffer.subarray(0, bytesRead);
  // The first line is cut somewhere in the middle: start after it.
  const firstBreak = tail.indexOf(0x0a);
  return firstBreak < 0 ? '' : tail.subarray(firstBreak + 1).toString('utf8');
}

async function writeAndSync(path: string, data: string, flags: number): Promise<void> {
  const handle = await openPrivate(path, flags);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Real files via node:fs/promises, flushed with fsync so a rename never publishes unwritten data. */
export function createNodeFileSystem(): FileSystem {
  return {
    async readText(path, limit) {
      let handle: FileHandle;
      try {
        handle = await openPrivate(path, constants.O_RDONLY);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null;
        throw error;
      }
      try {
        return await readBounded(handle, path, limit);
      } finally {
        await handle.close();
      }
    },
    writeText: (path, data) => writeAndSync(path, data, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL),
    appendText: (path, data) => writeAndSync(path, data, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND),
    async rename(from, to) {
      await checkDir(dirname(to));
      await rename(from, to);
    },
    remove: (path) => rm(path, { force: true }),
    async ensureDir(path) {
      // Created 0700 (a umask only takes bits away); one that was there is checked, never changed.
      await mkdir(path, { recursive: true, mode: DIR_MODE });
      await checkDir(path);
    },
    async list(path) {
      try {
        return await readdir(path);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return [];
        throw error;
      }
    },
  };
}

const TEMP_SUFFIX = /^\.[0-9a-f]{16}\.tmp$/;

/**
 * Writes `data` to `path` so that a reader (or the next start after a crash) sees either the
 * old content or the new one, never a torn file: a new private temp file with a random name
 * beside it (so nothing planted at a known name can be written through), flushed, renamed.
 */
export async function writeFileAtomic(fs: FileSystem, path: string, data: string): Promise<void> {
  await fs.ensureDir(dirname(path));
  const temp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    await fs.writeText(temp, data);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.remove(temp).catch(() => undefined);
    throw error;
  }
}

/** Removes what a crash between write and rename left of `path` (`<name>.<16 hex>.tmp` beside it). Call it where only one writer runs, at start. */
export async function removeStaleTemps(fs: FileSystem, path: string): Promise<void> {
  const name = basename(path);
  for (const entry of await fs.list(dirname(path))) {
    if (entry.startsWith(name) && TEMP_SUFFIX.test(entry.slice(name.length))) await fs.remove(join(dirname(path), entry));
  }
}
