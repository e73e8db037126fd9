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
