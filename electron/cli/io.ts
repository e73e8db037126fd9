/**
 * The CLI's world as a value, so every command runs in-process in tests with fake streams
 * and an explicit environment, exactly as it runs from a terminal.
 */
import type { Readable, Writable } from 'node:stream';
import type { CliWords } from '../../shared/present/cli-words.js';

/** Streams and environment a command may use; nothing else global. */
export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `process.platform` (tests choose): on Windows and macOS the system locale is the default language. */
  readonly platform?: string;
  /** The language of human output; `runCli` fills it from `--locale` and the environment (English without it). */
  readonly words?: CliWords;
  /** `--profile NAME` (runCli takes it out of every command line); undefined: the default profile. */
  readonly profile?: string;
}

/** A sub-command: takes its own argv (after the command name) and answers an exit code. */
export type CliCommand = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Exit codes every command shares: scripts and status bars branch on them. */
export const EXIT = {
  ok: 0,
  /** Reserved for an unexpected internal failure (a bug): should never be seen. */
  internal: 1,
  usage: 2,
  /** Missing or rejected credentials, missing permission, keychain trouble. */
  credentials: 3,
  /** Network, server, rate limit, bad response, clock. */
  remote: 4,
  /** `balance --all-profiles`: printed in full, but a key could not be read (its source says why). */
  partial: 6,
} as const;
