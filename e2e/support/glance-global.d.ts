/** `window.glance` as the page sees it (defined by the bridge, as the preload does in the app). */
import type { GlanceApi } from '../../shared/ipc.js';

declare global {
  interface Window {
    glance?: GlanceApi;
  }
}

export {};
