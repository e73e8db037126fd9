/**
 * `--locale en|zh-CN|zh-TW`, accepted by every command (before or after its name) and taken out
 * of the command line before the command parses its own options.
 */
import { isLanguage, type Language } from '../../shared/locale.js';

/** The command line without `--locale`, and the language it named; or the value we do not speak. */
export type LocaleOption =
  | { readonly ok: true; readonly argv: readonly string[]; readonly locale: Language | undefined }
  | { readonly ok: false; readonly value: string };

/** Takes `--locale X` and `--locale=X` out of `argv` (up to `--`); the last one wins. */
export function takeLocaleOption(argv: readonly string[]): LocaleOption {
  const rest: string[] = [];
  let locale: Language | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === '--locale') {
      value = argv[i + 1] ?? '';
      i += 1;
    } else if (arg.startsWith('--locale=')) {
      value = arg.slice('--locale='.length);
    } else {
      rest.push(arg);
      continue;
    }
    if (!isLanguage(value)) return { ok: false, value: value.slice(0, 20) };
    locale = value;
  }
  return { ok: true, argv: rest, locale };
}
