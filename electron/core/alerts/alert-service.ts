/**
 * Alerts wired into the app: after each state, the pure decision (alert-rules.ts) runs on what
 * is known — the shown total, the totals of alert currencies fetched on the side, their 24-hour
 * changes, the balance's own failures — and each alert that fires becomes one notification
 * through the shell. What each rule remembers (fired or armed) is a private file in the data
 * dir, so a restart neither repeats nor forgets a notification.
 *
 * An alert is judged on data in its own currency: when the popover shows another one, each
 * successful refresh also fetches the alert's currency, at most once a minute per currency.
 * Those side requests never make the account "unreadable": only the shown balance's own
 * failures do. The demo raises none and fetches nothing.
 *
 * With a portfolio (more than the first key's own account counted), above, below and move judge
 * the combined figure: its total whenever every counted source has one (a missing source would read
 * as a loss), in the currency shown, and its change (`portfolio.change24h`). No side request then:
 * one would read the first key's account alone, so a rule in another currency waits until that
 * currency is shown. "Cannot read" also fires, once per rule, when another source that was read
 * goes stale past the rule's wait or Gate refuses its key; the notification names the sources.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { AlertRule } from '../../../shared/alerts.js';
import { alertCurrencies } from '../../../shared/alerts.js';
import type { Currency, DecimalString, HistoryPoint } from '../../../shared/balance.js';
import { CURRENCIES } from '../../../shared/balance.js';
import type { Change24h } from '../../../shared/change.js';
import { rejectsKey } from '../../../shared/errors.js';
import type { WidgetState } from '../../../shared/ipc.js';
import type { AlertText } from '../../../shared/present/alert-words.js';
import { alertWords, keyExpiryWords } from '../../../shared/present/alert-words.js';
import type { Clock } from '../clock.js';
import type { BalanceResult } from '../gate/types.js';
import type { FileSystem } from '../files/private-files.js';
import { createNodeFileSystem, writeFileAtomic } from '../files/private-files.js';
import type { TotalAt } from '../balance/change-tracker.js';
import { wordsForLocale } from '../app/locale-words.js';
import { keySourceId, type PortfolioState } from '../../../shared/portfolio.js';
import { sourceSetFingerprint, wholeCombined } from '../portfolio/combined-history.js';
import { DEFAULT_PROFILE } from '../secrets/profiles.js';
import type { AlertMemory, AlertObservation, FailingSource } from './alert-rules.js';
import { emptyMemory, evaluateAlerts } from './alert-rules.js';
import type { KeyExpiryMemory } from './key-expiry-rules.js';
import { evaluateKeyExpiry } from './key-expiry-rules.js';
import { ALERTS_FILE_NAME } from '../data-dir.js';

/** Gate caches total_balance for a minute: asking an alert currency more often learns nothing. */
const ALERT_FETCH_INTERVAL_MS = 60_000;
/** `lastSuccessAt` is written at most this often on its own (the shortest "cannot read" wait is 10 min). */
const SUCCESS_PERSIST_MS = 5 * 60_000;
const MAX_FILE_BYTES = 64 * 1024;

const memorySchema = z.strictObject({ armed: z.boolean(), firedAt: z.number().int().nonnegative().nullable() });
const ruleId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
// Read key by key into a null-prototype record: a rule named `__proto__` keeps its memory
// (z.record would assign that key, which replaces an ordinary object's prototype instead).
const memoryRecordSchema = z
  .custom<Readonly<Record<string, unknown>>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
  .transform((raw, ctx): Record<string, AlertMemory> => {
    const memory = emptyMemory();
    for (const id of Object.keys(raw)) {
      const entry = memorySchema.safeParse(raw[id]);
      if (!ruleId.safeParse(id).success || !entry.success) {
        ctx.addIssue({ code: 'custom', message: 'not an alert memory', path: [id] });
        return z.NEVER;
      }
      memory[id] = entry.data;
    }
    return memory;
  });
