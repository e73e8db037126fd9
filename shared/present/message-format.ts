/**
 * A small ICU MessageFormat subset, enough for our catalogues and a fraction of a library's
 * size: `{name}` (the value as is), `{name, number}` (Intl.NumberFormat in the locale),
 * `{name, duration}` / `{name, age}` (rendered by the caller, in words of the catalogue),
 * `{name, plural, one {…} other {…}}` with `=N` keys and `#` (Intl.PluralRules), and
 * `{name, select, a {…} other {…}}`. Branches nest. Apostrophes are plain text (no ICU
 * quoting): no message of ours needs a literal brace.
 */

/** The values a message is rendered from; never a secret. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Formats that need words of the catalogue, supplied by whoever renders the message. */
export type CustomFormat = 'duration' | 'age';

type Node =
  | string
  | { readonly kind: 'arg'; readonly name: string; readonly format: 'plain' | 'number' | CustomFormat }
  | { readonly kind: 'plural' | 'select'; readonly name: string; readonly branches: ReadonlyMap<string, readonly Node[]> }
  | { readonly kind: 'pound' };

/** What rendering needs besides the pattern and its values. */
export interface FormatContext {
  readonly locale: string;
  readonly custom: (format: CustomFormat, value: number) => string;
}

// A closure, not a class with #private fields: Electronegativity's parser (run on the built
// renderer in tests) cannot read class private properties.
function parsePattern(text: string): Node[] {
  let i = 0;

  const space = (): void => {
    while (/\s/.test(text[i] ?? '')) i += 1;
  };

  const word = (): string => {
    space();
    const start = i;
    while (i < text.length && /[\w=.-]/.test(text[i] ?? '')) i += 1;
    const found = text.slice(start, i);
    if (found === '') throw new SyntaxError(`expected a name at ${start} in: ${text}`);
    space();
    return found;
  };

  const expectChar = (ch: string): void => {
    if (text[i] !== ch) throw new SyntaxError(`expected "${ch}" at ${i} in: ${text}`);
    i += 1;
  };

  const nodes = (inPlural: boolean): Node[] => {
    const out: Node[] = [];
    let literal = '';
    while (i < text.length) {
      const ch = text[i] ?? '';
      if (ch === '}') break;
      if (ch === '{' || (ch === '#' && inPlural)) {
        if (literal) out.push(literal);
        literal = '';
        i += 1;
        out.push(ch === '#' ? { kind: 'pound' } : argument(inPlural));
        continue;
      }
      literal += ch;
      i += 1;
    }
    if (literal) out.push(literal);
    return out;
  };

  const argument = (inPlural: boolean): Node => {
    const name = word();
    if (text[i] === '}') {
      i += 1;
      return { kind: 'arg', name, format: 'plain' };
    }
    expectChar(',');
    const type = word();
    if (type === 'number' || type === 'duration' || type === 'age') {
      expectChar('}');
      return { kind: 'arg', name, format: type };
    }
    if (type !== 'plural' && type !== 'select') throw new SyntaxError(`unknown format "${type}" in: ${text}`);
    expectChar(',');
    // A Map: a select value is often outside text (`constructor`, `__proto__` are values, not members).
    const branches = new Map<string, Node[]>();
    space();
    while (text[i] !== '}') {
      const key = word();
      expectChar('{');
      branches.set(key, nodes(type === 'plural' || inPlural));
      expectChar('}');
      space();
      if (i >= text.length) throw new SyntaxError(`unclosed "{${name}" in: ${text}`);
    }
    i += 1;
    if (!branches.has('other')) throw new SyntaxError(`"{${name}, ${type}}" needs an "other" branch in: ${text}`);
    return { kind: type, name, branches };
  };

  const all = nodes(false);
  if (i < text.length) throw new SyntaxError(`unexpected "}" at ${i} in: ${text}`);
  return all;
}

const parsed = new Map<string, readonly Node[]>();

function parse(pattern: string): readonly Node[] {
  let nodes = parsed.get(pattern);
  if (nodes === undefined) {
    nodes = parsePattern(pattern);
    parsed.set(pattern, nodes);
  }
  return nodes;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function numberFormat(locale: string): Intl.NumberFormat {
  let nf = numberFormats.get(locale);
  if (nf === undefined) {
    nf = new Intl.NumberFormat(locale);
    numberFormats.set(locale, nf);
  }
  return nf;
}

function pluralRule(locale: string): Intl.PluralRules {
  let pr = pluralRules.get(locale);
  if (pr === undefined) {
    pr = new Intl.PluralRules(locale);
    pluralRules.set(locale, pr);
  }
  return pr;
}

function asNumber(value: string | number | undefined): number {
  return typeof value === 'number' ? value : Number(value ?? Number.NaN);
}

function render(nodes: readonly Node[], params: MessageParams, context: FormatContext, pound: number | null): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += node;
      continue;
    }
    switch (node.kind) {
      case 'pound':
        out += pound === null ? '#' : numberFormat(context.locale).format(pound);
        break;
      case 'arg': {
        const value = params[node.name];
        if (value === undefined) {
          out += `{${node.name}}`;
        } else if (node.format === 'plain') {
          out += String(value);
        } else if (node.format === 'number') {
          out += numberFormat(context.locale).format(asNumber(value));
        } else {
          out += context.custom(node.format, asNumber(value));
        }
        break;
      }
      case 'select': {
        const value = params[node.name];
        const branch = (value !== undefined ? node.branches.get(String(value)) : undefined) ?? node.branches.get('other') ?? [];
        out += render(branch, params, context, pound);
        break;
      }
      case 'plural': {
        const n = asNumber(params[node.name]);
        const exact = node.branches.get(`=${n}`);
        const branch = exact ?? node.branches.get(pluralRule(context.locale).select(n)) ?? node.branches.get('other') ?? [];
        out += render(branch, params, context, n);
        break;
      }
    }
  }
  return out;
}

/** Renders one pattern with its values. An absent value shows as `{name}` rather than vanishing. */
export function formatMessage(pattern: string, params: MessageParams, context: FormatContext): string {
  return render(parse(pattern), params, context, null);
}

/** The names a pattern reads, so a test can check that every catalogue asks for the same values. */
export function placeholdersOf(pattern: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if (typeof node === 'string' || node.kind === 'pound') continue;
      names.add(node.name);
      if (node.kind !== 'arg') for (const branch of node.branches.values()) walk(branch);
    }
  };
  walk(parse(pattern));
  return [...names].sort();
}
