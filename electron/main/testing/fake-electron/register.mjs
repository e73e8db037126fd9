// `node --import <this file>`: installs hooks.mjs before the built main bundle loads.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
