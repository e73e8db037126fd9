/** `npm run simulator`'s argument handling, and the process's first line and shutdown. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../testing/project-root.js';
import { startSimulatorFromArgs } from './cli.js';

const root = PROJECT_ROOT;

describe('simulator command line', () => {
  it('starts on 127.0.0.1 with the given key pair, portfolio and clock offset', async () => {
    const started = await startSimulatorFromArgs([
      '--port',
      '0',
      '--key',
      'K',
      '--secret',
      'S',
      '--portfolio',
      'gate-example',
      '--clock-offset',
      '-5000',
    ]);
    if (!started.ok) throw new Error(started.message);
    try {
      expect(started.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const time = (await (await fetch(`${started.server.url}/spot/time`)).json()) as { server_time: number };
      expect(Math.abs(time.server_time - (Date.now() - 5000))).toBeLessThan(1000);
    } finally {
      await started.server.close();
    }
  });

  it.each([
    [['--port', 'x'], /--port needs/],
    [['--key', 'K'], /pairs/],
    [['--portfolio', 'mine'], /demo or gate-example/],
    [['--clock-offset', '1.5'], /milliseconds/],
    [['--what'], /unknown option --what/],
  ])('rejects %j', async (argv, message) => {
    const started = await startSimulatorFromArgs(argv);
    expect(started.ok).toBe(false);
    expect(!started.ok && started.message).toMatch(message);
  });

  it('prints `listening on …` first, then a base URL that works as --base-url as is, and stops when stdin closes (--exit-on-stdin-close)', async () => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'simulator.mjs'), '--port', '0', '--exit-on-stdin-close'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const [first, second] = await new Promise<string[]>((resolve) => {
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        if (buf.split('\n').length > 2) resolve(buf.split('\n'));
      });
    });
    expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const origin = first!.replace('listening on ', '');
    expect(second).toBe(`base URL: ${origin}/api/v4  (gate-glance balance --base-url ${origin}/api/v4)`);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.end();
    expect(await exited).toBe(0);
  });
});
