/**
 * Fake streams for running CLI commands in-process in tests: everything written is captured
 * as text, and the environment is explicit (nothing leaks in from the developer's shell).
 */
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

/** Builds a captured io with exactly `env` as the environment. */
export function captureIo(env: Record<string, string | undefined> = {}, stdinText = ''): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  stdin.end(stdinText);
  return { stdin, stdout: sink(out), stderr: sink(err), env, out: () => out.join(''), err: () => err.join('') };
}
