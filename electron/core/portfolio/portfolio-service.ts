/**
 * PortfolioService: every source the user counts, kept per currency, and their combined figure.
 * Active only when more than the first key's own account is counted (another key in
 * prefs.gateAccounts, or a key's sub-accounts included). The first key's own source is the
 * BalanceService's snapshot (never fetched twice); every other key reads its own total with its
 * own client on its own schedule at the same interval, phase-shifted so that two keys never ask
 * Gate in the same instant, each obeying its own 429 wait. A failure is always one source's
 * state (nextSource keeps its last good total, marked stale); the others stay live.
 */
import type { BalanceSnapshot, Currency } from '../../../shared/balance.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { appError, isPermanentError, ok } from '../../../shared/errors.js';
import type { CoinBalance, TickerPrices } from '../../../shared/holdings.js';
import type { PortfolioState, Source, SubAccountProduct } from '../../../shared/portfolio.js';
import {
  combineSources,
  countOnce,
  failedSource,
  keySource,
  keySourceId,
  nextSource,
  subAccountSourceId,
} from '../../../shared/portfolio.js';
import type { Preferences } from '../../../shared/prefs.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { AccountDetailInfo } from '../gate/key-schema.js';
import type { BalanceResult } from '../gate/types.js';
import type { HoldingsClient } from '../holdings/holdings-service.js';
import { DEFAULT_PROFILE } from '../secrets/profiles.js';
import { readProfileSources } from './profile-sources.js';
import { SubAccountReader } from './sub-account-reader.js';
import type { SubAccountRecord } from './sub-account-schema.js';

/** What the service asks of a key's Gate client (GateClient). */
export interface PortfolioClient extends HoldingsClient {
  getTotalBalance(currency: Currency, options?: { readonly signal?: AbortSignal }): Promise<BalanceResult>;
  getAccountDetail(options?: { readonly signal?: AbortSignal }): Promise<Result<AccountDetailInfo>>;
}

/** The first key as the BalanceService shows it: its snapshot in the shown currency, or why there is none. */
interface MainAccount {
  readonly client: PortfolioClient;
  readonly snapshot: BalanceSnapshot | null;
  readonly stale: boolean;
  readonly error: AppError | null;
}

export interface PortfolioServiceOptions {
  readonly clock: Clock;
  /** Another key's client (its own credentials, from its own keychain entry); built once per profile. */
  readonly clientFor: (profile: string) => PortfolioClient;
  /** Called whenever the portfolio changed (a source read or failed). */
  readonly onChange: () => void;
  readonly log?: (message: string) => void;
}

/** What the portfolio counts, as GlanceApp derives it from preferences and the BalanceService. */
export interface PortfolioPlan {
  /** prefs.gateAccounts (in demo mode: the `default` entry only). */
  readonly accounts: readonly GateAccountPrefs[];
  readonly currency: Currency;
  readonly intervalMs: number;
  readonly main: MainAccount;
}

/** The first read of each other key after a (re)start: one key per gap, never all at once. */
export const START_GAP_MS = 2_000;
/** The USDT total read for Gate's own rate is reused this long (ms). */
const RATE_TOTAL_MS = 60_000;

/** One key's entry in Preferences.gateAccounts. */
type GateAccountPrefs = Preferences['gateAccounts'][number];

interface KeyRead {
  readonly client: PortfolioClient;
  readonly reader: SubAccountReader;
  /** Gate's user id (`/account/detail`), asked once per key; undefined until answered. */
  uid: string | null | undefined;
  timer: TimerHandle | null;
  /** Gate's 429 wait for this key (epoch ms). */
  waitUntil: number;
  /** When this key's schedule was last anchored (epoch ms). */
  anchor: number;
  controller: AbortController | null;
  /** The key's own last snapshot per currency (for its holdings view). */
  readonly snapshots: Map<Currency, BalanceSnapshot>;
  /** Gate's last sub-account list for this key (Settings lists it). */
  subAccounts: readonly SubAccountRecord[] | null;
}

/** Whether `accounts` count more than the first key's own account. */
export function portfolioActive(accounts: readonly GateAccountPrefs[]): boolean {
  return accounts.some((a) => a.profile !== DEFAULT_PROFILE || a.includeSubAccounts);
}

