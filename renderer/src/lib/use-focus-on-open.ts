// A view that opens takes the keyboard focus on its heading, so keyboard and screen-reader users
// land in what they just opened.
import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref for the view's heading (which needs tabIndex={-1}), focused when the view mounts.
 * A layout effect, not a passive one: the focus moves in the same commit that inserts the view,
 * so there is no frame (and, for a lazily loaded view, no task) in which the view is on screen
 * while the focus is still on the button that opened it, or on the body.
 */
export function useFocusOnOpen<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  return ref;
}
