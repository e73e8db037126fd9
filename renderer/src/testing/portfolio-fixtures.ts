// A portfolio as main would send it: the first key ("Main") with two sub-accounts it reads,
// another key that is stale ("Family") and one in error ("Work"); its Settings list.
import { sumDecimals } from '../../../shared/decimal.js';
import { appError } from '../../../shared/errors.js';
import type { WidgetState } from '../../../shared/ipc.js';
import type { GateAccount, PortfolioState, Source } from '../../../shared/portfolio.js';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs.js';
import { makeState, snapshotOf, T0 } from './fixtures.js';

function source(
  over: Partial<Source> & Pick<Source, 'id' | 'kind' | 'profile' | 'name'>,
  accounts: readonly (readonly [string, string])[],
): Source {
  return {
    uid: null,
    total: accounts.length === 0 ? null : { currency: 'USDT', amount: sumDecimals(accounts.map(([, a]) => a)) },
    estimated: over.kind === 'sub-account',
    partial: false,
    covers: accounts.map(([n]) => n),
    unpriced: [],
    status: 'ok',
    error: null,
    fetchedAt: T0,
    rate: over.kind === 'sub-account' ? 'identity' : null,
    accounts: accounts.map(([name, amount]) => ({ name, amount })),
    ...over,
  };
}

const MAIN = source({ id: 'key:default', kind: 'key', profile: 'default', name: 'Main', uid: '10001' }, [
  ['spot', '1000'],
  ['futures', '500'],
]);
const BOT_1 = source(
  { id: 'sub:default:101', kind: 'sub-account', profile: 'default', name: 'bot-1', uid: '101', partial: true, unpriced: ['ABC', 'XYZ'] },
  [
    ['spot', '200'],
    ['futures', '50'],
  ],
);
const BOT_2 = source({ id: 'sub:default:102', kind: 'sub-account', profile: 'default', name: 'bot-2', uid: '102' }, [['spot', '100']]);
const FAMILY = source(
  {
    id: 'key:family',
    kind: 'key',
    profile: 'family',
    name: 'Family',
    uid: '20002',
    status: 'stale',
    fetchedAt: T0 - 3_600_000,
    error: appError('NETWORK', {}),
  },
  [['spot', '300']],
);
const WORK = source(
  { id: 'key:work', kind: 'key', profile: 'work', name: 'Work', status: 'error', fetchedAt: null, error: appError('INVALID_KEY', {}) },
  [],
);

/** Main + 2 sub-accounts + Family (stale) + Work (in error): 1,500 + 250 + 100 + 300 = 2,150 USDT. */
export const PORTFOLIO: PortfolioState = {
  currency: 'USDT',
  sources: [MAIN, BOT_1, BOT_2, FAMILY, WORK],
  combined: { currency: 'USDT', amount: '2150', partial: true, estimated: true, stale: true },
  change24h: { from: T0 - 86_400_000, fromTotal: '2000', amount: '150', percent: '+7.50', partial: false, direction: 1 },
};

const GATE_ACCOUNTS: readonly GateAccount[] = [
  {
    profile: 'default',
    alias: 'Main',
    keyHint: '…a1b2',
    includeSubAccounts: true,
    subAccounts: [
      { uid: '101', name: 'bot-1', included: true },
      { uid: '102', name: 'bot-2', included: true },
      { uid: '103', name: 'bot-3', included: false },
    ],
  },
  { profile: 'family', alias: 'Family', keyHint: '…c3d4', includeSubAccounts: false, subAccounts: null },
  { profile: 'work', alias: 'Work', keyHint: '…e5f6', includeSubAccounts: false, subAccounts: null },
];

/** A live first key whose own figure (1,500) differs from the combined one, with the portfolio and its list. */
export function portfolioState(overrides: Partial<WidgetState> = {}): WidgetState {
  return makeState({
    balance: snapshotOf([
      ['spot', '1000'],
      ['futures', '500'],
    ]),
    change24h: { from: T0 - 86_400_000, fromTotal: '1400', amount: '100', percent: '+7.14', partial: false, direction: 1 },
    portfolio: PORTFOLIO,
    gateAccounts: GATE_ACCOUNTS,
    prefs: {
      ...DEFAULT_PREFERENCES,
      gateAccounts: GATE_ACCOUNTS.map((a) => ({
        profile: a.profile,
        alias: a.alias,
        includeSubAccounts: a.includeSubAccounts,
        excludedSubAccounts: [],
      })),
    },
    ...overrides,
  });
}