const fileSchema = z.strictObject({
  version: z.literal(1),
  memory: memoryRecordSchema,
  lastSuccessAt: z.number().int().nonnegative().nullable(),
  // Absent in files written before key health: nothing sent yet.
  keyExpiry: z
    .strictObject({ expiresAt: z.number().int().nonnegative(), sent: z.array(z.number().int().min(0).max(365)).max(10) })
    .nullable()
    .optional(),
});

/** What the service needs of the change tracker. */
interface AlertChanges {
  /** Records an alert currency's total in the history (and works out its change). */
  append(point: HistoryPoint): Promise<void>;
  /** The change of a recorded total; undefined while it is not known. */
  knownChange(total: TotalAt): Change24h | null | undefined;
}

export interface AlertServiceOptions {
  readonly clock: Clock;
  /** Where alerts.json lives (the app's data dir). */
  readonly dataDir: string;
  readonly fs?: FileSystem;
  /** One currency's total from the user's account (the signed Gate client). */
  readonly fetchTotal: (currency: Currency) => Promise<BalanceResult>;
  readonly changes: AlertChanges;
  /** Shows one notification (main: an Electron Notification; clicking it opens the popover). */
  readonly notify: (text: AlertText) => void;
  /** Operational messages, never amounts. */
  readonly log?: (message: string) => void;
}

/** Runs the alert rules after each state and shows what fires. */
export class AlertService {
  readonly #options: AlertServiceOptions;
  readonly #fs: FileSystem;
  readonly #path: string;
  readonly #log: (message: string) => void;
  #memory: Readonly<Record<string, AlertMemory>> = emptyMemory();
  /** The key-expiry notices sent for the key's estimated expiry (key-expiry-rules.ts). */
  #keyExpiry: KeyExpiryMemory | null = null;
  #lastSuccessAt: number | null = null;
  #persistedSuccessAt: number | null = null;
  /** The newest total of each currency from the account: the shown one and the side fetches. */
  readonly #totals = new Map<Currency, { readonly total: DecimalString; readonly at: number }>();
  /** The newest whole combined figure of each currency, with the fingerprint of the sources it counts. */
  readonly #combined = new Map<Currency, { readonly total: DecimalString; readonly at: number; readonly sources: string }>();
  /** When each alert currency was last asked for (epoch ms). */
  readonly #askedAt = new Map<Currency, number>();
  readonly #inFlight = new Set<Promise<void>>();
  #lastShownAt: number | null = null;
  #state: WidgetState | null = null;
  #writes: Promise<void> = Promise.resolve();
  #disposed = false;
  #loaded = false;
  #loading: Promise<void> | null = null;

  constructor(options: AlertServiceOptions) {
    this.#options = options;
    this.#fs = options.fs ?? createNodeFileSystem();
    this.#path = join(options.dataDir, ALERTS_FILE_NAME);
    this.#log = options.log ?? ((message) => console.warn(`[alerts] ${message}`));
  }

