/**
 * Fake streams for running CLI commands in-process in tests: everything written is captured
 * as text, and the environment is explicit (nothing leaks in from the developer's shell).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { CliIo } from './io.js';

/** A CliIo whose stdout/stderr are captured. */
export interface CapturedIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

function sink(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      cb();
    },
  });
}

// Commands that keep files (the history) write them here unless the test names a folder: a
// test never touches the real home folder.
let scratch: string | null = null;
function scratchDataDir(): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'glance-cli-test-data-'));
  return scratch;
}

/**
 * Builds a captured io with `env` as the environment — plus, unless `env` names one,
 * `GATE_GLANCE_DATA_DIR` pointing at a throw-away folder.
 */
export function captureIo(env: Record<string, string | undefined> = {}, stdinText = ''): CapturedIo {
  if (!('GATE_GLANCE_DATA_DIR' in env)) env = { ...env, GATE_GLANCE_DATA_DIR: scratchDataDir() };
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  stdin.end(stdinText);
  return { stdin, stdout: sink(out), stderr: sink(err), env, out: () => out.join(''), err: () => err.join('') };
}
