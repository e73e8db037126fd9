/**
 * An in-memory FileSystem for tests, with fault injection: an ordinary error, or a "crash" that
 * leaves its debris (a temp file never renamed) for the next start to find.
 */
import type { FileSystem, ReadLimit } from '../files/private-files.js';
import { UnsafeFileError } from '../files/private-files.js';

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

/** An in-memory FileSystem for tests, with fault injection. Sizes are UTF-8 bytes, as on disk. */
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

  async readText(path: string, limit: ReadLimit): Promise<string | null> {
    this.#check('readText', path);
    const text = this.files.get(path);
    if (text === undefined) return null;
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= limit.maxBytes) return text;
    if (limit.overflow === 'refuse') throw new UnsafeFileError('FILE_TOO_LARGE', path);
    const tail = bytes.subarray(bytes.length - limit.maxBytes);
    const firstBreak = tail.indexOf(0x0a);
    return firstBreak < 0 ? '' : tail.subarray(firstBreak + 1).toString('utf8');
  }

  async writeText(path: string, data: string): Promise<void> {
    this.#check('writeText', path);
    if (this.files.has(path)) throw Object.assign(new Error(`EEXIST: ${path}`), { code: 'EEXIST' });
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
    if (data === undefined) throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
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

  async list(path: string): Promise<string[]> {
    if (this.#crashed) throw new Error('simulated crash: process is gone');
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...this.files.keys()]
      .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map((p) => p.slice(prefix.length));
  }
}
