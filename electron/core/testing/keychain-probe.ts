/**
 * Test support: a tiny program (bundled by the tests, run as a child process) that performs
 * one KeytarSecretStore operation in whatever environment the test gives it — no D-Bus, a bus
 * without a Secret Service, a locked keyring — and prints the Result as one JSON line. It
 * exits explicitly, so a keytar call still blocked in a worker thread cannot keep it alive.
 *
 *   node keychain-probe.mjs get|set|clear|health    (set reads {"key","secret"} JSON from stdin)
 *   env: GLANCE_PROBE_SERVICE, GLANCE_PROBE_TIMEOUT_MS, GLANCE_PROBE_KEYTAR_FROM (load keytar from there)
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { KeytarSecretStore, type KeytarApi } from '../secrets/keytar-store.js';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

async function main(): Promise<void> {
  const op = process.argv[2];
  const from = process.env.GLANCE_PROBE_KEYTAR_FROM;
  const loadKeytar = from ? async (): Promise<KeytarApi> => createRequire(join(from, 'index.js'))('keytar') as KeytarApi : undefined;
  const store = new KeytarSecretStore({
    service: process.env.GLANCE_PROBE_SERVICE ?? 'gate-glance-probe',
    timeoutMs: Number(process.env.GLANCE_PROBE_TIMEOUT_MS ?? '5000'),
    ...(loadKeytar ? { loadKeytar } : {}),
  });
  const started = Date.now();
  let result: unknown;
  if (op === 'get') result = await store.get();
  else if (op === 'clear') result = await store.clear();
  else if (op === 'health') result = await store.health();
  else if (op === 'set') result = await store.set(JSON.parse(await readStdin()) as { key: string; secret: string });
  else result = { usage: 'get|set|clear|health' };
  process.stdout.write(`${JSON.stringify({ op, ms: Date.now() - started, result })}\n`, () => process.exit(0));
}

void main();
