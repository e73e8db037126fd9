// `node --import <this file>`: installs hooks.mjs before the built main bundle loads, so `import`
// of 'electron' gets the fake; `require('electron')` (CommonJS dependencies such as
// electron-updater) gets electron.cjs, which reads the same fake.
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

register('./hooks.mjs', import.meta.url);

const shim = fileURLToPath(new URL('./electron.cjs', import.meta.url));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? shim : resolveFilename.call(this, request, ...rest);
};
