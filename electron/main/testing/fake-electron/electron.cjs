// What `require('electron')` answers under the fake, for CommonJS code that main loads from
// node_modules (electron-updater): Node 20's module hooks (hooks.mjs) reach only `import`, so
// register.mjs points `require` here, and each property is read from the fake at the moment it is
// used (the fake module sets globalThis.__fakeElectronModule when it loads, before main runs).
module.exports = new Proxy(
  {},
  {
    get: (_target, name) => {
      const fake = globalThis.__fakeElectronModule;
      if (!fake) throw new Error('the fake Electron module has not loaded yet');
      return fake[name];
    },
  },
);
