/**
 * Demo mode in one place: the demo key pair, the demo portfolio and a ready BalanceSource
 * that runs the real GateClient against the in-process simulator. The app's "Try the demo"
 * and `gate-glance balance --demo` both use it, so the demo exercises the real code paths.
 */
import { ok } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import { GateClient } from '../gate/client.js';
import type { Credentials } from '../gate/types.js';
import type { GateSimulator } from './handler.js';
import { createGateSimulator } from './handler.js';
import { createInProcessTransport } from './in-process-transport.js';
import { DEMO_PORTFOLIO, DEMO_SUB_ACCOUNTS } from './portfolio.js';

export { DEMO_PORTFOLIO } from './portfolio.js';

/** The demo's key pair: known to the in-process simulator only, worthless anywhere else. */
export const DEMO_CREDENTIALS: Credentials = { key: 'demo-key-0000000000000000000000000', secret: 'demo-secret-not-a-real-gate-secret' };

/** The base URL demo requests carry (never resolved: the transport is in-process). */
const DEMO_BASE_URL = 'https://demo.gate-glance.invalid/api/v4';

/** A demo client and the simulator behind it (tests and the app may add faults to it). */
export interface DemoSource {
  readonly client: GateClient;
  readonly simulator: GateSimulator;
}

/** Builds the demo: the real GateClient, in-process simulator, demo portfolio and key. */
export function createDemoSource(
  options: {
    readonly clock?: Pick<Clock, 'now'>;
    readonly timeoutMs?: number;
    /** The demo account has the two DEMO_SUB_ACCOUNTS (their switch is on). */
    readonly subAccounts?: boolean;
  } = {},
): DemoSource {
  const simulator = createGateSimulator({
    // A healthy key: read-only, bound to the in-process transport's address, so it never expires.
    keys: [{ ...DEMO_CREDENTIALS, allowedIps: ['127.0.0.1'] }],
    portfolio: DEMO_PORTFOLIO,
    ...(options.subAccounts ? { subAccounts: DEMO_SUB_ACCOUNTS } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const client = new GateClient({
    transport: createInProcessTransport(simulator),
    credentials: () => Promise.resolve(ok(DEMO_CREDENTIALS)),
    baseUrl: DEMO_BASE_URL,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  return { client, simulator };
}
