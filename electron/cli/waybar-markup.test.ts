/**
 * Waybar parses `text` and `tooltip` as Pango markup and drops a tooltip that does not parse.
 * Real CLI output (in-process, over real HTTP to the simulator and a hostile server on
 * 127.0.0.1) is handed to GLib's own parser (`Pango.parse_markup` through PyGObject; Debian
 * `python3-gi gir1.2-pango-1.0`), which must accept it and read back the text we meant.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../core/gate/types.js';
import type { SimulatorServer } from '../core/simulator/server.js';
import { startSimulatorServer } from '../core/simulator/server.js';
import { DEMO_PORTFOLIO, DEMO_SUB_ACCOUNTS } from '../core/simulator/portfolio.js';
import { serveOnLoopback } from '../core/testing/loopback-server.js';
import { runCli } from './main.js';
import { captureIo } from './test-io.js';

const CREDS: Credentials = { key: 'waybar-key-00112233445566', secret: 'waybar-s3kr1t-NEVER-PRINT-0099' };
const ENV = { GATE_API_KEY: CREDS.key, GATE_API_SECRET: CREDS.secret };

// The system's python3: a pyenv shim first on PATH has no `gi`.
const PARSER = `
import json, sys, gi
gi.require_version('Pango', '1.0')
from gi.repository import Pango
out = []
for markup in json.load(sys.stdin):
    try:
        out.append({'ok': True, 'text': Pango.parse_markup(markup, -1, '\\0')[2]})
    except Exception as e:
        out.append({'ok': False, 'error': str(e)})
json.dump(out, sys.stdout)
`;
import { expectNoSecret } from '../core/testing/secret-leak.js';

type Parsed = { ok: true; text: string } | { ok: false; error: string };

function parseMarkup(markups: readonly string[]): Parsed[] {
  const run = spawnSync('/usr/bin/python3', ['-c', PARSER], { input: JSON.stringify(markups), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 with gi failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Parsed[];
}

/** The waybar object's `text` and `tooltip` as GLib reads them (each must parse). */
function asWaybarReadsIt(out: string): { text: string; tooltip: string } {
  const doc = JSON.parse(out) as { text: string; tooltip: string };
  const [text, tooltip] = parseMarkup([doc.text, doc.tooltip]);
  expect(text, doc.text).toMatchObject({ ok: true });
  expect(tooltip, doc.tooltip).toMatchObject({ ok: true });
  return { text: (text as { text: string }).text, tooltip: (tooltip as { text: string }).text };
}

const hostile = serveOnLoopback(
  createServer((_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ label: 'INVALID_PARAM_VALUE', message: 'currency <b>bold</b> & "quoted" isn\'t valid' }));
  }),
);

describe('waybar output is valid Pango markup that reads as the plain text', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer({ keys: [CREDS] });
  });
  afterAll(() => server.close());

  async function waybar(baseUrl: string, ...flags: string[]) {
    const io = captureIo(ENV);
    await runCli(['balance', '--format', 'waybar', '--no-history', '--base-url', baseUrl, ...flags], io);
    expectNoSecret(io.out() + io.err(), CREDS.secret);
    return io.out();
  }

  it('a dust account reads "(< 0.01 %)", and names with <, >, &, quotes and apostrophes read as themselves', async () => {
    server.simulator.setPortfolio({
      accounts: {
        spot: { amount: '100000' },
        'a<b>&c': { amount: '5' },
        '"quoted"': { amount: '2' },
        "it's": { amount: '1' },
        dust: { amount: '0.001' },
      },
    });
    const read = asWaybarReadsIt(await waybar(server.url));
    expect(read.tooltip).toMatch(/^a<b>&c: 5\.00 \(0\.01 %\)$/m);
    expect(read.tooltip).toMatch(/^"quoted": 2\.00 \(< 0\.01 %\)$/m);
    expect(read.tooltip).toMatch(/^it's: 1\.00 \(< 0\.01 %\)$/m);
    expect(read.tooltip).toMatch(/^dust: 0\.00 \(< 0\.01 %\)$/m);
    expect(read.text).toBe('100,008.00 USDT');
  });

  it('in every language, and with --private', async () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW'])
      for (const flags of [[], ['--private']]) asWaybarReadsIt(await waybar(server.url, '--locale', locale, ...flags));
  });

  it("an error: Gate's message with markup in it reads as itself in the tooltip", async () => {
    const read = asWaybarReadsIt(await waybar(hostile.url));
    expect(read.text).toBe('n/a (INVALID_CURRENCY)');
    expect(read.tooltip).toContain('currency <b>bold</b> & "quoted" isn\'t valid');
  });

  it('the combined figure of several sources (--sub-accounts): marks and a sub-account named with markup read as themselves', async () => {
    server.simulator.setPortfolio(DEMO_PORTFOLIO);
    server.simulator.setSubAccounts([{ ...DEMO_SUB_ACCOUNTS[0]!, loginName: 'bot<b>&"it\'s"' }, DEMO_SUB_ACCOUNTS[1]!]);
    try {
      for (const locale of ['en', 'zh-CN', 'zh-TW'])
        for (const flags of [[], ['--private']]) {
          const read = asWaybarReadsIt(await waybar(server.url, '--sub-accounts', '--locale', locale, ...flags));
          expect(read.text).toMatch(/^≈.* \*$/);
          expect(read.tooltip).toContain('bot<b>&"it\'s"');
          if (locale === 'en') expect(read.tooltip).toContain('≈ includes an estimate, * a source is missing, partial or stale');
        }
    } finally {
      server.simulator.setSubAccounts([]);
    }
  });

  it('the keychain hint (no key anywhere) parses too', async () => {
    const io = captureIo({});
    await runCli(['balance', '--format', 'waybar', '--base-url', server.url], io);
    asWaybarReadsIt(io.out());
  });
});
