import type { Rule } from 'eslint';
/** Flags user-visible literals outside the message catalogue (JSX text, word props, CLI writes, tray labels). */
export const noLiteralWords: Rule.RuleModule;
