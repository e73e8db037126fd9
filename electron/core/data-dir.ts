/**
 * Where the app's and the CLI's files live: one function, so both always agree. Electron main
 * sets `userData` from it before `ready`; the CLI reads the same folder. Files an earlier version
 * left in Electron's default userData are moved over once (see `legacyDataDirs`).
 */
import { chmodSync, constants, copyFileSync, lstatSync, mkdirSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, posix, resolve, win32 } from 'node:path';
import { describeFileError, folderProblem } from './files/private-files.js';

/** The folder's name on macOS and Windows, where names are shown to people. */
const DATA_DIR_PRODUCT_NAME = 'Gate Glance';
/** The folder's name under XDG_CONFIG_HOME on Linux and other Unix-likes. */
const DATA_DIR_UNIX_NAME = 'gate-glance';
/** Overrides the choice on every platform, for the app and the CLI alike. */
const DATA_DIR_ENV = 'GATE_GLANCE_DATA_DIR';

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/**
 * The data folder for `platform`: `GATE_GLANCE_DATA_DIR` when set; else Linux
 * `${XDG_CONFIG_HOME:-~/.config}/gate-glance`, macOS `~/Library/Application Support/Gate Glance`,
 * Windows `%APPDATA%\Gate Glance`. The home folder comes from the environment (HOME,
 * USERPROFILE), then `os.homedir()`; a relative XDG_CONFIG_HOME is ignored, as the spec says.
 */
export function dataDir(env: Env, platform: NodeJS.Platform): string {
  const path = platform === 'win32' ? win32 : posix;
  const override = nonEmpty(env[DATA_DIR_ENV]);
  if (override !== undefined) return path.resolve(override);
  if (platform === 'win32') {
    const appData = nonEmpty(env['APPDATA']) ?? win32.join(nonEmpty(env['USERPROFILE']) ?? homedir(), 'AppData', 'Roaming');
    return win32.join(appData, DATA_DIR_PRODUCT_NAME);
  }
  const home = nonEmpty(env['HOME']) ?? homedir();
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', DATA_DIR_PRODUCT_NAME);
  const xdg = nonEmpty(env['XDG_CONFIG_HOME']);
  const config = xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config');
  return posix.join(config, DATA_DIR_UNIX_NAME);
}

/**
 * Electron's default userData before this module existed: `appData` + the app's name, which
 * Electron takes from package.json's `productName` (electron-builder writes "Gate Glance" into
 * the packaged app's package.json) or else its `name` ("gate-glance", the unpackaged app).
 */
export function legacyDataDirs(appData: string, current: string): string[] {
  return [join(appData, DATA_DIR_PRODUCT_NAME), join(appData, DATA_DIR_UNIX_NAME)].filter((dir) => resolve(dir) !== resolve(current));
}

/** The preferences' file in the data folder. */
export const PREFS_FILE_NAME = 'prefs.json';
/** The fired state of alerts, beside prefs.json. */
export const ALERTS_FILE_NAME = 'alerts.json';
/** Production Gate's history (the name every earlier version used). */
export const HISTORY_FILE_NAME = 'history.jsonl';
/** Hex digits of an endpoint's digest in its history file's name. */
const ENDPOINT_DIGEST_CHARS = 16;

/** The history file of another endpoint (a testnet, another base URL), named by its hex digest. */
export function endpointHistoryFileName(digestHex: string): string {
  return `history-${digestHex.slice(0, ENDPOINT_DIGEST_CHARS)}.jsonl`;
}

/**
 * The files that are ours in the data folder (Chromium's own profile files are not moved):
 * preferences, the fired state of alerts, and the history of each Gate endpoint.
 */
const DATA_FILE_NAMES: readonly string[] = [PREFS_FILE_NAME, ALERTS_FILE_NAME, HISTORY_FILE_NAME];
const ENDPOINT_HISTORY = new RegExp(`^history-[0-9a-f]{${ENDPOINT_DIGEST_CHARS}}\\.jsonl$`);

/** Our files in `dir`, fixed names first, then each endpoint's history in name order; none for a missing folder. */
function dataFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return [...DATA_FILE_NAMES.filter((name) => names.includes(name)), ...names.filter((name) => ENDPOINT_HISTORY.test(name)).sort()];
}

function exists(path: string): 'file' | 'other' | null {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? 'file' : 'other';
  } catch {
    return null;
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'I/O error';
}

/**
 * Readies the data folder at start, before anything reads it: creates it 0700 when it is missing;
 * refuses one that is a symbolic link or that others can change (`folderProblem`: the file layer
 * refuses it too, this is the message at start), before anything moves into it; then adopts an
 * earlier version's files (`adoptLegacyFiles`), tightens our files that an earlier version left
 * readable by others (a folder it did not create is never re-permissioned), and names a file
 * that is a symbolic link. Synchronous and never throws; answers what it found, for the log.
 */
export function prepareDataDir(dir: string, legacy: readonly string[]): string[] {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const problem = folderProblem(lstatSync(dir), dir);
    if (problem !== null) return [`${describeFileError(problem)}; nothing was moved into it or changed`];
  } catch (error) {
    return [`could not prepare ${dir} (${codeOf(error)})`];
  }
  const notes = adoptLegacyFiles(legacy, dir);
  try {
    if (process.platform === 'win32') return notes;
    for (const name of dataFilesIn(dir)) {
      const path = join(dir, name);
      const file = lstatSync(path, { throwIfNoEntry: false });
      if (file === undefined) continue;
      if (file.isSymbolicLink()) notes.push(`${name} is a symbolic link and is not followed; remove it`);
      else if (file.isFile() && (file.mode & 0o077) !== 0) {
        chmodSync(path, 0o600);
        notes.push(`made ${name} private (0600)`);
      }
    }
  } catch (error) {
    notes.push(`could not prepare ${dir} (${codeOf(error)})`);
  }
  return notes;
}

/**
 * Moves our files from the first legacy folder that has them into `to` (a folder `prepareDataDir`
 * has just checked: never a symbolic link, nor one others can change), once: a file already
 * in `to` wins and the old one stays where it is. Synchronous, because it must finish before
 * Electron's `ready` and before anything reads prefs. Answers what it did, for the log; never throws.
 */
function adoptLegacyFiles(from: readonly string[], to: string): string[] {
  const notes: string[] = [];
  for (const dir of from) {
    for (const name of dataFilesIn(dir)) {
      const source = join(dir, name);
      // Only a regular file moves: a symlink in the old folder is not followed into the new one.
      if (exists(source) !== 'file') continue;
      const target = join(to, name);
      if (exists(target) !== null) {
        notes.push(`${name} exists in both ${dir} and ${to}; the one in ${to} is used`);
        continue;
      }
      try {
        // `to` was checked by the caller just before: a real folder of ours, not a link to elsewhere.
        try {
          renameSync(source, target);
        } catch (error) {
          if ((error as { code?: unknown }).code !== 'EXDEV') throw error;
          // Another drive: copy without overwriting, then remove the original.
          copyFileSync(source, target, constants.COPYFILE_EXCL);
          unlinkSync(source);
        }
        notes.push(`moved ${name} from ${dir} to ${to}`);
      } catch (error) {
        notes.push(`could not move ${name} from ${dir} (${codeOf(error)})`);
      }
    }
  }
  return notes;
}

/** The last key-health check (its time, the key's last four characters and Gate's facts; never the secret), beside prefs.json. */
export const KEY_HEALTH_FILE_NAME = 'key-health.json';
