/**
 * A message with elements inside it (bold names, links): the catalogue keeps the whole sentence,
 * so each language orders it its own way, and the elements take the places of their
 * placeholders. The markers are NUL characters, which no catalogue text contains.
 */
import { Fragment, type ReactNode } from 'react';
import type { MessageKey } from '../../../shared/present/catalogue.js';
import type { Words } from '../../../shared/present/words.js';

/** `key` rendered with each of `nodes` where its placeholder is. */
export function richText(words: Words, key: MessageKey, nodes: Readonly<Record<string, ReactNode>>): ReactNode[] {
  const marks = Object.fromEntries(Object.keys(nodes).map((name) => [name, `\u0000${name}\u0000`]));
  return words
    .t(key, marks)
    .split('\u0000')
    .map((piece, i) => (i % 2 === 1 ? <Fragment key={i}>{nodes[piece]}</Fragment> : piece));
}