  /**
   * Reads what the rules remembered before the last quit (a missing or damaged file starts
   * afresh), then judges the latest state observed meanwhile. Nothing fires before it.
   */
  load(): Promise<void> {
    this.#loading ??= this.#read().then(() => {
      this.#loaded = true;
      if (this.#state !== null) this.observe(this.#state);
    });
    return this.#loading;
  }

  async #read(): Promise<void> {
    let text: string | null;
    try {
      text = await this.#fs.readText(this.#path, { maxBytes: MAX_FILE_BYTES, overflow: 'refuse' });
    } catch (error) {
      this.#log(`could not read ${ALERTS_FILE_NAME} (${error instanceof Error ? error.name : 'unknown'}); every alert starts armed`);
      return;
    }
    if (text === null) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      this.#log(`${ALERTS_FILE_NAME} is damaged; every alert starts armed`);
      return;
    }
    this.#memory = parsed.data.memory;
    this.#keyExpiry = parsed.data.keyExpiry ?? null;
    this.#lastSuccessAt = parsed.data.lastSuccessAt;
    this.#persistedSuccessAt = parsed.data.lastSuccessAt;
  }

  /** Judges the rules on `state` (every published state comes here; a rule fires once per crossing). */
  observe(state: WidgetState): void {
    if (this.#disposed) return;
    this.#state = state;
    if (!this.#loaded) return; // load() judges the latest state once the memory is read
    // Demo figures are not the user's: they are never judged, remembered or followed by side requests.
    if (state.demo) return;
    // No key (removed, or none yet): there is no account to read, so nothing to alert about.
    if (!state.credentials.stored && state.credentials.keychainError === null) return;
    const rules = state.prefs.alerts;
    const shown = state.balance;
    let refreshed = false;
    if (shown !== null && shown.fetchedAt !== this.#lastShownAt) {
      this.#lastShownAt = shown.fetchedAt;
      refreshed = state.status === 'live';
      this.#remember(shown.currency, shown.total.amount, shown.fetchedAt);
    }
    if (state.portfolio !== null) this.#rememberCombined(state.portfolio);
    else if (refreshed) this.#fetchOthers(rules, state.currency);
    this.#evaluate(state, rules);
    this.#evaluateKeyExpiry(state);
  }

  /** Once at 14, 7 and 1 days before the key's estimated expiry; no amount is ever in it, so privacy mode changes nothing. */
  #evaluateKeyExpiry(state: WidgetState): void {
    const decision = evaluateKeyExpiry(state.keyHealth?.health?.expiresAt ?? null, this.#keyExpiry, this.#options.clock.now());
    if (decision.memory === this.#keyExpiry) return;
    this.#keyExpiry = decision.memory;
    this.#persist();
    if (decision.notice === null) return;
    try {
      this.#options.notify(keyExpiryWords(wordsForLocale(state.locale), decision.notice.days, decision.notice.expiresAt));
    } catch (error) {
      this.#log(`a notification could not be shown (${error instanceof Error ? error.name : 'unknown'})`);
    }
  }

  /** Resolves once no side request is in flight and every write is done (tests, and before quitting). */
  async whenIdle(): Promise<void> {
    await this.#loading;
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
    await this.#writes;
  }

  /** No more notifications or requests; a write under way still finishes. */
  dispose(): void {
    this.#disposed = true;
  }

  #remember(currency: Currency, total: DecimalString, at: number): void {
    const now = this.#options.clock.now();
    const known = this.#totals.get(currency);
    // An older snapshot (a cached currency shown again) never replaces a newer total, unless
    // the newer one is dated in the future: the clock jumped back, and the latest fetch wins.
    if (known === undefined || at >= known.at || known.at > now) this.#totals.set(currency, { total, at });
    if (this.#lastSuccessAt === null || at > this.#lastSuccessAt || this.#lastSuccessAt > now) this.#lastSuccessAt = at;
  }

  /** The combined figure when whole; its time is its newest source's data (a refresh of any source moves it). */
  #rememberCombined(portfolio: PortfolioState): void {
    const figure = wholeCombined(portfolio, false);
    if (figure === null) return;
    const times = portfolio.sources.flatMap((s) => (s.fetchedAt === null ? [] : [s.fetchedAt]));
    const at = times.length > 0 ? Math.max(...times) : this.#options.clock.now();
    this.#combined.set(figure.currency, { total: figure.total, at, sources: figure.sources });
  }

  /** Each alert currency other than the shown one, at most once a minute each. */
  #fetchOthers(rules: readonly AlertRule[], shownCurrency: Currency): void {
    const now = this.#options.clock.now();
    for (const currency of alertCurrencies(rules)) {
      if (currency === shownCurrency) continue;
      const asked = this.#askedAt.get(currency);
      // `asked > now`: the clock jumped back; ask again rather than wait for it to catch up.
      if (asked !== undefined && now - asked < ALERT_FETCH_INTERVAL_MS && asked <= now) continue;
      this.#askedAt.set(currency, now);
      const task = this.#fetchOne(currency).finally(() => this.#inFlight.delete(task));
      this.#inFlight.add(task);
    }
  }

  async #fetchOne(currency: Currency): Promise<void> {
    let result: BalanceResult;
    try {
      result = await this.#options.fetchTotal(currency);
    } catch {
      result = { ok: false, error: { code: 'INTERNAL', params: {}, detail: null } };
    }
    if (this.#disposed) return;
    if (!result.ok || result.balance.currency !== currency) {
      // Never "cannot read your account": that is the shown balance's own failures' to say.
      this.#log(`alert currency ${currency}: ${result.ok ? 'answered in another currency' : result.error.code}`);
      return;
    }
    const { balance } = result;
    const point: HistoryPoint = { at: balance.fetchedAt, currency, total: balance.total.amount };
    this.#remember(currency, point.total, point.at);
    await this.#options.changes.append(point).catch(() => this.#log(`alert currency ${currency}: not recorded in the history`));
    const state = this.#state;
    if (state !== null && !this.#disposed && !state.demo) this.#evaluate(state, state.prefs.alerts);
  }

  #evaluate(state: WidgetState, rules: readonly AlertRule[]): void {
    const totals: Partial<Record<Currency, { total: DecimalString; at: number }>> = {};
    const changes: Partial<Record<Currency, Change24h | null>> = {};
    const portfolio = state.portfolio;
    if (portfolio !== null) {
      // Only figures of the sources counted now: one of another set would judge money that is no longer counted.
      const sources = sourceSetFingerprint(portfolio.sources);
      for (const [currency, known] of this.#combined)
        if (known.sources === sources) totals[currency] = { total: known.total, at: known.at };
      // Null is "not known yet" as much as "no earlier point": a fired move rule is not re-armed by it.
      if (portfolio.change24h !== null) changes[portfolio.currency] = portfolio.change24h;
    } else {
      for (const currency of CURRENCIES) {
        const known = this.#totals.get(currency);
        if (known === undefined) continue;
        totals[currency] = known;
        const change = this.#options.changes.knownChange({ currency, ...known });
        if (change !== undefined) changes[currency] = change;
      }
    }
    const failing = state.status === 'stale' || state.status === 'error';
    const observation: AlertObservation = {
      now: this.#options.clock.now(),
      demo: false,
      totals,
      changes,
      lastSuccessAt: this.#lastSuccessAt,
      permanentFailure: failing && state.error !== null && rejectsKey(state.error.code),
      ...(portfolio === null ? {} : { failingSources: failingSources(portfolio) }),
    };
    const decision = evaluateAlerts(rules, this.#memory, observation);
    const changed = JSON.stringify(decision.memory) !== JSON.stringify(this.#memory);
    this.#memory = decision.memory;
    const successDue =
      this.#lastSuccessAt !== null &&
      (this.#persistedSuccessAt === null || Math.abs(this.#lastSuccessAt - this.#persistedSuccessAt) >= SUCCESS_PERSIST_MS);
    if (changed || successDue) this.#persist();
    if (decision.notifications.length === 0) return;
    // Words at the edge, in the state's language, with privacy mode as it is now.
    const words = wordsForLocale(state.locale);
    for (const event of decision.notifications) {
      try {
        this.#options.notify(alertWords(words, event, state.prefs.privacy));
      } catch (error) {
        this.#log(`a notification could not be shown (${error instanceof Error ? error.name : 'unknown'})`);
      }
    }
  }

  #persist(): void {
    const data = { version: 1, memory: this.#memory, lastSuccessAt: this.#lastSuccessAt, keyExpiry: this.#keyExpiry };
    this.#persistedSuccessAt = this.#lastSuccessAt;
    this.#writes = this.#writes
      .then(() => writeFileAtomic(this.#fs, this.#path, `${JSON.stringify(data)}\n`))
      .catch((error: unknown) => this.#log(`could not save ${ALERTS_FILE_NAME} (${error instanceof Error ? error.name : 'unknown'})`));
  }
}

/** The counted sources besides the first key's own account (its failures are the balance's) that were read and now fail. */
function failingSources(portfolio: PortfolioState): FailingSource[] {
  const own = keySourceId(DEFAULT_PROFILE);
  return portfolio.sources.flatMap((s) =>
    s.id === own || s.status !== 'stale' || s.fetchedAt === null
      ? []
      : [{ name: s.name, lastSuccessAt: s.fetchedAt, permanent: s.error !== null && rejectsKey(s.error.code) }],
  );
}
