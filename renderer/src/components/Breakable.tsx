/** A formatted amount that may wrap only between digit groups (long Gate figures in narrow cells). */
import { Fragment } from 'react';
import { wrapPoints } from '../../../shared/present/amounts.js';

/** Props: the already formatted (or masked) text. */
export interface BreakableProps {
  readonly text: string;
}

/** Renders `text` with a <wbr> after each group separator. */
export function Breakable({ text }: BreakableProps) {
  const parts = wrapPoints(text);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </>
  );
}
