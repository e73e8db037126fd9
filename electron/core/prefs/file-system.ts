/**
 * The few file operations preferences and history need, behind an interface: the app and the
 * CLI use real files (`createNodeFileSystem`), tests use `MemoryFileSystem`, which can also
 * simulate a crash between writing a temp file and renaming it.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Only what preferences and history use. Paths are absolute (or whatever the implementation keys on). */
export interface FileSystem {
  /** The whole file as UTF-8, or null when it does not exist. Any other failure rejects. */
  readText(path: string): Promise<string | null>;
  /** Replaces the file's content and flushes it to disk. Not atomic on its own: see `writeFileAtomic`. */
  writeText(path: string, data: string): Promise<void>;
  /** Appends (creating the file if needed) and flushes. */
  appendText(path: string, data: string): Promise<void>;
  /** Atomic on POSIX and NTFS for files in the same directory. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Creates the directory and its parents; an existing one is not an error. */
  ensureDir(path: string): Promise<void>;
}

/** Files hold the user's preferences and net-worth history: private to the user. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

async function writeAndSync(path: string, data: string, flags: 'w' | 'a'): Promise<void> {
  const handle = await open(path, flags, FILE_MODE);
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
    async readText(path) {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    writeText: (path, data) => writeAndSync(path, data, 'w'),
    appendText: (path, data) => writeAndSync(path, data, 'a'),
    rename: (from, to) => rename(from, to),
    remove: (path) => rm(path, { force: true }),
    async ensureDir(path) {
      await mkdir(path, { recursive: true, mode: DIR_MODE });
    },
  };
}

/**
 * Writes `data` to `path` so that a reader (or the next start after a crash) sees either the
 * old content or the new one, never a torn file: write a temp file beside it, flush, rename.
 */
export async function writeFileAtomic(fs: FileSystem, path: string, data: string): Promise<void> {
  await fs.ensureDir(dirname(path));
  const temp = `${path}.tmp`;
  try {
    await fs.writeText(temp, data);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.remove(temp).catch(() => undefined);
    throw error;
  }
}

/** A simulated failure for MemoryFileSystem: which operation fails, and whether it "crashes" (leaves its debris). */
export interface MemoryFault {
  readonly op: 'readText' | 'writeText' | 'appendText' | 'rename' | 'remove';
  /** Only paths ending with this suffix; any path when omitted. */
  readonly pathEndsWith?: string;
  /** How many times it fails before succeeding again (default: forever). */
  times?: number;
  /**
   * `crash`: the process "dies" at this call — it rejects and, unlike an ordinary error, nothing
   * that follows in the caller may clean up (later calls reject too until `recover()`).
   */
  readonly kind?: 'error' | 'crash';
}

/** An in-memory FileSystem for tests, with fault injection. */
export class MemoryFileSystem implements FileSystem {
  readonly files = new Map<string, string>();
  readonly #faults: MemoryFault[] = [];
  #crashed = false;
  /** Every mutating call, in order, for assertions like "rename came after write". */
  readonly log: string[] = [];

  /** Makes matching calls fail (see MemoryFault). */
  inject(fault: MemoryFault): void {
    this.#faults.push({ ...fault });
  }

  /** Ends a simulated crash: the "next process start" can use the files again. */
  recover(): void {
    this.#crashed = false;
    this.#faults.length = 0;
  }

  #check(op: MemoryFault['op'], path: string): void {
    if (this.#crashed) throw new Error('simulated crash: process is gone');
    const fault = this.#faults.find((f) => f.op === op && (f.pathEndsWith === undefined || path.endsWith(f.pathEndsWith)));
    if (!fault) return;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    }
    if (fault.kind === 'crash') this.#crashed = true;
    const error = new Error(`simulated ${fault.kind ?? 'error'} in ${op}`) as Error & { code: string };
    error.code = 'EIO';
    throw error;
  }

  async readText(path: string): Promise<string | null> {
    this.#check('readText', path);
    return this.files.get(path) ?? null;
  }

  async writeText(path: string, data: string): Promise<void> {
    this.#check('writeText', path);
    this.log.push(`write ${path}`);
    this.files.set(path, data);
  }

  async appendText(path: string, data: string): Promise<void> {
    this.#check('appendText', path);
    this.log.push(`append ${path}`);
    this.files.set(path, (this.files.get(path) ?? '') + data);
  }

  async rename(from: string, to: string): Promise<void> {
    this.#check('rename', from);
    const data = this.files.get(from);
    if (data === undefined) {
      const error = new Error(`ENOENT: ${from}`) as Error & { code: string };
      error.code = 'ENOENT';
      throw error;
    }
    this.log.push(`rename ${from} -> ${to}`);
    this.files.delete(from);
    this.files.set(to, data);
  }

  async remove(path: string): Promise<void> {
    this.#check('remove', path);
    this.log.push(`remove ${path}`);
    this.files.delete(path);
  }

  async ensureDir(): Promise<void> {
    if (this.#crashed) throw new Error('simulated crash: process is gone');
  }
}