/** The profiles read, `default` first, then the others in prefs order. */
function orderedProfiles(accounts: readonly GateAccountPrefs[]): string[] {
  return [DEFAULT_PROFILE, ...accounts.map((a) => a.profile).filter((p) => p !== DEFAULT_PROFILE)];
}

/** A source that has not been read yet: no total, nothing failed. */
function pendingSource(profile: string, name: string): Source {
  return {
    ...failedSource({ id: keySourceId(profile), kind: 'key', profile, uid: null, name }, appError('INTERNAL', { reason: 'unexpected' })),
    status: 'ok',
    error: null,
  };
}

/** Every counted source and their combined figure, read on a spread schedule. */
export class PortfolioService {
  readonly #clock: Clock;
  readonly #clientFor: (profile: string) => PortfolioClient;
  readonly #onChange: () => void;
  readonly #log: (message: string) => void;
  readonly #keys = new Map<string, KeyRead>();
  /** Each source's last read per currency (`currency|id`), the memory nextSource keeps stale totals from. */
  readonly #last = new Map<string, Source>();
  #plan: PortfolioPlan | null = null;
  #paused = false;
  #disposed = false;
  #mainClient: PortfolioClient | null = null;
  #mainRead: KeyRead | null = null;
  /** The first key's snapshot whose sub-accounts were last read (its fetchedAt and currency). */
  #mainReadFor: string | null = null;
  #rateTotal: { readonly at: number; readonly result: BalanceResult } | null = null;
  #state: PortfolioState | null = null;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: PortfolioServiceOptions) {
    this.#clock = options.clock;
    this.#clientFor = options.clientFor;
    this.#onChange = options.onChange;
    this.#log = options.log ?? (() => undefined);
  }

  /** The portfolio in the plan's currency; null while only the first key's own account is counted. */
  get state(): PortfolioState | null {
    return this.#state;
  }

  /** The sub-accounts Gate last listed for `profile`'s key; null until listed. */
  subAccountsOf(profile: string): readonly SubAccountRecord[] | null {
    return (profile === DEFAULT_PROFILE ? this.#mainRead : this.#keys.get(profile))?.subAccounts ?? null;
  }

  /** A sub-account's coins in one product through its key's reader (Gate's balances, kept a minute); null when it is not read. */
  async subAccountCoins(
    profile: string,
    uid: string,
    product: SubAccountProduct,
  ): Promise<Result<{ readonly coins: readonly CoinBalance[]; readonly tickers: TickerPrices; readonly fetchedAt: number }> | null> {
    const key = profile === DEFAULT_PROFILE ? this.#mainRead : this.#keys.get(profile);
    const listed = key?.subAccounts ?? null;
    if (key === null || key === undefined || listed === null || !listed.some((s) => s.uid === uid)) return null;
    const read = await key.reader.balances(listed.map((s) => s.uid));
    const coins = read.products[product];
    if (!coins.ok) return coins;
    if (!read.tickers.ok) return read.tickers;
    return ok({ coins: coins.value.get(uid) ?? [], tickers: read.tickers.value, fetchedAt: read.fetchedAt });
  }

  /** `profile`'s last own snapshot in `currency` (another key's; the first key's is the BalanceService's). */
  snapshotOf(profile: string, currency: Currency): BalanceSnapshot | null {
    return this.#keys.get(profile)?.snapshots.get(currency) ?? null;
  }

  /** The client `profile` is read with (the first key's while it is the BalanceService's). */
  clientOf(profile: string): PortfolioClient | null {
    if (profile === DEFAULT_PROFILE) return this.#mainClient;
    return this.#keys.get(profile)?.client ?? null;
  }

  /** Resolves once no read is in flight. */
  async whenIdle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /**
   * Takes the current plan: starts or stops keys' schedules when the list changed, reads the
   * first key's sub-accounts when its snapshot is new, and recomputes the state. Cheap when nothing changed.
   */
  update(plan: PortfolioPlan): void {
    if (this.#disposed) return;
    const previous = this.#plan;
    this.#plan = plan;
    if (this.#mainClient !== plan.main.client) {
      this.#mainClient = plan.main.client;
      this.#mainRead = null;
      this.#mainReadFor = null;
      this.#rateTotal = null;
    }
    if (!portfolioActive(plan.accounts)) {
      this.#stopAll();
      this.#setState(null);
      return;
    }
    const others = orderedProfiles(plan.accounts).slice(1);
    const rescheduled =
      previous === null ||
      previous.intervalMs !== plan.intervalMs ||
      previous.currency !== plan.currency ||
      others.join('\n') !== orderedProfiles(previous.accounts).slice(1).join('\n') ||
      !portfolioActive(previous.accounts);
    for (const [profile, key] of this.#keys)
      if (!others.includes(profile)) {
        this.#cancel(key);
        this.#keys.delete(profile);
      }
    if (rescheduled) this.#restart();
    const included = plan.accounts.find((a) => a.profile === DEFAULT_PROFILE)?.includeSubAccounts ?? false;
    if (!included) this.#mainReadFor = null;
    const snapshot = plan.main.snapshot;
    const readFor = snapshot === null ? null : `${snapshot.currency}|${snapshot.fetchedAt}`;
    if (included && !this.#paused && readFor !== null && readFor !== this.#mainReadFor) {
      this.#mainReadFor = readFor;
      this.#track(this.#readMainSubAccounts(plan.currency));
    }
    // Sub-account switches changed: readers of other keys pick them up at their next read; read them soon.
    if (previous !== null && !rescheduled && subAccountChoices(previous.accounts) !== subAccountChoices(plan.accounts)) this.#restart();
    this.#recompute();
  }

  /** "Refresh": every other key once more, one per START_GAP_MS (each within its own 429 wait). */
  refresh(): void {
    this.#restart();
  }

  /** Forgets everything read (the first key was replaced, or demo and account swapped). */
  reset(): void {
    this.#stopAll();
    this.#last.clear();
    this.#mainRead = null;
    this.#mainReadFor = null;
    this.#rateTotal = null;
    for (const key of this.#keys.values()) key.subAccounts = null;
    this.#keys.clear();
    if (this.#plan !== null) this.update(this.#plan);
  }

  /** Forgets one key (removed, or replaced). */
  forget(profile: string): void {
    const key = this.#keys.get(profile);
    if (key) this.#cancel(key);
    this.#keys.delete(profile);
    for (const id of [...this.#last.keys()]) if (id.split('|')[1]?.split(':')[1] === profile) this.#last.delete(id);
  }

  /** Suspend, lock, sleep: no timer runs and the reads in flight are aborted. */
  pause(): void {
    this.#paused = true;
    this.#stopAll();
  }

  /** Wake, unlock, network back: each key reads again, spread. */
  resume(): void {
    if (this.#disposed) return;
    this.#paused = false;
    this.#restart();
  }

  /** The network is back or changed: each key reads again, spread (unless paused). */
  networkBack(): void {
    if (!this.#paused) this.#restart();
  }

  /** Leaves no timer and no request. */
  dispose(): void {
    this.#disposed = true;
    this.#stopAll();
  }

  #stopAll(): void {
    for (const key of this.#keys.values()) this.#cancel(key);
  }

  #cancel(key: KeyRead): void {
    if (key.timer !== null) this.#clock.clearTimeout(key.timer);
    key.timer = null;
    key.controller?.abort();
    key.controller = null;
  }

  /** Every other key's schedule anew: key i first reads at (i + 1) × START_GAP_MS, then every interval, i × interval / n apart. */
  #restart(): void {
    const plan = this.#plan;
    if (plan === null || this.#paused || this.#disposed || !portfolioActive(plan.accounts)) return;
    const others = orderedProfiles(plan.accounts).slice(1);
    const now = this.#clock.now();
    others.forEach((profile, i) => {
      const key = this.#key(profile);
      if (key.timer !== null) this.#clock.clearTimeout(key.timer);
      key.anchor = now + ((i + 1) * plan.intervalMs) / (others.length + 1);
      this.#arm(profile, key, Math.max(now + (i + 1) * START_GAP_MS, key.waitUntil));
    });
  }

  #key(profile: string): KeyRead {
    let key = this.#keys.get(profile);
    if (key === undefined) {
      const client = this.#clientFor(profile);
      key = {
        client,
        reader: new SubAccountReader({ client, clock: this.#clock }),
        uid: undefined,
        timer: null,
        waitUntil: 0,
        anchor: this.#clock.now(),
        controller: null,
        snapshots: new Map(),
        subAccounts: null,
      };
      this.#keys.set(profile, key);
    }
    return key;
  }

  #arm(profile: string, key: KeyRead, at: number): void {
    if (key.timer !== null) this.#clock.clearTimeout(key.timer);
    key.timer = this.#clock.setTimeout(
      () => {
        key.timer = null;
        this.#track(this.#readKey(profile, key));
      },
      Math.max(0, at - this.#clock.now()),
    );
  }

  /** The next slot of this key's phase after now, and never inside its 429 wait. */
  #nextSlot(key: KeyRead, intervalMs: number): number {
    const now = this.#clock.now();
    const periods = Math.max(1, Math.ceil((now - key.anchor + 1) / intervalMs));
    return Math.max(key.anchor + periods * intervalMs, key.waitUntil);
  }

  #track(work: Promise<void>): void {
    const p = work.catch((error: unknown) => this.#log(`a read failed (${error instanceof Error ? error.name : 'unknown'})`));
    this.#inFlight.add(p);
    void p.finally(() => this.#inFlight.delete(p));
  }

  async #readKey(profile: string, key: KeyRead): Promise<void> {
    const plan = this.#plan;
    if (plan === null || this.#disposed) return;
    const entry = plan.accounts.find((a) => a.profile === profile);
    const currency = plan.currency;
    const controller = new AbortController();
    key.controller = controller;
    const read = await readProfileSources({
      profile,
      client: key.client,
      currency,
      ...(entry?.includeSubAccounts ? { subAccounts: key.reader } : {}),
      identify: key.uid === undefined,
      signal: controller.signal,
    });
    if (key.controller === controller) key.controller = null;
    if (controller.signal.aborted || this.#disposed || this.#keys.get(profile) !== key || this.#plan?.currency !== currency) return;
    const own = read.sources[0];
    // Asked once per key: a key that may not read /account/detail is not asked again each refresh.
    if (key.uid === undefined) key.uid = own?.uid ?? null;
    if (read.total.ok) key.snapshots.set(currency, read.total.balance);
    else if (read.total.error.code === 'RATE_LIMITED' && read.total.error.retryAfterMs !== undefined)
      key.waitUntil = this.#clock.now() + read.total.error.retryAfterMs;
    // The list is kept 10 minutes once read: asking again costs no request (unless it failed, when it is not asked).
    if (entry?.includeSubAccounts && !read.sources.some((s) => s.id === subAccountSourceId(profile, '*'))) {
      const listed = await key.reader.list();
      if (listed.ok) key.subAccounts = listed.value;
    }
    this.#remember(
      currency,
      profile,
      read.sources.map((s) => (s.kind === 'key' ? { ...s, uid: s.uid ?? key.uid ?? null } : s)),
    );
    // A refused key (bad key, no permission, no pair) is not asked again until something changes: a refresh, a wake, the list.
    const refused = !read.total.ok && isPermanentError(read.total.error.code);
    if (!refused && !this.#paused && !this.#disposed && this.#keys.get(profile) === key)
      this.#arm(profile, key, this.#nextSlot(key, plan.intervalMs));
  }

  /** The first key's sub-accounts, against the BalanceService's total (Gate's USDT total read at most once a minute for the rate). */
  async #readMainSubAccounts(currency: Currency): Promise<void> {
    const plan = this.#plan;
    const client = this.#mainClient;
    if (plan === null || client === null || plan.main.snapshot === null) return;
    const main = (this.#mainRead ??= {
      client,
      reader: new SubAccountReader({ client, clock: this.#clock }),
      uid: undefined,
      timer: null,
      waitUntil: 0,
      anchor: 0,
      controller: null,
      snapshots: new Map(),
      subAccounts: null,
    });
    const snapshot = plan.main.snapshot;
    const usdt = currency === 'USDT' ? null : await this.#usdtTotal(client);
    const shown: PortfolioClient = {
      get: (path, query, options) => client.get(path, query, options),
      getAccountDetail: (options) => client.getAccountDetail(options),
      getTotalBalance: (c) => Promise.resolve(c === currency ? { ok: true, balance: snapshot, meta: NO_META } : (usdt ?? unavailable())),
    };
    const read = await readProfileSources({
      profile: DEFAULT_PROFILE,
      client: shown,
      currency,
      subAccounts: main.reader,
      identify: main.uid === undefined,
    });
    if (this.#mainRead !== main || this.#disposed || this.#plan?.currency !== currency) return;
    const own = read.sources[0];
    if (main.uid === undefined) main.uid = own?.uid ?? null;
    if (!read.sources.some((s) => s.id === subAccountSourceId(DEFAULT_PROFILE, '*'))) {
      const listed = await main.reader.list();
      if (listed.ok) main.subAccounts = listed.value;
    }
    this.#remember(
      currency,
      DEFAULT_PROFILE,
      read.sources.filter((s) => s.kind === 'sub-account'),
    );
  }

  async #usdtTotal(client: PortfolioClient): Promise<BalanceResult> {
    const now = this.#clock.now();
    if (this.#rateTotal !== null && this.#rateTotal.result.ok && now - this.#rateTotal.at < RATE_TOTAL_MS) return this.#rateTotal.result;
    const result = await client.getTotalBalance('USDT');
    this.#rateTotal = { at: now, result };
    return result;
  }

  /** One key's read: each source after nextSource; a sub-account the read no longer names is dropped, or kept stale when the list itself failed. */
  #remember(currency: Currency, profile: string, sources: readonly Source[]): void {
    const listFailed = sources.find((s) => s.id === subAccountSourceId(profile, '*'));
    const prefix = `${currency}|${subAccountSourceId(profile, '')}`;
    for (const [id, previous] of [...this.#last])
      if (id.startsWith(prefix) && !sources.some((s) => `${currency}|${s.id}` === id)) {
        if (listFailed?.error && previous.total !== null) this.#last.set(id, { ...previous, status: 'stale', error: listFailed.error });
        else this.#last.delete(id);
      }
    for (const fresh of sources) {
      const id = `${currency}|${fresh.id}`;
      this.#last.set(id, nextSource(this.#last.get(id) ?? null, fresh));
    }
    this.#recompute();
  }

  #recompute(): void {
    const plan = this.#plan;
    if (plan === null || !portfolioActive(plan.accounts)) return this.#setState(null);
    const { currency } = plan;
    const sources: Source[] = [];
    for (const profile of orderedProfiles(plan.accounts)) {
      const entry = plan.accounts.find((a) => a.profile === profile);
      const alias = entry?.alias ? entry.alias : profile;
      const own = profile === DEFAULT_PROFILE ? this.#mainSource(plan, alias) : this.#last.get(`${currency}|${keySourceId(profile)}`);
      sources.push(own === undefined ? pendingSource(profile, alias) : { ...own, name: alias });
      if (!entry?.includeSubAccounts) continue;
      const excluded = new Set(entry.excludedSubAccounts);
      const prefix = `${currency}|sub:${profile}:`;
      for (const [id, source] of this.#last)
        if (id.startsWith(prefix) && (source.uid === null || !excluded.has(source.uid))) sources.push(source);
    }
    const counted = countOnce(sources);
    const previous = this.#state;
    const next: PortfolioState = {
      currency,
      sources: counted,
      combined: combineSources(counted, currency),
      change24h: null,
    };
    if (previous !== null && JSON.stringify(previous) === JSON.stringify(next)) return;
    this.#setState(next);
  }

  #mainSource(plan: PortfolioPlan, alias: string): Source {
    const { snapshot, stale, error } = plan.main;
    const uid = this.#mainRead?.uid ?? null;
    if (snapshot !== null && snapshot.currency === plan.currency) {
      const source = { ...keySource(DEFAULT_PROFILE, uid, snapshot), name: alias };
      return stale ? { ...source, status: 'stale', error } : source;
    }
    const base = { id: keySourceId(DEFAULT_PROFILE), kind: 'key' as const, profile: DEFAULT_PROFILE, uid, name: alias };
    return error === null ? pendingSource(DEFAULT_PROFILE, alias) : failedSource(base, error);
  }

  #setState(next: PortfolioState | null): void {
    if (this.#state === next) return;
    this.#state = next;
    this.#onChange();
  }
}

/** The BalanceService's snapshot handed on as an answer: nothing was asked of Gate for it. */
const NO_META = { rateLimitRemaining: null, rateLimitResetAt: null, clockOffsetMs: 0 } as const;

function unavailable(): BalanceResult {
  return { ok: false, error: appError('INTERNAL', { reason: 'unexpected' }) };
}

/** The sub-account switches of a list, to see whether they changed. */
function subAccountChoices(accounts: readonly GateAccountPrefs[]): string {
  return JSON.stringify(accounts.map((a) => [a.profile, a.includeSubAccounts, a.excludedSubAccounts]));
}
