// jsdom gaps the popover runs into, filled once for every renderer test.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { preloadCatalogue } from '../lib/use-locale-words.js';

// English at hand from the first render, as in a popover that has drawn before: tests that
// render without a state (or outside App) read English at once. Chinese still loads on demand.
await preloadCatalogue('en');

// recharts observes its container's size; jsdom has no ResizeObserver. Our PieChart has a
// fixed width/height, so a no-op observer is enough.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = NoopResizeObserver;
}

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});

// jsdom has no matchMedia. Answer like an OS that asks for reduced motion (the popover then
// draws the pie without animation, so sectors exist as soon as it renders); a test may flip it.
export const media = { reducedMotion: true };
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      media: query,
      matches: query.includes('prefers-reduced-motion: reduce') ? media.reducedMotion : false,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
