/**
 * `--profile NAME`, accepted by every command (before or after its name) and taken out of the
 * command line before the command parses its own options, as `--locale` is.
 */
import { isProfileName } from '../core/secrets/profiles.js';

/** The command line without `--profile`, and the profile it named (undefined: none named); or the name refused. */
export type ProfileOption =
  | { readonly ok: true; readonly argv: readonly string[]; readonly profile: string | undefined }
  | { readonly ok: false; readonly value: string };

/** Takes `--profile X` and `--profile=X` out of `argv` (up to `--`); the last one wins. */
export function takeProfileOption(argv: readonly string[]): ProfileOption {
  const rest: string[] = [];
  let profile: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string;
    if (arg === '--profile') {
      value = argv[i + 1] ?? '';
      i += 1;
    } else if (arg.startsWith('--profile=')) {
      value = arg.slice('--profile='.length);
    } else {
      rest.push(arg);
      continue;
    }
    if (!isProfileName(value)) return { ok: false, value: value.slice(0, 40) };
    profile = value;
  }
  return { ok: true, argv: rest, profile };
}
