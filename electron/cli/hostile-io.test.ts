/**
 * The CLI refuses to send a key over plain http:// to another machine, for both commands that
 * take `--base-url`, before any credentials are read or any socket is opened.
 */
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/errors.js';
import { createBalanceCommand } from './commands/balance.js';
import { createLoginCommand } from './commands/credentials.js';
import { runCli } from './main.js';
import { captureIo } from './test-io.js';
import { startSimulatorServer } from '../core/simulator/server.js';
import { startTestProxy } from '../core/testing/simulator.js';

describe('--base-url with plain http://', () => {
  it.each(['http://api.gateio.ws/api/v4', 'http://192.168.1.10:8080/api/v4', 'http://127.0.0.1.example.com/api/v4'])(
    '%s is a usage error for balance and login',
    async (url) => {
      let credentialReads = 0;
      const table = {
        balance: createBalanceCommand({
          keychainCredentials: () => {
            credentialReads += 1;
            return Promise.resolve(ok(null));
          },
        }),
        login: createLoginCommand(),
      };
      for (const argv of [
        ['balance', '--base-url', url],
        ['login', '--base-url', url],
      ]) {
        const io = captureIo({ GATE_API_KEY: 'k', GATE_API_SECRET: 's' }, 'key\nsecret\n');
        expect(await runCli(argv, io, table)).toBe(2);
        expect(io.err()).toMatch(/--base-url must use https:\/\/ \(plain http:\/\/ is allowed only to this computer/);
      }
      expect(credentialReads).toBe(0);
    },
  );
});

describe('--base-url with plain http:// to this computer', () => {
  it('never goes through HTTP_PROXY, http_proxy or ALL_PROXY: a recording proxy on 127.0.0.1 receives nothing', async () => {
    const creds = { key: 'loopback-key-0011223344', secret: 'loopback-s3kr1t-NEVER-PRINT-5566' };
    const server = await startSimulatorServer({ keys: [creds] });
    const proxy = await startTestProxy();
    try {
      for (const variable of ['HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) {
        const io = captureIo({ GATE_API_KEY: creds.key, GATE_API_SECRET: creds.secret, [variable]: proxy.url });
        expect(await runCli(['balance', '--json', '--base-url', server.url], io), variable).toBe(0);
      }
      expect(proxy.log).toEqual([]);
      expect(proxy.received()).toBe(0);
    } finally {
      await proxy.close();
      await server.close();
    }
  });
});
