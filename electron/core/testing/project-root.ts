/** The checkout's root folder, for tests and test helpers that read built output or fixtures. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `GLANCE_ROOT` lets a bench or e2e run point at another checkout's build. */
export const PROJECT_ROOT = process.env['GLANCE_ROOT'] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
